package portfolio

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"passerelle/fault"
)

// The private fields, named as the additional data each sealed value is bound to. A support
// note's date and its two sharing choices stay clear: the date orders the list and says
// nothing on its own, and the choices decide what may ever leave the machine. Its category
// (childcare, housing, mental health…) is as private as its text and is sealed with it.
const (
	fieldNoteCategory = "support_note.category"
	fieldNoteProvider = "support_note.provider"
	fieldNoteText     = "support_note.text"
	fieldNoteFollowUp = "support_note.follow_up"
	fieldEmail        = "learner.email"
	fieldPhone        = "learner.phone"
	fieldSelfID       = "self_identification"
)

// sealNote returns a note's private columns (category, provider, text, follow_up) as stored.
func sealNote(sl sealer, n SupportNote) []any {
	return []any{sl.seal(fieldNoteCategory, n.Category), sl.seal(fieldNoteProvider, n.Provider),
		sl.seal(fieldNoteText, n.Text), sl.seal(fieldNoteFollowUp, n.FollowUp)}
}

// openNote opens a note's private columns in place.
func openNote(sl sealer, n *SupportNote) error {
	for _, f := range []struct {
		field string
		v     *string
	}{{fieldNoteCategory, &n.Category}, {fieldNoteProvider, &n.Provider}, {fieldNoteText, &n.Text},
		{fieldNoteFollowUp, &n.FollowUp}} {
		v, err := sl.open(f.field, *f.v)
		if err != nil {
			return err
		}
		*f.v = v
	}
	return nil
}

// readNotes reads every support note, opened with sl, most recent first.
func readNotes(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, sl sealer) ([]SupportNote, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, category, date, provider, text, follow_up,
		share_with_coach, include_in_submission FROM support_note ORDER BY date DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list support notes: %w", err)
	}
	defer rows.Close()
	out := []SupportNote{}
	for rows.Next() {
		var n SupportNote
		if err := rows.Scan(&n.ID, &n.Category, &n.Date, &n.Provider, &n.Text, &n.FollowUp,
			&n.ShareWithCoach, &n.IncludeInSubmission); err != nil {
			return nil, fmt.Errorf("read support note: %w", err)
		}
		if err := openNote(sl, &n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// readSelfID reads the self-identification, from its columns or from its sealed value.
func readSelfID(ctx context.Context, q rowQueryer, sl sealer) (SelfIdentification, error) {
	var id SelfIdentification
	var sealed string
	err := q.QueryRowContext(ctx, `SELECT newcomer, indigenous, disability, racialized, notes, sealed
		FROM self_identification WHERE id = 1`).Scan(&id.Newcomer, &id.Indigenous, &id.Disability,
		&id.Racialized, &id.Notes, &sealed)
	if err != nil {
		return SelfIdentification{}, fmt.Errorf("read self-identification: %w", err)
	}
	if sl.aead == nil {
		return id, nil
	}
	if sealed == "" {
		return SelfIdentification{}, nil
	}
	plain, err := sl.open(fieldSelfID, sealed)
	if err != nil {
		return SelfIdentification{}, err
	}
	id = SelfIdentification{}
	if err := json.Unmarshal([]byte(plain), &id); err != nil {
		return SelfIdentification{}, fault.New(fault.Unsupported, fieldSelfID, "ErrPrivateDamaged")
	}
	return id, nil
}

// writeSelfID stores the self-identification in its columns, or sealed as one value with the
// columns left at their defaults.
func writeSelfID(ctx context.Context, tx *sql.Tx, sl sealer, id SelfIdentification) error {
	q := `UPDATE self_identification SET newcomer = ?, indigenous = ?, disability = ?, racialized = ?,
		notes = ?, sealed = ? WHERE id = 1`
	var err error
	if sl.aead == nil {
		_, err = tx.ExecContext(ctx, q, id.Newcomer, id.Indigenous, id.Disability, id.Racialized, id.Notes, "")
	} else {
		plain, _ := json.Marshal(id)
		_, err = tx.ExecContext(ctx, q, false, false, false, false, "", sl.seal(fieldSelfID, string(plain)))
	}
	if err != nil {
		return fmt.Errorf("save self-identification: %w", err)
	}
	return nil
}

// reseal rewrites every private value from one form to another (clear, or sealed under a
// key) inside the caller's transaction, so setting, changing or removing a passphrase is all
// or nothing.
func reseal(ctx context.Context, tx *sql.Tx, from, to sealer) error {
	notes, err := readNotes(ctx, tx, from)
	if err != nil {
		return err
	}
	for _, n := range notes {
		args := append(sealNote(to, n), n.ID)
		if _, err := tx.ExecContext(ctx, `UPDATE support_note SET category = ?, provider = ?, text = ?,
			follow_up = ? WHERE id = ?`, args...); err != nil {
			return fmt.Errorf("reseal support note: %w", err)
		}
	}
	var email, phone string
	if err := tx.QueryRowContext(ctx, `SELECT email, phone FROM learner WHERE id = 1`).Scan(&email, &phone); err != nil {
		return fmt.Errorf("read contact details: %w", err)
	}
	if email, err = from.open(fieldEmail, email); err != nil {
		return err
	}
	if phone, err = from.open(fieldPhone, phone); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE learner SET email = ?, phone = ? WHERE id = 1`,
		to.seal(fieldEmail, email), to.seal(fieldPhone, phone)); err != nil {
		return fmt.Errorf("reseal contact details: %w", err)
	}
	id, err := readSelfID(ctx, tx, from)
	if err != nil {
		return err
	}
	return writeSelfID(ctx, tx, to, id)
}
