package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLI_TargetImportThenReadiness(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	csv := filepath.Join(dir, "outcomes.csv")
	os.WriteFile(csv, []byte("\ufeffcode;text_fr\r\nSOC-1;Accueillir les personnes nouvellement arrivées\r\nSOC-2;Animer un atelier\r\n"), 0o600)
	code, out, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Intervention sociale", csv)
	if code != 0 || !strings.Contains(out, "Imported 2 learning outcomes into “Intervention sociale”") {
		t.Fatalf("import: exit %d %s %s", code, out, stderr)
	}
	code, _, stderr = runCLI(t, "target", "import", "--portfolio", path, "--target", "Intervention sociale", csv)
	if code != 1 || !strings.Contains(stderr, "already has an outcome with the code “SOC-1”") {
		t.Fatalf("second import of the same codes: exit %d %s", code, stderr)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("code,text_en\nX1,One\nX2,\n"), 0o600)
	code, _, stderr = runCLI(t, "target", "import", "--portfolio", path, "--target", "Other", bad)
	if code != 1 || !strings.Contains(stderr, "Row 3 (code X2) has no outcome text") {
		t.Fatalf("bad file: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "target", "import", "--portfolio", path, csv); code != 2 {
		t.Fatalf("missing --target: exit %d", code)
	}

	code, out, _ = runCLI(t, "readiness", "--portfolio", path, "--json")
	var r readinessReport
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || len(r.Targets) != 2 {
		t.Fatalf("readiness --json: exit %d %s", code, out)
	}
	demo := r.Targets[0]
	if demo.Total != 8 || demo.Claimed != 4 || demo.Ready < 1 || demo.Ready == demo.Claimed || len(demo.Next) == 0 {
		t.Fatalf("demo target readiness %+v", demo)
	}
	if r.Targets[1].Name != "Intervention sociale" || r.Targets[1].Claimed != 0 || r.Targets[1].Next[0].MessageID != "StepDecideClaim" {
		t.Fatalf("imported target readiness %+v", r.Targets[1])
	}
	code, out, _ = runCLI(t, "readiness", "--portfolio", path, "--target", "Intervention sociale")
	if code != 0 || !strings.Contains(out, "Intervention sociale: 2 outcomes, 0 claimed, 0 ready") ||
		!strings.Contains(out, "SOC-1 — Decide whether to claim this outcome.") {
		t.Fatalf("readiness text: %s", out)
	}
	if code, _, stderr := runCLI(t, "readiness", "--portfolio", path, "--target", "Nope"); code != 1 ||
		!strings.Contains(stderr, "no longer exists") {
		t.Fatalf("unknown target: exit %d %s", code, stderr)
	}
}

// TestCLI_ExportWithSeveralTargetsAsksWhichOne: with two targets and no --target, export once
// wrote a PDF with no claims; now it refuses with exit status 2, names the targets, and writes
// nothing. With --target it writes that target's PDF.
func TestCLI_ExportWithSeveralTargetsAsksWhichOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.passerelle")
	if code, _, stderr := runCLI(t, "demo", "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	csv := filepath.Join(dir, "outcomes.csv")
	os.WriteFile(csv, []byte("code,text_en\nSOC-1,Welcome newcomers\n"), 0o600)
	if code, _, stderr := runCLI(t, "target", "import", "--portfolio", path, "--target", "Social work", csv); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "p.pdf")
	code, _, stderr := runCLI(t, "export", "--portfolio", path, "--out", out)
	if code != 2 || !strings.Contains(stderr, "has 2 targets; choose one with --target") || !strings.Contains(stderr, "“Social work”") {
		t.Fatalf("export with two targets: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a PDF was written although the target was not chosen")
	}
	if code, stdout, stderr := runCLI(t, "export", "--portfolio", path, "--target", "Social work", "--lang", "en", "--out", out); code != 0 {
		t.Fatalf("export --target: exit %d, %s %s", code, stdout, stderr)
	}
}
