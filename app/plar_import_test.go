package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/plar"
)

func TestTargets_PreviewThenImportWithTheLearnersColumns(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir, "fr_CA.UTF-8")
	v := NewServices(s)
	if _, err := s.Create("Essai"); err != nil {
		t.Fatal(err)
	}
	target, err := v.Targets.Save(plar.Target{Name: "Soins infirmiers", Language: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	csv := "\ufeffCode;Résultat;Outcome\r\nSOI-01;Établir une relation d’aide;Build a helping relationship\r\nSOI-02;Prévenir les infections;Prevent infections\r\n"
	file, err := v.Targets.PreviewOutcomesData("soins.csv", "data:text/csv;base64,"+base64.StdEncoding.EncodeToString([]byte(csv)))
	if err != nil {
		t.Fatal(err)
	}
	if file.ID == 0 || file.Name != "soins.csv" || file.Preview.Count != 2 ||
		file.Preview.Guess != (plar.Columns{Code: 0, EN: 2, FR: 1}) {
		t.Fatalf("preview %+v", file)
	}

	// A mapping that takes the code column as the text is refused in French, and adds nothing.
	_, err = v.Targets.ImportOutcomes(target.ID, file.ID, plar.Columns{Code: 0, EN: 0, FR: 1})
	ui := v.FormatError(err).(UIError)
	if ui.Field != plar.ColumnsField || !strings.HasPrefix(ui.Message, "La colonne «\u00a0Code\u00a0» ne peut pas servir à deux choses") {
		t.Fatalf("same column twice: %+v", ui)
	}
	// The learner corrects the choice: the same file is still waiting.
	added, err := v.Targets.ImportOutcomes(target.ID, file.ID, plar.Columns{Code: 0, EN: 2, FR: 1})
	if err != nil || len(added) != 2 || added[0].TextFR != "Établir une relation d’aide" || added[0].TextEN != "Build a helping relationship" {
		t.Fatalf("import: %+v %v", added, err)
	}
	// Once imported, the file is gone: a second click cannot add it twice.
	_, err = v.Targets.ImportOutcomes(target.ID, file.ID, plar.Columns{Code: 0, EN: 2, FR: 1})
	if ui := v.FormatError(err).(UIError); !strings.HasPrefix(ui.Message, "Ce fichier n’attend plus d’être importé") {
		t.Fatalf("second import: %+v", ui)
	}

	// A newer preview replaces the older one; a refused preview leaves nothing to import.
	older, _ := v.Targets.PreviewOutcomesData("a.csv", base64.StdEncoding.EncodeToString([]byte("code,text_en\nX1,One\n")))
	newer, _ := v.Targets.PreviewOutcomesData("b.csv", base64.StdEncoding.EncodeToString([]byte("code,text_en\nX2,Two\n")))
	if _, err := v.Targets.ImportOutcomes(target.ID, older.ID, plar.Columns{Code: 0, EN: 1, FR: plar.NoColumn}); err == nil {
		t.Fatal("an older preview was imported")
	}
	if _, err := v.Targets.PreviewOutcomesData("c.csv", "***"); err == nil {
		t.Fatal("bad base64 accepted")
	}
	if _, err := v.Targets.ImportOutcomes(target.ID, newer.ID, plar.Columns{Code: 0, EN: 1, FR: plar.NoColumn}); err == nil {
		t.Fatal("a preview replaced by a refused one was imported")
	}
	list, _ := v.Targets.List()
	if len(list) != 1 || len(list[0].Outcomes) != 2 {
		t.Fatalf("targets %+v", list)
	}
}

func TestTargets_DroppedFileIsPreviewedOnlyWhileTheImportIsOnScreen(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir, "en")
	v := NewServices(s)
	f := filepath.Join(dir, "outcomes.csv")
	os.WriteFile(f, []byte("No.,Learning outcome\nA1,Weld\n"), 0o600)
	if v.Targets.dropped([]string{f}) {
		t.Fatal("a drop elsewhere was taken as an outcomes file")
	}
	drop := v.Targets.previewDrop(f)
	if drop.Error != "" || drop.File.Name != "outcomes.csv" || drop.File.Preview.Guess != (plar.Columns{Code: 0, EN: 1, FR: plar.NoColumn}) {
		t.Fatalf("drop %+v", drop)
	}
	drop = v.Targets.previewDrop(filepath.Join(dir, "missing.csv"))
	if drop.Error != "“missing.csv” could not be read. Check that the file exists and is not a folder." || drop.File.ID != 0 {
		t.Fatalf("missing file %+v", drop)
	}
}
