package portfolio

import (
	"context"
	"database/sql"
	"fmt"
	"passerelle/fault"
)

// SupportNotes lists the learner's private wraparound support notes, most recent first; while
// the portfolio is locked it refuses with fault.Locked.
func (s *Store) SupportNotes(ctx context.Context) ([]SupportNote, error) {
	var out []SupportNote
	err := s.View(ctx, func(tx *sql.Tx) error {
		sl, err := s.privacy(ctx, tx)
		if err != nil {
			return err
		}
		out, err = readNotes(ctx, tx, sl)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SaveSupportNote creates (ID 0) or updates a support note; both sharing choices (with the
// coach, in the PLAR submission) stay off unless asked for, each on its own.
func (s *Store) SaveSupportNote(ctx context.Context, n SupportNote) (SupportNote, error) {
	n, err := cleanSupportNote(n)
	if err != nil {
		return SupportNote{}, err
	}
	now := s.stamp()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		sl, err := s.privacy(ctx, tx)
		if err != nil {
			return err
		}
		private := sealNote(sl, n)
		if n.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO support_note (category, provider, text, follow_up,
				date, share_with_coach, include_in_submission, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				append(private, n.Date, n.ShareWithCoach, n.IncludeInSubmission, now, now)...)
			if err != nil {
				return fmt.Errorf("add support note: %w", err)
			}
			n.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE support_note SET category = ?, provider = ?, text = ?,
			follow_up = ?, date = ?, share_with_coach = ?, include_in_submission = ?, updated_at = ?
			WHERE id = ?`,
			append(private, n.Date, n.ShareWithCoach, n.IncludeInSubmission, now, n.ID)...)
		if err != nil {
			return fmt.Errorf("update support note: %w", err)
		}
		return mustAffect(res, "ErrSupportNoteNotFound")
	})
	if err != nil {
		return SupportNote{}, err
	}
	return n, nil
}

// DeleteSupportNote removes a support note for good; not while the portfolio is locked, so
// someone else at a shared computer cannot throw the learner's notes away.
func (s *Store) DeleteSupportNote(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.privacy(ctx, tx); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM support_note WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete support note: %w", err)
		}
		return mustAffect(res, "ErrSupportNoteNotFound")
	})
}

func cleanSupportNote(n SupportNote) (SupportNote, error) {
	var err error
	if n.Category, err = checkOneOf("category", n.Category, SupportCategories()); err != nil {
		return n, err
	}
	if n.Date, err = checkDate("date", n.Date, false); err != nil {
		return n, err
	}
	if n.FollowUp, err = checkDate("followUp", n.FollowUp, true); err != nil {
		return n, err
	}
	if n.FollowUp != "" && n.FollowUp < n.Date {
		return n, fault.New(fault.Invalid, "followUp", "ErrFollowUpBeforeDate")
	}
	if n.Provider, err = cleanText("provider", n.Provider, MaxShortText); err != nil {
		return n, err
	}
	if n.Text, err = required("text", n.Text, MaxLongText); err != nil {
		return n, err
	}
	return n, nil
}
