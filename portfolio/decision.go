package portfolio

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"passerelle/fault"
)

// fieldDecisionNote and fieldLaterNote name the private notes of "what happened next" as the
// additional data their sealed values are bound to.
const (
	fieldDecisionNote = "plar_decision.note"
	fieldLaterNote    = "later_outcome.note"
)

// PLARDecisions lists the PLAR decisions, most recent first. While the portfolio is locked it
// still answers, with each note empty and NoteLocked set.
func (s *Store) PLARDecisions(ctx context.Context) ([]PLARDecision, error) {
	var out []PLARDecision
	err := s.View(ctx, func(tx *sql.Tx) error {
		sl, locked, err := s.notePrivacy(ctx, tx)
		if err != nil {
			return err
		}
		out, err = readDecisions(ctx, tx, sl, locked)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// notePrivacy is privacy for records whose only private field is a note: locked is not an
// error, the note just cannot be read or written.
func (s *Store) notePrivacy(ctx context.Context, q rowQueryer) (sealer, bool, error) {
	sl, err := s.privacy(ctx, q)
	if fault.CodeOf(err) == fault.Locked {
		return sealer{}, true, nil
	}
	return sl, false, err
}

func readDecisions(ctx context.Context, q queryer, sl sealer, locked bool) ([]PLARDecision, error) {
	rows, err := q.QueryContext(ctx, `SELECT d.id, d.target_id, ifnull(d.outcome_id, 0), d.result, d.credits,
		d.decided_on, d.note, t.name, ifnull(o.code, '')
		FROM plar_decision d JOIN target t ON t.id = d.target_id LEFT JOIN outcome o ON o.id = d.outcome_id
		ORDER BY d.decided_on DESC, d.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list PLAR decisions: %w", err)
	}
	defer rows.Close()
	out := []PLARDecision{}
	for rows.Next() {
		var d PLARDecision
		if err := rows.Scan(&d.ID, &d.TargetID, &d.OutcomeID, &d.Result, &d.Credits, &d.Date, &d.Note,
			&d.Course, &d.OutcomeCode); err != nil {
			return nil, fmt.Errorf("read PLAR decision: %w", err)
		}
		if d.Note, d.NoteLocked, err = openNoteField(sl, locked, fieldDecisionNote, d.Note); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// openNoteField opens a sealed note, or reads it as empty (and says so) while locked.
func openNoteField(sl sealer, locked bool, field, v string) (string, bool, error) {
	if locked {
		return "", v != "", nil
	}
	v, err := sl.open(field, v)
	return v, false, err
}

// SavePLARDecision creates (ID 0) or updates the decision on one learning outcome, or on the
// whole course when OutcomeID is 0. There is one decision per outcome and one per course; a
// second is refused. While locked it saves everything but the note, which it keeps as it was.
func (s *Store) SavePLARDecision(ctx context.Context, d PLARDecision) (PLARDecision, error) {
	d, err := cleanDecision(d)
	if err != nil {
		return PLARDecision{}, err
	}
	now := s.stamp()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		sl, locked, err := s.notePrivacy(ctx, tx)
		if err != nil {
			return err
		}
		keepNote := locked || d.NoteLocked
		if keepNote && d.Note != "" {
			return lockedError()
		}
		if err := checkDecisionTarget(ctx, tx, d); err != nil {
			return err
		}
		var outcome any
		if d.OutcomeID != 0 {
			outcome = d.OutcomeID
		}
		var other int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM plar_decision WHERE target_id = ? AND ifnull(outcome_id, 0) = ?
			AND id <> ?`, d.TargetID, d.OutcomeID, d.ID).Scan(&other)
		if err == nil {
			return fault.New(fault.Conflict, "outcomeId", "ErrDecisionExists")
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("find PLAR decision: %w", err)
		}
		if d.ID == 0 {
			if keepNote {
				return lockedError() // a new decision has no sealed note to keep
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO plar_decision (target_id, outcome_id, result, credits,
				decided_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, d.TargetID, outcome,
				d.Result, d.Credits, d.Date, sl.seal(fieldDecisionNote, d.Note), now, now)
			if err != nil {
				return fmt.Errorf("add PLAR decision: %w", err)
			}
			d.ID, err = res.LastInsertId()
			return err
		}
		q := `UPDATE plar_decision SET target_id = ?, outcome_id = ?, result = ?, credits = ?, decided_on = ?,
			note = ?, updated_at = ? WHERE id = ?`
		args := []any{d.TargetID, outcome, d.Result, d.Credits, d.Date, sl.seal(fieldDecisionNote, d.Note), now, d.ID}
		if keepNote {
			q = `UPDATE plar_decision SET target_id = ?, outcome_id = ?, result = ?, credits = ?, decided_on = ?,
				updated_at = ? WHERE id = ?`
			args = []any{d.TargetID, outcome, d.Result, d.Credits, d.Date, now, d.ID}
		}
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("update PLAR decision: %w", err)
		}
		return mustAffect(res, "ErrDecisionNotFound")
	})
	if err != nil {
		return PLARDecision{}, err
	}
	return s.plarDecision(ctx, d.ID)
}

// plarDecision reads one decision back, with its course and outcome code.
func (s *Store) plarDecision(ctx context.Context, id int64) (PLARDecision, error) {
	all, err := s.PLARDecisions(ctx)
	if err != nil {
		return PLARDecision{}, err
	}
	for _, d := range all {
		if d.ID == id {
			return d, nil
		}
	}
	return PLARDecision{}, fault.New(fault.NotFound, "", "ErrDecisionNotFound")
}

// checkDecisionTarget makes sure the course exists and the learning outcome is one of its own.
func checkDecisionTarget(ctx context.Context, tx *sql.Tx, d PLARDecision) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM target WHERE id = ?`, d.TargetID).Scan(&n); err != nil {
		return fmt.Errorf("find target: %w", err)
	}
	if n == 0 {
		return fault.New(fault.NotFound, "targetId", "ErrTargetNotFound")
	}
	if d.OutcomeID == 0 {
		return nil
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM outcome WHERE id = ? AND target_id = ?`,
		d.OutcomeID, d.TargetID).Scan(&n); err != nil {
		return fmt.Errorf("find outcome: %w", err)
	}
	if n == 0 {
		return fault.New(fault.NotFound, "outcomeId", "ErrOutcomeNotFound")
	}
	return nil
}

// DeletePLARDecision removes a decision for good; not while locked (its note is private).
func (s *Store) DeletePLARDecision(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.privacy(ctx, tx); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM plar_decision WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete PLAR decision: %w", err)
		}
		return mustAffect(res, "ErrDecisionNotFound")
	})
}

func cleanDecision(d PLARDecision) (PLARDecision, error) {
	var err error
	if d.Result, err = checkOneOf("result", d.Result, DecisionResults()); err != nil {
		return d, err
	}
	if d.Date, err = checkDate("date", d.Date, false); err != nil {
		return d, err
	}
	if math.IsNaN(d.Credits) || d.Credits < 0 || d.Credits > MaxDecisionCredits {
		return d, fault.New(fault.Invalid, "credits", "ErrCreditsOutOfRange", "Max", MaxDecisionCredits)
	}
	if d.Note, err = cleanText("note", d.Note, MaxLongText); err != nil {
		return d, err
	}
	if d.TargetID <= 0 {
		return d, fault.New(fault.Invalid, "targetId", "ErrRequired")
	}
	if d.OutcomeID < 0 {
		d.OutcomeID = 0
	}
	return d, nil
}
