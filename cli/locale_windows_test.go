package cli

import (
	"strings"
	"testing"

	"passerelle/locales"
)

// On Windows no LANG is set: the language comes from the user's display language, which
// always names one (en-US on a system never changed), so French Windows gets French messages.
func TestSystemLocale_WindowsAsksTheDisplayLanguage(t *testing.T) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		t.Setenv(k, "")
	}
	got := displayLanguage()
	if got == "" || !strings.Contains(got, "-") {
		t.Fatalf("displayLanguage() = %q, want a language name such as fr-CA", got)
	}
	if l := locales.Normalize(SystemLocale()); l != "en" && l != "fr" {
		t.Fatalf("SystemLocale() normalises to %q", l)
	}
}
