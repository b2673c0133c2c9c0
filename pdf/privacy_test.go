package pdf_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"passerelle/pdf"
)

// Texts that must never appear: the private support notes (not ticked for sharing) and the
// self-identification fields, which the caller passed anyway.
var private = []string{privateNote, privateSelfID, "Garderie Les Petits Explorateurs", "Pluri-elles",
	"CLB 7", "WINPASS", "Laissez-passer d’autobus"}

// encodings are the ways a text can sit in a PDF's bytes: UTF-8 (XMP, attachments) and
// big-endian UTF-16, raw or as hex (Info dictionary, bookmarks, attachment names).
func encodings(s string) []string {
	var raw, hex strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		raw.WriteByte(byte(u >> 8))
		raw.WriteByte(byte(u))
		fmt.Fprintf(&hex, "%04x", u)
	}
	return []string{s, raw.String(), hex.String(), strings.ToUpper(hex.String())}
}

func TestRender_PrivateNotesAndSelfIdentificationAppearNowhere(t *testing.T) {
	needTools(t, "qpdf", "pdfdetach", "pdfinfo", "pdftotext")
	doc := demoDocument(t)
	if doc.Learner.SelfID.Notes == "" || !strings.Contains(doc.Learner.SelfID.Notes, privateSelfID) {
		t.Fatal("the fixture lost its self-identification notes; the test would prove nothing")
	}
	for lang, e := range exportAll(t) {
		t.Run(string(lang), func(t *testing.T) {
			raw, err := os.ReadFile(e.path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			runTool(t, "pdfdetach", "-saveall", "-o", dir, e.path)
			places := map[string]string{"file bytes": string(raw), "decompressed streams": qdfText(t, e.path),
				"extracted text": e.text, "metadata": runTool(t, "pdfinfo", "-meta", e.path)}
			attachments, _ := os.ReadDir(dir)
			for _, a := range attachments {
				data, _ := os.ReadFile(filepath.Join(dir, a.Name()))
				places["attachment "+a.Name()] = string(data)
			}
			// The search itself must work: the author's name is in the same Info dictionary,
			// bookmarks and XMP that a leaked note would be in.
			found := false
			for _, enc := range encodings("Mariam Koné") {
				found = found || strings.Contains(places["decompressed streams"], enc)
			}
			if !found {
				t.Fatal("the search does not find the learner's name in the decompressed file; it would miss a leak too")
			}
			for where, content := range places {
				for _, secret := range private {
					for _, enc := range encodings(secret) {
						if strings.Contains(content, enc) {
							t.Errorf("%s holds private text %q", where, secret)
						}
					}
				}
			}
			if !strings.Contains(strings.Join(strings.Fields(e.text), " "), sharedNote) {
				t.Error("the note the learner ticked for sharing is missing, so the filter proves nothing")
			}
		})
	}
}

func TestRender_SharedNotesOnlyWhenTheLearnerIncludesThem(t *testing.T) {
	needTools(t, "pdftotext")
	opts := options(t, pdf.French)
	opts.IncludeSharedNotes = false
	path, _ := export(t, demoDocument(t), opts)
	if got := text(t, path); strings.Contains(got, sharedNote) || strings.Contains(got, "Services de soutien globaux") {
		t.Error("a shared note appears although this export leaves shared notes out")
	}
}
