package portfolio

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/fault"
	"passerelle/media"
)

func addFile(t *testing.T, st *Store, name string, data []byte) (Evidence, error) {
	t.Helper()
	p, err := PrepareEvidence(NewEvidence{Name: name, Data: data})
	if err != nil {
		return Evidence{}, err
	}
	return st.AddEvidence(context.Background(), p)
}

func TestEvidence_AddImageKeepsBytesHashAndPreview(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	photo := media.SamplePhoto(7, 3000, 2000, 6)
	e, err := addFile(t, st, "Certificat été.jpg", photo)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(photo)
	if e.SHA256 != hex.EncodeToString(sum[:]) || e.MediaType != "image/jpeg" || e.Size != int64(len(photo)) ||
		!e.HasPreview || e.TitleEN != "Certificat été" || e.TitleFR != "" || e.Kind != "PhotoOfPractice" {
		t.Fatalf("evidence %+v", e)
	}
	back, err := st.EvidenceFile(ctx, e.ID)
	if err != nil || !bytes.Equal(back, photo) {
		t.Fatal("stored bytes differ from the file")
	}
	prev, err := st.EvidencePreview(ctx, e.ID)
	if err != nil || len(prev) == 0 || len(prev) >= len(photo) {
		t.Fatalf("preview %d bytes, %v", len(prev), err)
	}
	print, err := st.EvidencePrintCopy(ctx, e.ID)
	if err != nil || len(print) == 0 || len(print) >= len(prev) {
		t.Fatalf("print copy %d bytes (display %d), %v", len(print), len(prev), err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(print))
	if err != nil || max(cfg.Width, cfg.Height) != media.PrintMaxSide || cfg.Height <= cfg.Width {
		t.Fatalf("print copy %dx%d, %v: want upright, longest side %d", cfg.Width, cfg.Height, err, media.PrintMaxSide)
	}
	problems, err := st.Check(ctx)
	if err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

func TestEvidence_LinksAndMetadata(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	exp, _ := st.SaveExperience(ctx, Experience{Kind: "CommunityRole", TitleEN: "Youth mentor", StartMonth: "2019-01"})
	cred, _ := st.SaveCredential(ctx, Credential{TitleEN: "Mentoring", Issuer: "YMCA", IssuedOn: "2020-01-01"})
	e, err := addFile(t, st, "letter.txt", []byte("To whom it may concern: she mentored twelve youth."))
	if err != nil {
		t.Fatal(err)
	}
	e.TitleEN = "Letter of validation"
	e.TitleFR = "Lettre d’attestation"
	e.Kind = "LetterOfValidation"
	e.VerifierName = "Elder Mary Wapachee"
	e.VerifierRole = "Elder, Cree Nation of Mistissini"
	e.ExperienceIDs = []int64{exp.ID, 4242}
	e.CredentialIDs = []int64{cred.ID}
	saved, err := st.SaveEvidence(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.ExperienceIDs) != 1 || saved.ExperienceIDs[0] != exp.ID || len(saved.CredentialIDs) != 1 ||
		saved.VerifierRole != "Elder, Cree Nation of Mistissini" || saved.MediaType != "text/plain; charset=utf-8" ||
		saved.TitleEN != "Letter of validation" || saved.TitleFR != "Lettre d’attestation" {
		t.Fatalf("saved %+v", saved)
	}
	if err := st.DeleteExperience(ctx, exp.ID); err != nil {
		t.Fatal(err)
	}
	after, _ := st.EvidenceItem(ctx, e.ID)
	if len(after.ExperienceIDs) != 0 || len(after.CredentialIDs) != 1 {
		t.Fatalf("links after deleting the experience: %+v", after)
	}
	if err := st.DeleteEvidence(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	var blobs int
	st.db.QueryRow(`SELECT count(*) FROM blob`).Scan(&blobs)
	if blobs != 0 {
		t.Fatalf("%d file(s) left after deleting the evidence", blobs)
	}
}

// TestEvidence_RefusedImportLeavesPortfolioByteForByte adds each kind of bad file to a
// portfolio that already holds data, and proves the file on disk did not change at all.
func TestEvidence_RefusedImportLeavesPortfolioByteForByte(t *testing.T) {
	good := media.SamplePhoto(3, 800, 600, 1)
	truncated := good[:len(good)/2]
	cases := []struct {
		name, file string
		data       []byte
		code       fault.Code
		msg        string
	}{
		{"empty file", "empty.pdf", []byte{}, fault.Invalid, "ErrEvidenceEmpty"},
		{"corrupt image", "photo.jpg", truncated, fault.Unsupported, "ErrEvidenceCorruptImage"},
		{"png header with junk", "scan.png", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 200)...),
			fault.Unsupported, "ErrEvidenceCorruptImage"},
		{"beyond the size limit", "huge.bin", make([]byte, media.MaxFileSize+1), fault.TooLarge, "ErrEvidenceTooLarge"},
		{"empty name", "", []byte("hello"), fault.Invalid, "ErrEvidenceNameInvalid"},
		{"name with NUL", "a\x00b.txt", []byte("hello"), fault.Invalid, "ErrEvidenceNameInvalid"},
		{"name too long", strings.Repeat("é", MaxNameLength+1), []byte("hello"), fault.Invalid, "ErrEvidenceNameTooLong"},
		{"duplicate file", "again.jpg", good, fault.Conflict, "ErrEvidenceDuplicate"},
		{"text named like a photo", "faux-certificat.jpg", []byte("Ceci est un certificat, promis.\n"),
			fault.Unsupported, "ErrEvidenceNotAnImage"},
		{"PDF named like a scan", "scan.TIFF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
			fault.Unsupported, "ErrEvidenceNotAnImage"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := newStore(t)
			if _, err := addFile(t, st, "first.jpg", good); err != nil {
				t.Fatal(err)
			}
			before := fileBytes(t, st.Path())
			_, err := addFile(t, st, c.file, c.data)
			wantCode(t, err, c.code, c.msg)
			if !bytes.Equal(before, fileBytes(t, st.Path())) {
				t.Fatal("the refused import changed the portfolio file")
			}
			if list, _ := st.EvidenceList(context.Background()); len(list) != 1 {
				t.Fatalf("%d evidence rows after a refused import", len(list))
			}
		})
	}
}

func TestEvidence_NamesNeverCarryAPath(t *testing.T) {
	cases := map[string]string{
		"../../etc/passwd":              "passwd",
		`C:\Users\ana\Lettre d’été.pdf`: "Lettre d’été.pdf",
		"/tmp/x/./photo.png":            "photo.png",
	}
	for in, want := range cases {
		got, err := cleanFileName(in)
		if err != nil || got != want {
			t.Errorf("cleanFileName(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"..", "/", "a\nb.txt", "."} {
		if _, err := cleanFileName(bad); err == nil {
			t.Errorf("cleanFileName(%q) accepted", bad)
		}
	}
}

func TestReadEvidenceFile_RefusesBeyondLimitWithoutReading(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "video.mp4")
	f, _ := os.Create(big)
	f.Truncate(2 << 30) // a sparse 2 GiB file: refusing it must not read it
	f.Close()
	_, err := ReadEvidenceFile(big)
	wantCode(t, err, fault.TooLarge, "ErrEvidenceTooLarge")
	_, err = ReadEvidenceFile(dir)
	wantCode(t, err, fault.Unsupported, "ErrEvidenceUnreadable")
	_, err = ReadEvidenceFile(filepath.Join(dir, "missing.pdf"))
	wantCode(t, err, fault.NotFound, "ErrEvidenceUnreadable")
	ok := filepath.Join(dir, "note.txt")
	os.WriteFile(ok, []byte("bonjour"), 0o600)
	n, err := ReadEvidenceFile(ok)
	if err != nil || n.Name != "note.txt" || string(n.Data) != "bonjour" {
		t.Fatalf("read %+v %v", n, err)
	}
}

func TestCheck_FindsATamperedFile(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	e, err := addFile(t, st, "note.txt", []byte("original words"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.Exec(`UPDATE blob SET data = ? WHERE sha256 = ?`, []byte("altered words!"), e.SHA256); err != nil {
		t.Fatal(err)
	}
	problems, err := st.Check(ctx)
	if err != nil || len(problems) != 1 || problems[0].MessageID != "CheckFileChanged" ||
		problems[0].Args["Title"] != "note" {
		t.Fatalf("problems %+v, %v", problems, err)
	}
}

func TestEvidence_ImageWithoutDecoderIsKeptWithoutPreview(t *testing.T) {
	st := newStore(t)
	heic := append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), bytes.Repeat([]byte{1}, 500)...)
	e, err := addFile(t, st, "IMG_0042.HEIC", heic)
	if err != nil {
		t.Fatal(err)
	}
	if e.HasPreview || e.MediaType != "image/heic" || e.Kind != "WorkSample" {
		t.Fatalf("HEIC evidence %+v", e)
	}
}

func TestEvidence_ContentDecidesOnlyWhenTheNameIsNotAPicture(t *testing.T) {
	cases := []struct {
		name, file string
		data       []byte
		mediaType  string
	}{
		{"text with a text name", "notes.txt", []byte("Mes notes de stage.\n"), "text/plain; charset=utf-8"},
		{"text with no extension", "LISEZMOI", []byte("Mes notes de stage.\n"), "text/plain; charset=utf-8"},
		{"photo named like a photo", "atelier.jpeg", media.SamplePhoto(5, 400, 300, 1), "image/jpeg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := addFile(t, newStore(t), c.file, c.data)
			if err != nil {
				t.Fatal(err)
			}
			if e.MediaType != c.mediaType {
				t.Fatalf("media type %q, want %q", e.MediaType, c.mediaType)
			}
		})
	}
}

func TestEvidence_TitleInEitherLanguageAndNeverNone(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	e, err := addFile(t, st, "lettre.txt", []byte("Elle a animé l’atelier tous les samedis."))
	if err != nil {
		t.Fatal(err)
	}
	e.TitleEN, e.TitleFR = "", "  Lettre de l’Aînée  "
	saved, err := st.SaveEvidence(ctx, e)
	if err != nil || saved.TitleEN != "" || saved.TitleFR != "Lettre de l’Aînée" {
		t.Fatalf("French title only: %+v, %v", saved, err)
	}
	before := fileBytes(t, st.Path())
	e.TitleEN, e.TitleFR = " ", ""
	_, err = st.SaveEvidence(ctx, e)
	if f, ok := fault.As(err); !ok || f.MessageID != "ErrEvidenceTitleRequired" || f.Field != "titleEn" {
		t.Fatalf("no title in either language: want ErrEvidenceTitleRequired on titleEn, got %v", err)
	}
	if string(before) != string(fileBytes(t, st.Path())) {
		t.Fatal("a refused save changed the file")
	}
}

func TestEvidence_FileNameTitleGoesToTheLearnersLanguage(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	if _, err := st.SaveLearner(ctx, Learner{DisplayName: "Aminata", PreferredLanguage: French}); err != nil {
		t.Fatal(err)
	}
	e, err := addFile(t, st, "attestation-bénévolat.txt", []byte("Bénévole depuis 2019."))
	if err != nil {
		t.Fatal(err)
	}
	if e.TitleFR != "attestation-bénévolat" || e.TitleEN != "" {
		t.Fatalf("a learner who prefers French: titles %q / %q", e.TitleEN, e.TitleFR)
	}
}
