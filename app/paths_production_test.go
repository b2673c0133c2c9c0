//go:build production

package app

import (
	"os"
	"passerelle/submission"
	"path/filepath"
	"testing"
)

// TestPaths_ProductionBuildRefuses: the binary the learner runs (built with the production
// tag) refuses a path the page sends without a native dialog. Run with
// `go test -tags production ./app -run Production`.
func TestPaths_ProductionBuildRefuses(t *testing.T) {
	s := newSession(t, t.TempDir(), "en")
	if s.anyPath {
		t.Fatal("the production build accepts any path from the page")
	}
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "lea.pdf")
	_, err := (&Export{s}).ToPath(submission.Request{Language: "en"}, pdf)
	wantNotChosen(t, "Export.ToPath", err)
	if _, err := os.Stat(pdf); err == nil {
		t.Fatal("the PDF was written")
	}
}
