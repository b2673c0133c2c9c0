package plar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/fault"
)

func TestGuessColumns_RecognisesHowInstitutionsNameThem(t *testing.T) {
	none := NoColumn
	cases := []struct {
		header []string
		want   Columns
	}{
		{[]string{"code", "text_en", "text_fr"}, Columns{0, 1, 2}},
		{[]string{"Code", "Résultat", "Outcome"}, Columns{0, 2, 1}},
		{[]string{"code", "outcome_en", "outcome_fr"}, Columns{0, 1, 2}},
		{[]string{"Numéro", "Résultat d'apprentissage"}, Columns{0, none, 1}},
		{[]string{"No.", "Learning outcome", "Français"}, Columns{0, 1, 2}},
		{[]string{"ID", "Description", "Énoncé"}, Columns{0, 1, 2}},
		{[]string{"Identifiant", "English", "French"}, Columns{0, 1, 2}},
		{[]string{"  N° ", " ÉNONCÉ DU RÉSULTAT D’APPRENTISSAGE ", "Learning outcome (English)"}, Columns{0, 2, 1}},
		{[]string{"code", "textEn", "textFr"}, Columns{0, 1, 2}},
		{[]string{"Outcome ID", "Code", "Outcome", "Outcome (FR)"}, Columns{1, 2, 3}},
		{[]string{"Description", "Texte en français", "Texte en anglais", "Code"}, Columns{3, 2, 1}},
		{[]string{"Référence", "Statement", "Libellé"}, Columns{0, 1, 2}},
		{[]string{"Outcome code", "Texte", "Learning outcome"}, Columns{0, 2, 1}},
		{[]string{"Code", "Titre du cours", "Heures en classe", "Heures d'apprentissage", "Résultat"}, Columns{0, none, 4}},
		{[]string{"Course title", "Outcome code", "Outcome"}, Columns{1, 2, none}},
		{[]string{"name", "email"}, Columns{none, none, none}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.header, "|"), func(t *testing.T) {
			if got := GuessColumns(c.header); got != c.want {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestParseOutcomes_InstitutionFilesAsTheyCome(t *testing.T) {
	cases := []struct {
		file  string
		count int
		first Outcome
		last  Outcome
	}{
		{"cegep-code-resultat-outcome.csv", 3,
			Outcome{Code: "SOI-01", TextEN: "Build a helping relationship with the person", TextFR: "Établir une relation d’aide avec la personne"},
			Outcome{Code: "SOI-03", TextEN: "Administer medication", TextFR: "Administrer les médicaments"}},
		{"college-outcome-en-fr.csv", 3,
			Outcome{Code: "ECE-1", TextEN: "Plan, carry out and evaluate play-based activities",
				TextFR: "Planifier, réaliser et évaluer des activités fondées sur le jeu"},
			Outcome{Code: "ECE-3", TextEN: `Apply the "Early Learning" framework`,
				TextFR: "Appliquer le cadre « Apprentissage des jeunes enfants »"}},
		{"universite-numero-enonce.csv", 2,
			Outcome{Code: "1.1", TextEN: "Analyse a municipal budget", TextFR: "Analyser un budget municipal"},
			Outcome{Code: "1.2", TextEN: "Write a policy brief", TextFR: "Rédiger une note de politique"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "outcomes", c.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseOutcomes(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != c.count || got[0] != c.first || got[len(got)-1] != c.last {
				t.Fatalf("got %+v", got)
			}
		})
	}
}

func TestPreviewOutcomes_ShowsHeaderFirstRowsAndGuess(t *testing.T) {
	var b strings.Builder
	b.WriteString("\ufeffCode;Résultat;Outcome;Heures\r\n")
	for _, code := range []string{"A1", "A2", "A3", "A4", "A5", "A6", "A7"} {
		b.WriteString(code + ";Résultat " + code + ";Outcome " + code + "\r\n")
	}
	p, err := PreviewOutcomes([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "csv" || strings.Join(p.Header, "|") != "Code|Résultat|Outcome|Heures" || p.Count != 7 {
		t.Fatalf("preview %+v", p)
	}
	if len(p.Rows) != PreviewRows || strings.Join(p.Rows[4], "|") != "A5|Résultat A5|Outcome A5|" {
		t.Fatalf("rows %q", p.Rows)
	}
	if p.Guess != (Columns{Code: 0, EN: 2, FR: 1}) {
		t.Fatalf("guess %+v", p.Guess)
	}

	j, err := PreviewOutcomes([]byte(`[{"code":"A1","textEn":"One","textFr":"Un"}]`))
	if err != nil || j.Format != "json" || j.Guess != (Columns{0, 1, 2}) || strings.Join(j.Rows[0], "|") != "A1|One|Un" {
		t.Fatalf("JSON preview %+v %v", j, err)
	}

	// A file that cannot be read at all is refused at the preview, before any choice.
	_, err = PreviewOutcomes([]byte("Code;Résultat\nA1;\"unterminated\n"))
	if e, ok := fault.As(err); !ok || e.MessageID != "ErrImportMalformed" || e.Args["Row"] != 2 {
		t.Fatalf("broken file: %v", err)
	}
}

func TestParseOutcomesWith_TakesTheLearnersColumns(t *testing.T) {
	// Headers no guess could read: the learner says which column is which.
	data := []byte("A;B;C;D\r\nx;SOC-1;Accueillir;Welcome\r\ny;SOC-2;\"Animer; un atelier\";Lead a workshop\r\n")
	got, err := ParseOutcomesWith(data, Columns{Code: 1, EN: 3, FR: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []Outcome{{Code: "SOC-1", TextEN: "Welcome", TextFR: "Accueillir"},
		{Code: "SOC-2", TextEN: "Lead a workshop", TextFR: "Animer; un atelier"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %+v", got)
	}
	// French only: no English column.
	got, err = ParseOutcomesWith(data, Columns{Code: 1, EN: NoColumn, FR: 2})
	if err != nil || got[0].TextEN != "" || got[0].TextFR != "Accueillir" {
		t.Fatalf("French only: %+v %v", got, err)
	}
	// The guess would refuse this file.
	if _, err := ParseOutcomes(data); fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("unrecognised headers accepted: %v", err)
	}
}

func TestParseOutcomes_RefusesAMappingThatCannotWork(t *testing.T) {
	data := []byte("Code;Résultat;Outcome\nA1;Un;One\n")
	cases := []struct {
		name string
		call func() error
		msg  string
		args map[string]any
	}{
		{"code column also the English text", func() error {
			_, err := ParseOutcomesWith(data, Columns{Code: 0, EN: 0, FR: 1})
			return err
		}, "ErrImportColumnTwice", map[string]any{"Column": "Code"}},
		{"English and French from one column", func() error {
			_, err := ParseOutcomesWith(data, Columns{Code: 0, EN: 2, FR: 2})
			return err
		}, "ErrImportColumnTwice", map[string]any{"Column": "Outcome"}},
		{"a column beyond the last", func() error {
			_, err := ParseOutcomesWith(data, Columns{Code: 0, EN: 5, FR: NoColumn})
			return err
		}, "ErrImportColumnNumber", map[string]any{"Number": 6, "Count": 3}},
		{"no code column", func() error {
			_, err := ParseOutcomesWith(data, Columns{Code: NoColumn, EN: 2, FR: 1})
			return err
		}, "ErrImportNoCodeColumn", nil},
		{"no text column", func() error {
			_, err := ParseOutcomesWith(data, Columns{Code: 0, EN: NoColumn, FR: NoColumn})
			return err
		}, "ErrImportNoTextColumn", nil},
		{"a named column the file does not have", func() error {
			_, err := ParseOutcomesChoosing(data, ColumnChoice{Code: "Numéro", FR: "Résultat"})
			return err
		}, "ErrImportColumnMissing", map[string]any{"Column": "Numéro", "Columns": "Code · Résultat · Outcome"}},
		{"a column number beyond the last", func() error {
			_, err := ParseOutcomesChoosing(data, ColumnChoice{Code: "1", EN: "4"})
			return err
		}, "ErrImportColumnNumber", map[string]any{"Number": 4, "Count": 3}},
		{"the code column named as the text too", func() error {
			_, err := ParseOutcomesChoosing(data, ColumnChoice{Code: "code", EN: "1"})
			return err
		}, "ErrImportColumnTwice", map[string]any{"Column": "Code"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, ok := fault.As(c.call())
			if !ok || e.MessageID != c.msg || e.Field != ColumnsField {
				t.Fatalf("want %s on %s, got %v", c.msg, ColumnsField, e)
			}
			for k, v := range c.args {
				if e.Args[k] != v {
					t.Errorf("%s = %v, want %v", k, e.Args[k], v)
				}
			}
		})
	}
}

func TestParseOutcomesChoosing_NamesOrNumbersAnyCaseOrAccent(t *testing.T) {
	data := []byte("\ufeffNo;Libellé;Wording;Autre\r\nB-1;Souder;Weld;x\r\nB-2;Couper;Cut;y\r\n")
	cases := []struct {
		spec string
		want Outcome
	}{
		{"code=No,en=Wording,fr=Libellé", Outcome{Code: "B-1", TextEN: "Weld", TextFR: "Souder"}},
		{"code=1,en=3,fr=2", Outcome{Code: "B-1", TextEN: "Weld", TextFR: "Souder"}},
		{" CODE = no , FR = LIBELLE ", Outcome{Code: "B-1", TextEN: "Weld", TextFR: "Souder"}},
		{"code=4,fr=2", Outcome{Code: "x", TextEN: "Weld", TextFR: "Souder"}},
		// The guessed code column is taken for the English text, so the code must be named.
		{"code=autre,en=1,fr=libelle", Outcome{Code: "x", TextEN: "B-1", TextFR: "Souder"}},
	}
	for _, c := range cases {
		t.Run(c.spec, func(t *testing.T) {
			ch, err := ParseColumnChoice(c.spec)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseOutcomesChoosing(data, ch)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0] != c.want {
				t.Fatalf("got %+v", got)
			}
		})
	}
}

func TestParseColumnChoice_RefusesWhatItCannotRead(t *testing.T) {
	for _, spec := range []string{"", "code", "code=", "code=1,code=2", "title=2", "code=1;en=2", "=2"} {
		t.Run(spec, func(t *testing.T) {
			_, err := ParseColumnChoice(spec)
			e, ok := fault.As(err)
			if !ok || e.MessageID != "ErrImportColumnsSpec" || e.Field != ColumnsField || e.Args["Spec"] != spec {
				t.Fatalf("got %v", err)
			}
		})
	}
}
