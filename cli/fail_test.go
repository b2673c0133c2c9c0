package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"passerelle/locales"
)

// An error no one foresaw still reaches the learner in their language, without SQLite's text.
func TestCLIFail_UnforeseenErrorIsTranslatedNotRaw(t *testing.T) {
	catalog, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PASSERELLE_DEBUG", "")
	for lang, want := range map[string]string{"en": "Something went wrong", "fr": "Un problème est survenu"} {
		var errOut bytes.Buffer
		c := cli{Env: Env{Catalog: catalog, Lang: lang}, stderr: &errOut}
		code := c.fail(errors.New("open portfolio: SQL logic error: invalid uri authority: C:%5Cdemo.passerelle (1)"))
		if code != 1 || !strings.Contains(errOut.String(), want) || strings.Contains(errOut.String(), "SQL") {
			t.Errorf("%s: exit %d, %q", lang, code, errOut.String())
		}
	}
}
