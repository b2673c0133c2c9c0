package main

import (
	"strings"
	"testing"

	"passerelle/locales"
)

// A learner with no WebView2 reads, in English and in French, what to install and that
// nothing will be downloaded; no text offers a download.
func TestWindowsOptions_MissingWebView2SaysWhatToInstallInBothLanguages(t *testing.T) {
	catalog, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	m := windowsOptions(catalog).Messages
	for _, want := range []string{"Evergreen Standalone Installer", "never downloads", "ne télécharge jamais",
		"programme d’installation autonome Evergreen", "developer.microsoft.com/microsoft-edge/webview2"} {
		if !strings.Contains(m.ContactAdmin, want) {
			t.Errorf("message lacks %q:\n%s", want, m.ContactAdmin)
		}
	}
	if !strings.Contains(m.Error, "WebView2") || !strings.Contains(m.Error, "a besoin de") {
		t.Errorf("title %q", m.Error)
	}
	for _, s := range []string{m.ContactAdmin, m.InstallationRequired, m.UpdateRequired, m.DownloadPage,
		m.Webview2NotInstalled, m.FailedToInstall, m.Error} {
		if strings.Contains(s, "WebView2Missing") || strings.Contains(strings.ToLower(s), "press ok") {
			t.Errorf("untranslated or download-offering text: %q", s)
		}
	}
}
