package portfolio

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"passerelle/fault"
	"passerelle/media"
)

// MaxNameLength bounds an evidence file's original name, in characters.
const MaxNameLength = 255

// NewEvidence is a file about to join the evidence library: its name and bytes.
type NewEvidence struct {
	Name string
	Data []byte
}

// PreparedEvidence is a file checked and processed outside any transaction, so the slow
// work (hashing, decoding, downscaling) never holds the portfolio locked.
type PreparedEvidence struct {
	name      string
	data      []byte
	sum       string
	info      media.Info
	preview   []byte
	previewW  int
	previewH  int
	print     []byte
	title     string
	kind      string
	sizeBytes int64
}

// PrepareEvidence validates a file and makes its display copy; nothing is written yet.
func PrepareEvidence(n NewEvidence) (PreparedEvidence, error) {
	name, err := cleanFileName(n.Name)
	if err != nil {
		return PreparedEvidence{}, err
	}
	info, preview, previewW, previewH, err := media.Prepare(n.Data)
	if errors.Is(err, media.ErrUnsupportedImage) {
		// An image this build cannot show (an iPhone HEIC photo) is still evidence: kept
		// as the original file, without a preview.
		info.IsImage, err = false, nil
	}
	if err != nil {
		return PreparedEvidence{}, mediaError(err, name)
	}
	if namedLikeImage(name) && !strings.HasPrefix(info.MediaType, "image/") {
		// A "photo" whose bytes are text or a document is a mistake or a fake; either way
		// an assessor must not receive it as a picture of the learner's work.
		return PreparedEvidence{}, fault.New(fault.Unsupported, "", "ErrEvidenceNotAnImage", "Name", name)
	}
	sum := sha256.Sum256(n.Data)
	p := PreparedEvidence{name: name, data: n.Data, sum: hex.EncodeToString(sum[:]), info: info,
		sizeBytes: int64(len(n.Data)), title: strings.TrimSuffix(name, path.Ext(name)), kind: "WorkSample"}
	if p.title == "" {
		p.title = name
	}
	if info.IsImage {
		p.kind = "PhotoOfPractice"
		p.preview, p.previewW, p.previewH = preview, previewW, previewH
		if p.print, _, _, err = media.PrintCopy(p.preview); err != nil {
			return PreparedEvidence{}, mediaError(err, name)
		}
	}
	return p, nil
}

// namedLikeImage tells whether a file's name promises a picture, by its extension.
func namedLikeImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".tif", ".tiff", ".bmp":
		return true
	}
	return false
}

// ReadEvidenceFile reads a file the learner chose, refusing one beyond the size limit
// before reading it, so a 2 GB file never fills memory.
func ReadEvidenceFile(p string) (NewEvidence, error) {
	name := path.Base(strings.ReplaceAll(p, "\\", "/"))
	f, err := os.Open(p)
	if err != nil {
		return NewEvidence{}, fault.New(fault.NotFound, "", "ErrEvidenceUnreadable", "Name", name)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return NewEvidence{}, fault.New(fault.Unsupported, "", "ErrEvidenceUnreadable", "Name", name)
	}
	if st.Size() > media.MaxFileSize {
		return NewEvidence{}, fault.New(fault.TooLarge, "", "ErrEvidenceTooLarge", "Name", name, "MaxMB", media.MaxFileSize>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, media.MaxFileSize+1))
	if err != nil {
		return NewEvidence{}, fault.New(fault.Unsupported, "", "ErrEvidenceUnreadable", "Name", name)
	}
	return NewEvidence{Name: name, Data: data}, nil
}

// AddEvidence stores a prepared file, its display copy and its evidence row in one transaction.
func (s *Store) AddEvidence(ctx context.Context, p PreparedEvidence) (Evidence, error) {
	if p.sum == "" {
		return Evidence{}, errors.New("add evidence: file was not prepared")
	}
	e := Evidence{SHA256: p.sum, MediaType: p.info.MediaType, Size: p.sizeBytes, OriginalName: p.name,
		Kind: p.kind, HasPreview: p.preview != nil, AddedAt: s.stamp(),
		ExperienceIDs: []int64{}, CredentialIDs: []int64{}}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// The title made from the file name has no language of its own: it goes where the
		// learner writes, French when their profile prefers French, else English (as the
		// migration that split the title did with older evidence).
		var lang string
		if err := tx.QueryRowContext(ctx, `SELECT preferred_language FROM learner WHERE id = 1`).Scan(&lang); err != nil &&
			!errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read preferred language: %w", err)
		}
		if lang == French {
			e.TitleFR = p.title
		} else {
			e.TitleEN = p.title
		}
		var existing string
		err := tx.QueryRowContext(ctx, `SELECT CASE WHEN title_en != '' THEN title_en ELSE title_fr END
			FROM evidence WHERE sha256 = ?`, p.sum).Scan(&existing)
		if err == nil {
			return fault.New(fault.Conflict, "", "ErrEvidenceDuplicate", "Name", p.name, "Title", existing)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("look for duplicate: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)
			ON CONFLICT (sha256) DO NOTHING`, p.sum, p.sizeBytes, p.data); err != nil {
			return fmt.Errorf("store file: %w", err)
		}
		if p.preview != nil {
			if _, err := tx.ExecContext(ctx, `INSERT INTO preview (sha256, width, height, data, print)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`, p.sum, p.previewW, p.previewH, p.preview,
				p.print); err != nil {
				return fmt.Errorf("store preview: %w", err)
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO evidence (sha256, media_type, original_name, title_en,
			title_fr, kind, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, e.SHA256, e.MediaType, e.OriginalName,
			e.TitleEN, e.TitleFR, e.Kind, e.AddedAt)
		if err != nil {
			return fmt.Errorf("add evidence: %w", err)
		}
		e.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return Evidence{}, err
	}
	return e, nil
}

// EvidenceList lists the evidence library with each item's links, newest first.
func (s *Store) EvidenceList(ctx context.Context) ([]Evidence, error) {
	var out []Evidence
	err := s.View(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readEvidence(ctx, tx)
		return err
	})
	return out, err
}

func readEvidence(ctx context.Context, q queryer) ([]Evidence, error) {
	rows, err := q.QueryContext(ctx, evidenceSelect+` ORDER BY e.added_at DESC, e.id DESC`)
	if err != nil {
		return nil, classify(fmt.Errorf("list evidence: %w", err))
	}
	defer rows.Close()
	out := []Evidence{}
	index := map[int64]int{}
	for rows.Next() {
		e, err := scanEvidence(rows)
		if err != nil {
			return nil, err
		}
		index[e.ID] = len(out)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	links, err := q.QueryContext(ctx, `SELECT evidence_id, experience_id, 0 FROM evidence_experience
		UNION ALL SELECT evidence_id, 0, credential_id FROM evidence_credential ORDER BY 1, 2, 3`)
	if err != nil {
		return nil, classify(fmt.Errorf("list evidence links: %w", err))
	}
	defer links.Close()
	for links.Next() {
		var ev, exp, cred int64
		if err := links.Scan(&ev, &exp, &cred); err != nil {
			return nil, fmt.Errorf("read evidence link: %w", err)
		}
		i, ok := index[ev]
		if !ok {
			continue
		}
		if exp != 0 {
			out[i].ExperienceIDs = append(out[i].ExperienceIDs, exp)
		} else {
			out[i].CredentialIDs = append(out[i].CredentialIDs, cred)
		}
	}
	return out, links.Err()
}

// EvidenceItem reads one piece of evidence with its links.
func (s *Store) EvidenceItem(ctx context.Context, id int64) (Evidence, error) {
	all, err := s.EvidenceList(ctx)
	if err != nil {
		return Evidence{}, err
	}
	for _, e := range all {
		if e.ID == id {
			return e, nil
		}
	}
	return Evidence{}, fault.New(fault.NotFound, "", "ErrEvidenceNotFound")
}

// SaveEvidence updates what the learner says about a file and what it is linked to; the
// file itself never changes once added.
func (s *Store) SaveEvidence(ctx context.Context, e Evidence) (Evidence, error) {
	e, err := cleanEvidence(e)
	if err != nil {
		return Evidence{}, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE evidence SET title_en = ?, title_fr = ?, kind = ?, date = ?,
			verifier_name = ?, verifier_role = ?, verifier_contact = ? WHERE id = ?`, e.TitleEN, e.TitleFR, e.Kind,
			e.Date, e.VerifierName,
			e.VerifierRole, e.VerifierContact, e.ID)
		if err != nil {
			return fmt.Errorf("update evidence: %w", err)
		}
		if err := mustAffect(res, "ErrEvidenceNotFound"); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM evidence_experience WHERE evidence_id = ?`,
			`DELETE FROM evidence_credential WHERE evidence_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, e.ID); err != nil {
				return fmt.Errorf("clear evidence links: %w", err)
			}
		}
		for _, id := range e.ExperienceIDs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO evidence_experience (evidence_id, experience_id)
				SELECT ?, id FROM experience WHERE id = ?`, e.ID, id); err != nil {
				return fmt.Errorf("link experience: %w", err)
			}
		}
		for _, id := range e.CredentialIDs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO evidence_credential (evidence_id, credential_id)
				SELECT ?, id FROM credential WHERE id = ?`, e.ID, id); err != nil {
				return fmt.Errorf("link credential: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return Evidence{}, err
	}
	return s.EvidenceItem(ctx, e.ID)
}

// DeleteEvidence removes a piece of evidence, and its file when nothing else uses it.
func (s *Store) DeleteEvidence(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var sum string
		err := tx.QueryRowContext(ctx, `SELECT sha256 FROM evidence WHERE id = ?`, id).Scan(&sum)
		if errors.Is(err, sql.ErrNoRows) {
			return fault.New(fault.NotFound, "", "ErrEvidenceNotFound")
		}
		if err != nil {
			return fmt.Errorf("find evidence: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete evidence: %w", err)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM blob WHERE sha256 = ?
			AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?)`, sum, sum)
		if err != nil {
			return fmt.Errorf("delete file: %w", err)
		}
		return nil
	})
}

// EvidenceFile returns the original bytes of a piece of evidence.
func (s *Store) EvidenceFile(ctx context.Context, id int64) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT b.data FROM evidence e JOIN blob b ON b.sha256 = e.sha256
		WHERE e.id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fault.New(fault.NotFound, "", "ErrEvidenceNotFound")
	}
	return data, classify(err)
}

// EvidencePreview returns the JPEG display copy of an image, or nil when there is none.
func (s *Store) EvidencePreview(ctx context.Context, id int64) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT p.data FROM evidence e JOIN preview p ON p.sha256 = e.sha256
		WHERE e.id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return data, classify(err)
}

// EvidencePrintCopy returns the small JPEG copy an export embeds, the display copy for images
// added before print copies existed, or nil when the file is not an image.
func (s *Store) EvidencePrintCopy(ctx context.Context, id int64) ([]byte, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(p.print, p.data) FROM evidence e
		JOIN preview p ON p.sha256 = e.sha256 WHERE e.id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return data, classify(err)
}

const evidenceSelect = `SELECT e.id, e.sha256, e.media_type, b.size, e.original_name, e.title_en, e.title_fr, e.kind,
	e.date, e.verifier_name, e.verifier_role, e.verifier_contact, e.added_at,
	EXISTS (SELECT 1 FROM preview p WHERE p.sha256 = e.sha256)
	FROM evidence e JOIN blob b ON b.sha256 = e.sha256`

func scanEvidence(r scanner) (Evidence, error) {
	e := Evidence{ExperienceIDs: []int64{}, CredentialIDs: []int64{}}
	err := r.Scan(&e.ID, &e.SHA256, &e.MediaType, &e.Size, &e.OriginalName, &e.TitleEN, &e.TitleFR, &e.Kind, &e.Date,
		&e.VerifierName, &e.VerifierRole, &e.VerifierContact, &e.AddedAt, &e.HasPreview)
	if err != nil {
		return Evidence{}, fmt.Errorf("read evidence: %w", err)
	}
	return e, nil
}

func cleanEvidence(e Evidence) (Evidence, error) {
	var err error
	if e.TitleEN, err = cleanText("titleEn", e.TitleEN, MaxShortText); err != nil {
		return e, err
	}
	if e.TitleFR, err = cleanText("titleFr", e.TitleFR, MaxShortText); err != nil {
		return e, err
	}
	if e.TitleEN == "" && e.TitleFR == "" {
		return e, fault.New(fault.Invalid, "titleEn", "ErrEvidenceTitleRequired")
	}
	if e.Kind, err = checkOneOf("kind", e.Kind, EvidenceKinds()); err != nil {
		return e, err
	}
	if e.Date, err = checkDate("date", e.Date, true); err != nil {
		return e, err
	}
	for _, f := range []struct {
		field string
		v     *string
	}{{"verifierName", &e.VerifierName}, {"verifierRole", &e.VerifierRole}, {"verifierContact", &e.VerifierContact}} {
		if *f.v, err = cleanText(f.field, *f.v, MaxShortText); err != nil {
			return e, err
		}
	}
	return e, nil
}

// cleanFileName keeps only the last element of a name, so a name like "../../etc/passwd"
// can never point anywhere, and refuses names that are empty, too long or hold control bytes.
func cleanFileName(name string) (string, error) {
	if strings.ContainsRune(name, 0) || !utf8.ValidString(name) {
		return "", fault.New(fault.Invalid, "originalName", "ErrEvidenceNameInvalid")
	}
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." || name == "/" {
		return "", fault.New(fault.Invalid, "originalName", "ErrEvidenceNameInvalid")
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return "", fault.New(fault.Invalid, "originalName", "ErrEvidenceNameInvalid")
		}
	}
	if utf8.RuneCountInString(name) > MaxNameLength {
		return "", fault.New(fault.Invalid, "originalName", "ErrEvidenceNameTooLong", "Max", MaxNameLength)
	}
	return name, nil
}

// mediaError turns a media failure into a message the learner can act on.
func mediaError(err error, name string) error {
	switch {
	case errors.Is(err, media.ErrEmpty):
		return fault.New(fault.Invalid, "", "ErrEvidenceEmpty", "Name", name)
	case errors.Is(err, media.ErrTooLarge):
		return fault.New(fault.TooLarge, "", "ErrEvidenceTooLarge", "Name", name, "MaxMB", media.MaxFileSize>>20)
	case errors.Is(err, media.ErrImageTooLarge):
		return fault.New(fault.TooLarge, "", "ErrEvidenceImageTooLarge", "Name", name)
	case errors.Is(err, media.ErrCorruptImage), errors.Is(err, media.ErrUnsupportedImage):
		return fault.New(fault.Unsupported, "", "ErrEvidenceCorruptImage", "Name", name)
	}
	return fmt.Errorf("read %s: %w", name, err)
}
