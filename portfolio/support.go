package portfolio

import (
	"context"
	"database/sql"
	"fmt"
)

// SupportNotes lists the learner's private wraparound support notes, most recent first.
func (s *Store) SupportNotes(ctx context.Context) ([]SupportNote, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, category, date, provider, text, follow_up,
		share_with_coach FROM support_note ORDER BY date DESC, id DESC`)
	if err != nil {
		return nil, classify(fmt.Errorf("list support notes: %w", err))
	}
	defer rows.Close()
	out := []SupportNote{}
	for rows.Next() {
		var n SupportNote
		if err := rows.Scan(&n.ID, &n.Category, &n.Date, &n.Provider, &n.Text, &n.FollowUp,
			&n.ShareWithCoach); err != nil {
			return nil, fmt.Errorf("read support note: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// SaveSupportNote creates (ID 0) or updates a support note; sharing stays off unless asked for.
func (s *Store) SaveSupportNote(ctx context.Context, n SupportNote) (SupportNote, error) {
	n, err := cleanSupportNote(n)
	if err != nil {
		return SupportNote{}, err
	}
	now := s.stamp()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if n.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO support_note (category, date, provider, text,
				follow_up, share_with_coach, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				n.Category, n.Date, n.Provider, n.Text, n.FollowUp, n.ShareWithCoach, now, now)
			if err != nil {
				return fmt.Errorf("add support note: %w", err)
			}
			n.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE support_note SET category = ?, date = ?, provider = ?,
			text = ?, follow_up = ?, share_with_coach = ?, updated_at = ? WHERE id = ?`,
			n.Category, n.Date, n.Provider, n.Text, n.FollowUp, n.ShareWithCoach, now, n.ID)
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

// DeleteSupportNote removes a support note for good.
func (s *Store) DeleteSupportNote(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
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
		return n, Errorf(CodeInvalid, "followUp", "ErrFollowUpBeforeDate")
	}
	if n.Provider, err = cleanText("provider", n.Provider, MaxShortText); err != nil {
		return n, err
	}
	if n.Text, err = required("text", n.Text, MaxLongText); err != nil {
		return n, err
	}
	return n, nil
}
