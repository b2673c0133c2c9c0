package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"passerelle/locales"
	"passerelle/pdf"
	"passerelle/plar"
)

// The page takes every list from the generated file: a Go list that changed without
// `make bindings` would leave the UI offering the old values.
func TestValues_PageCopyIsWhatGoHas(t *testing.T) {
	want, err := ValuesTypeScript()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(ValuesFile)))
	if err != nil {
		t.Fatalf("the page's copy of the Go values is missing (run make bindings): %v", err)
	}
	if !bytes.Equal(got, want) {
		gotLines, wantLines := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gotLines), len(wantLines)) {
			g, w := line(gotLines, i), line(wantLines, i)
			if g != w {
				t.Fatalf("%s differs from the Go lists (run make bindings and commit it); line %d:\n page: %s\n   Go: %s",
					ValuesFile, i+1, g, w)
			}
		}
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(none)"
}

// Every value the page shows by name has its label in English and in French.
func TestValues_EveryShownValueHasItsLabelInBothLanguages(t *testing.T) {
	c, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	labelled := 0
	for _, v := range Values() {
		if v.Label == "" {
			continue
		}
		items := reflect.ValueOf(v.Value)
		if items.Kind() != reflect.Slice || items.Len() == 0 {
			t.Fatalf("%s has a label but is not a list: %v", v.Name, v.Value)
		}
		for i := range items.Len() {
			item := fmt.Sprint(items.Index(i).Interface())
			id := v.Label + strings.ToUpper(item[:1]) + item[1:]
			for _, lang := range locales.Languages() {
				if _, ok := c.Messages(lang)[id]; !ok {
					t.Errorf("%s %q (%s): no %s message %s", v.Name, item, v.From, lang, id)
				}
			}
			labelled++
		}
	}
	if labelled < 40 {
		t.Errorf("only %d labelled values: a list lost its label", labelled)
	}
}

// A value's name is what the page imports: two values of one name would hide one of them.
func TestValues_NamesAreUniqueConstants(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range Values() {
		if seen[v.Name] || v.Name != strings.ToUpper(v.Name) || v.Doc == "" || v.From == "" {
			t.Errorf("value %q: a duplicate, not upper case, or without doc or origin", v.Name)
		}
		seen[v.Name] = true
		if v.Type != "" {
			if seen[v.Type] {
				t.Errorf("type %q twice", v.Type)
			}
			seen[v.Type] = true
		}
	}
}

// The export screen starts on the target's language of submission: each must be a PDF language.
func TestValues_EveryLanguageOfSubmissionIsALanguageOfThePDF(t *testing.T) {
	for _, l := range plar.Languages() {
		if !slices.Contains(pdf.Languages(), pdf.Language(l)) {
			t.Errorf("a target may be submitted in %q, which the PDF cannot be written in", l)
		}
	}
}
