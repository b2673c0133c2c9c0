package plar

import (
	"bytes"
	"context"
	"os"
	"passerelle/fault"
	"strings"
	"testing"
)

func TestParseOutcomes_AcceptsWhatSpreadsheetsWrite(t *testing.T) {
	cases := []struct {
		name string
		data string
		want []Outcome
	}{
		{"plain CSV", "code,text_en,text_fr\nA1,Prepare samples,Préparer les échantillons\n",
			[]Outcome{{Code: "A1", TextEN: "Prepare samples", TextFR: "Préparer les échantillons"}}},
		{"BOM and CRLF", "\ufeffcode,text_en\r\nA1,One\r\nA2,\"Two, with a comma\"\r\n",
			[]Outcome{{Code: "A1", TextEN: "One"}, {Code: "A2", TextEN: "Two, with a comma"}}},
		{"semicolons, French only, blank line", "Code;Text_FR\nR1;Appliquer les règles « SIMDUT »\n;\nR2;Travailler en équipe\n",
			[]Outcome{{Code: "R1", TextFR: "Appliquer les règles « SIMDUT »"}, {Code: "R2", TextFR: "Travailler en équipe"}}},
		{"extra columns ignored", "code,text_en,notes\nA1,One,internal\n", []Outcome{{Code: "A1", TextEN: "One"}}},
		{"JSON object", `{"outcomes":[{"code":"A1","textEn":"One","textFr":"Un"}]}`,
			[]Outcome{{Code: "A1", TextEN: "One", TextFR: "Un"}}},
		{"JSON array with BOM", "\ufeff [{\"code\":\"A1\",\"textFr\":\"Un\"}]", []Outcome{{Code: "A1", TextFR: "Un"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseOutcomes([]byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %+v", got)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("row %d: got %+v want %+v", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestParseOutcomes_RefusesBadFilesNamingRowAndReason(t *testing.T) {
	cases := []struct {
		name, data, msg string
		row             int
	}{
		{"wrong columns", "name,email\nAna,a@example.org\n", "ErrImportColumns", 0},
		{"empty outcome text", "code,text_en,text_fr\nA1,One,\nA2,,\n", "ErrImportRowNoText", 3},
		{"missing code", "code,text_en\nA1,One\n,Two\n", "ErrImportRowNoCode", 3},
		{"duplicate codes", "code,text_en\nA1,One\nA2,Two\na1,Three\n", "ErrImportDuplicateCode", 4},
		{"Windows-1252, not UTF-8", "code,text_fr\nA1,Pr\xe9parer\n", "ErrImportEncoding", 2},
		{"broken quotes", "code,text_en\nA1,\"One\nA2,Two\n", "ErrImportMalformed", 2},
		{"control characters", "code,text_en\nA1,One\x07\n", "ErrImportRowText", 2},
		{"empty file", "\ufeff \n", "ErrImportEmpty", 0},
		{"header only", "code,text_en\n", "ErrImportEmpty", 0},
		{"JSON syntax", `{"outcomes": [`, "ErrImportJSONSyntax", 0},
		{"JSON of another shape", `{"outcomes": "none"}`, "ErrImportJSONShape", 0},
		{"JSON duplicate", `[{"code":"X","textEn":"a"},{"code":"X","textEn":"b"}]`, "ErrImportDuplicateCode", 2},
		{"a 100 MB file", strings.Repeat("x", 100<<20), "ErrImportTooLarge", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseOutcomes([]byte(c.data))
			e, ok := fault.As(err)
			if !ok || e.MessageID != c.msg {
				t.Fatalf("want %s, got %v", c.msg, err)
			}
			if c.row != 0 && e.Args["Row"] != c.row {
				t.Fatalf("row %v, want %d", e.Args["Row"], c.row)
			}
		})
	}
}

func TestParseOutcomes_ExampleFilesInTheRepo(t *testing.T) {
	for _, name := range []string{"../docs/examples/outcomes.csv", "../docs/examples/outcomes.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseOutcomes(data)
		if err != nil || len(got) < 6 {
			t.Fatalf("%s: %d outcomes, %v", name, len(got), err)
		}
	}
}

// FuzzParseOutcomes: whatever the bytes, parsing never panics, and an import either adds every
// parsed outcome or leaves the portfolio exactly as it was.
func FuzzParseOutcomes(f *testing.F) {
	for _, seed := range []string{"code,text_en\nA,B\n", "code;text_fr\r\nA;é\r\n", `{"outcomes":[{"code":"a","textEn":"b"}]}`,
		`[{"code":"a"}]`, "\ufeffcode,text_en,text_fr\n\"a\"\"\",b,c\n", "code,text_en\nA,\"unterminated\n"} {
		f.Add([]byte(seed))
	}
	p, s := newStores(f)
	ctx := context.Background()
	tg, err := s.SaveTarget(ctx, Target{Name: "Fuzz"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// The preview and an explicit mapping never panic either, and refuse only with typed errors.
		if p, err := PreviewOutcomes(data); err == nil {
			if len(p.Rows) > PreviewRows || len(p.Rows) > p.Count {
				t.Fatalf("preview of %d rows shows %d", p.Count, len(p.Rows))
			}
			if _, err := ParseOutcomesWith(data, Columns{Code: 0, EN: 1, FR: 2}); err != nil {
				if _, ok := fault.As(err); !ok {
					t.Fatalf("untyped error %v", err)
				}
			}
		} else if _, ok := fault.As(err); !ok {
			t.Fatalf("untyped preview error %v", err)
		}
		outs, err := ParseOutcomes(data)
		if err != nil {
			if _, ok := fault.As(err); !ok {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		before, _ := s.Target(ctx, tg.ID)
		beforeBytes := fileBytes(t, p.Path())
		added, err := s.AddOutcomes(ctx, tg.ID, outs)
		after, _ := s.Target(ctx, tg.ID)
		if err != nil {
			if len(after.Outcomes) != len(before.Outcomes) || !bytes.Equal(beforeBytes, fileBytes(t, p.Path())) {
				t.Fatalf("refused import left partial data: %v", err)
			}
			return
		}
		if len(after.Outcomes) != len(before.Outcomes)+len(added) {
			t.Fatalf("added %d, target went from %d to %d", len(added), len(before.Outcomes), len(after.Outcomes))
		}
		if len(after.Outcomes) > 200 {
			for _, o := range after.Outcomes {
				s.DeleteOutcome(ctx, o.ID)
			}
		}
	})
}
