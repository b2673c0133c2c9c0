package plar

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"passerelle/fault"
	"passerelle/portfolio"
)

// Store keeps targets, outcomes and claims in the learner's portfolio file.
type Store struct {
	p *portfolio.Store
}

// NewStore works on an open portfolio; it does not own it and never closes it.
func NewStore(p *portfolio.Store) *Store { return &Store{p: p} }

// Targets lists every target with its outcomes, in the order they were added.
func (s *Store) Targets(ctx context.Context) ([]Target, error) {
	var out []Target
	err := s.p.View(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readTargets(ctx, tx, `ORDER BY id`)
		return err
	})
	return out, err
}

// Target reads one target with its outcomes.
func (s *Store) Target(ctx context.Context, id int64) (Target, error) {
	return s.oneTarget(ctx, `WHERE id = ?`, id)
}

// TargetByName finds a target by the name the learner gave it.
func (s *Store) TargetByName(ctx context.Context, name string) (Target, error) {
	return s.oneTarget(ctx, `WHERE name = ?`, name)
}

func (s *Store) oneTarget(ctx context.Context, where string, arg any) (Target, error) {
	var out []Target
	err := s.p.View(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readTargets(ctx, tx, where, arg)
		return err
	})
	if err != nil {
		return Target{}, err
	}
	if len(out) == 0 {
		return Target{}, fault.New(fault.NotFound, "", "ErrTargetNotFound")
	}
	return out[0], nil
}

// SaveTarget creates (ID 0) or updates a target's description; outcomes are saved on their own.
func (s *Store) SaveTarget(ctx context.Context, t Target) (Target, error) {
	t, err := cleanTarget(t)
	if err != nil {
		return Target{}, err
	}
	methods, _ := json.Marshal(t.Methods)
	now := s.p.Stamp()
	err = s.p.Update(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM target WHERE name = ? AND id <> ?`, t.Name, t.ID).Scan(&other)
		if err == nil {
			return fault.New(fault.Conflict, "name", "ErrTargetNameTaken")
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("check target name: %w", err)
		}
		if t.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO target (name, institution, program, course_code,
				course_title, language, currency_years, methods, methods_notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, t.Name, t.Institution, t.Program, t.CourseCode,
				t.CourseTitle, t.Language, t.CurrencyYears, string(methods), t.MethodsNotes, now, now)
			if err != nil {
				return fmt.Errorf("add target: %w", err)
			}
			t.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE target SET name = ?, institution = ?, program = ?,
			course_code = ?, course_title = ?, language = ?, currency_years = ?, methods = ?, methods_notes = ?,
			updated_at = ? WHERE id = ?`, t.Name, t.Institution, t.Program, t.CourseCode, t.CourseTitle,
			t.Language, t.CurrencyYears, string(methods), t.MethodsNotes, now, t.ID)
		if err != nil {
			return fmt.Errorf("update target: %w", err)
		}
		return mustAffect(res, "ErrTargetNotFound")
	})
	if err != nil {
		return Target{}, err
	}
	return s.Target(ctx, t.ID)
}

// DeleteTarget removes a target with its outcomes and claims; experiences and evidence stay.
func (s *Store) DeleteTarget(ctx context.Context, id int64) error {
	return s.p.Update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM target WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete target: %w", err)
		}
		return mustAffect(res, "ErrTargetNotFound")
	})
}

// SaveOutcome creates (ID 0, appended last) or updates one learning outcome of a target.
func (s *Store) SaveOutcome(ctx context.Context, o Outcome) (Outcome, error) {
	o, err := cleanOutcome(o)
	if err != nil {
		return Outcome{}, err
	}
	err = s.p.Update(ctx, func(tx *sql.Tx) error {
		var dup int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM outcome WHERE target_id = ? AND code = ? AND id <> ?`,
			o.TargetID, o.Code, o.ID).Scan(&dup)
		if err == nil {
			return fault.New(fault.Conflict, "code", "ErrOutcomeCodeTaken", "Code", o.Code)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("check outcome code: %w", err)
		}
		if o.ID == 0 {
			return insertOutcomes(ctx, tx, o.TargetID, []*Outcome{&o})
		}
		res, err := tx.ExecContext(ctx, `UPDATE outcome SET code = ?, text_en = ?, text_fr = ?
			WHERE id = ? AND target_id = ?`, o.Code, o.TextEN, o.TextFR, o.ID, o.TargetID)
		if err != nil {
			return fmt.Errorf("update outcome: %w", err)
		}
		return mustAffect(res, "ErrOutcomeNotFound")
	})
	if err != nil {
		return Outcome{}, err
	}
	return o, nil
}

// DeleteOutcome removes an outcome and the claim on it.
func (s *Store) DeleteOutcome(ctx context.Context, id int64) error {
	return s.p.Update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM outcome WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete outcome: %w", err)
		}
		return mustAffect(res, "ErrOutcomeNotFound")
	})
}

// AddOutcomes adds outcomes to a target all at once: if any is refused (a code the target
// already has, among others), none is added.
func (s *Store) AddOutcomes(ctx context.Context, targetID int64, outcomes []Outcome) ([]Outcome, error) {
	ptrs := make([]*Outcome, len(outcomes))
	for i := range outcomes {
		o, err := cleanOutcome(outcomes[i])
		if err != nil {
			return nil, err
		}
		outcomes[i] = o
		ptrs[i] = &outcomes[i]
	}
	err := s.p.Update(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM target WHERE id = ?`, targetID).Scan(&n); err != nil {
			return fmt.Errorf("find target: %w", err)
		}
		if n == 0 {
			return fault.New(fault.NotFound, "", "ErrTargetNotFound")
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM outcome WHERE target_id = ?`, targetID).Scan(&n); err != nil {
			return fmt.Errorf("count outcomes: %w", err)
		}
		if n+len(outcomes) > MaxOutcomes {
			return fault.New(fault.TooLarge, "", "ErrTooManyOutcomes", "Max", MaxOutcomes)
		}
		for _, o := range outcomes {
			var dup int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM outcome WHERE target_id = ? AND code = ?`, targetID, o.Code).Scan(&dup)
			if err == nil {
				return fault.New(fault.Conflict, "code", "ErrOutcomeCodeTaken", "Code", o.Code)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("check outcome code: %w", err)
			}
		}
		return insertOutcomes(ctx, tx, targetID, ptrs)
	})
	if err != nil {
		return nil, err
	}
	return outcomes, nil
}

func insertOutcomes(ctx context.Context, tx *sql.Tx, targetID int64, outcomes []*Outcome) error {
	var pos int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(position), 0) FROM outcome WHERE target_id = ?`,
		targetID).Scan(&pos); err != nil {
		return fmt.Errorf("read outcome order: %w", err)
	}
	for _, o := range outcomes {
		pos++
		res, err := tx.ExecContext(ctx, `INSERT INTO outcome (target_id, position, code, text_en, text_fr)
			VALUES (?, ?, ?, ?, ?)`, targetID, pos, o.Code, o.TextEN, o.TextFR)
		if err != nil {
			return fmt.Errorf("add outcome %s: %w", o.Code, err)
		}
		if o.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		o.TargetID = targetID
	}
	return nil
}

func readTargets(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]Target, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, institution, program, course_code, course_title,
		language, currency_years, methods, methods_notes FROM target `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list targets: %w", err)
	}
	out := []Target{}
	for rows.Next() {
		var t Target
		var methods string
		if err := rows.Scan(&t.ID, &t.Name, &t.Institution, &t.Program, &t.CourseCode, &t.CourseTitle,
			&t.Language, &t.CurrencyYears, &methods, &t.MethodsNotes); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read target: %w", err)
		}
		if err := json.Unmarshal([]byte(methods), &t.Methods); err != nil {
			rows.Close()
			return nil, fmt.Errorf("decode methods of target %d: %w", t.ID, err)
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Outcomes, err = readOutcomes(ctx, tx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readOutcomes(ctx context.Context, tx *sql.Tx, targetID int64) ([]Outcome, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, target_id, code, text_en, text_fr FROM outcome
		WHERE target_id = ? ORDER BY position, id`, targetID)
	if err != nil {
		return nil, fmt.Errorf("list outcomes: %w", err)
	}
	defer rows.Close()
	out := []Outcome{}
	for rows.Next() {
		var o Outcome
		if err := rows.Scan(&o.ID, &o.TargetID, &o.Code, &o.TextEN, &o.TextFR); err != nil {
			return nil, fmt.Errorf("read outcome: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// mustAffect reports not found when an update or delete matched no row.
func mustAffect(res sql.Result, messageID string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fault.New(fault.NotFound, "", messageID)
	}
	return nil
}
