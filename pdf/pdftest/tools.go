package pdftest

import (
	"os"
	"os/exec"
	"testing"
)

// toolPackages names the Debian package of each checker, for the message.
var toolPackages = map[string]string{"pdftotext": "poppler-utils", "pdfinfo": "poppler-utils",
	"pdfdetach": "poppler-utils", "pdftoppm": "poppler-utils", "qpdf": "qpdf"}

// NeedTools skips the test on a developer's machine that lacks a checker, saying which Debian
// package to install; under CI (CI=true) a missing checker fails the test instead, so a check
// can never pass by being skipped.
func NeedTools(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			SkipOrFail(t, "%s is not installed (apt-get install %s): the real PDF cannot be checked", tool, toolPackages[tool])
		}
	}
}

// SkipOrFail skips a test whose prerequisite is missing, except under CI (CI=true), where the
// same reason fails it: CI installs every prerequisite, so a missing one is a broken set-up.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true: "+format, args...)
	}
	t.Skipf(format, args...)
}
