package pdf

import (
	"testing"

	"passerelle/filename"
)

// An assessor on Windows saves the attached originals from the PDF: each name must be one
// Windows can create (no "CON", no ":", no dot at the end), and stay recognisable.
func TestAttachmentName_WindowsCanSaveIt(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"CON.jpg":                 "CON_.jpg",
		"nul":                     "nul_",
		"Reçu 10:30.pdf":          "Reçu 10_30.pdf",
		"lettre d’Aînée ᐃᓄᒃ.pdf.": "lettre d’Aînée ᐃᓄᒃ.pdf",
		" . ":                     "evidence-3",
	}
	for in, want := range cases {
		got := attachmentName(in, 3, fs)
		if got != want || !filename.Valid(got) {
			t.Errorf("attachmentName(%q) = %q, want %q", in, got, want)
		}
	}
}
