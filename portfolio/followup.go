package portfolio

import (
	"context"
	"database/sql"
	"fmt"
	"passerelle/fault"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RecordExport remembers that a PDF was exported now, for targetID (0 when unknown): the guide's
// last step reads the latest, and follow-up prompts count months from the latest per target.
// On a read-only view (see OpenToRead) it records nothing, as MarkExported.
func (s *Store) RecordExport(ctx context.Context, targetID int64) error {
	if s.readOnly {
		return nil
	}
	now := s.stamp()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var target any
		if targetID > 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM target WHERE id = ?`, targetID).Scan(&n); err != nil {
				return fmt.Errorf("find target: %w", err)
			}
			if n > 0 {
				target = targetID
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO export_log (exported_at, target_id) VALUES (?, ?)`,
			now, target); err != nil {
			return fmt.Errorf("record export: %w", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('exported_at', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, now)
		return err
	})
}

// followUpKey is what a prompt is known by: what it counts from, which one, after how many months.
type followUpKey struct {
	source string
	id     int64
	months int
}

func (k followUpKey) String() string { return fmt.Sprintf("%s:%d:%d", k.source, k.id, k.months) }

// parseFollowUpKey reads "credential:12:6" or "export:3:12" (export 0: an export of no known target).
func parseFollowUpKey(s string) (followUpKey, error) {
	bad := fault.New(fault.NotFound, "prompt", "ErrFollowUpNotFound")
	parts := strings.Split(s, ":")
	if len(parts) != 3 || (parts[0] != FollowUpExport && parts[0] != FollowUpCredential) {
		return followUpKey{}, bad
	}
	id, err1 := strconv.ParseInt(parts[1], 10, 64)
	months, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || id < 0 || !slices.Contains(FollowUpMonths(), months) {
		return followUpKey{}, bad
	}
	return followUpKey{parts[0], id, months}, nil
}

// FollowUps are the prompts due now, oldest anchor first: for each microcredential (from its issue
// date) and each exported target (from its latest export), the latest of 3, 6 and 12 months
// reached, unless the learner dismissed it or already answered it: an outcome recorded from that
// prompt, or (for a credential) an outcome linked to it, or (for an export) any outcome, dated on
// or after the day it came due. Nothing is stored but the dismissals.
func (s *Store) FollowUps(ctx context.Context) ([]FollowUp, error) {
	var out []FollowUp
	err := s.View(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = followUps(ctx, tx, s.now())
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// anchor is a date follow-up prompts count months from.
type anchor struct {
	source, since, title, titleEN, titleFR string
	id, credentialID, targetID             int64
}

func followUps(ctx context.Context, tx *sql.Tx, now time.Time) ([]FollowUp, error) {
	anchors, err := readAnchors(ctx, tx)
	if err != nil {
		return nil, err
	}
	dismissed := map[string]bool{}
	answered := map[string]bool{}
	for _, q := range []struct {
		query string
		into  map[string]bool
	}{{`SELECT prompt FROM follow_up_dismissal`, dismissed}, {`SELECT prompt FROM later_outcome WHERE prompt <> ''`, answered}} {
		rows, err := tx.QueryContext(ctx, q.query)
		if err != nil {
			return nil, fmt.Errorf("read follow-ups: %w", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read follow-ups: %w", err)
			}
			q.into[k] = true
		}
		rows.Close()
	}
	today := now.Format(time.DateOnly)
	out := []FollowUp{}
	for _, a := range anchors {
		since, err := time.Parse(time.DateOnly, a.since)
		if err != nil {
			continue // an export stamp or issue date this build cannot read asks nothing
		}
		var due string
		months := 0
		for _, m := range FollowUpMonths() {
			if d := since.AddDate(0, m, 0).Format(time.DateOnly); d <= today {
				due, months = d, m
			}
		}
		if months == 0 {
			continue
		}
		elapsed := monthsBetween(since, now)
		if elapsed > FollowUpMonths()[len(FollowUpMonths())-1]+FollowUpGraceMonths {
			// Long after the last prompt point, a learner who has already recorded what happened
			// (about this credential, or at all for an export) has been keeping track, and a
			// question years late is only noise; one who never recorded anything is still asked,
			// once, with the real time elapsed — the app may be new to them, the credential old.
			recorded, err := recordedAny(ctx, tx, a)
			if err != nil {
				return nil, err
			}
			if recorded {
				continue
			}
		}
		key := followUpKey{a.source, a.id, months}.String()
		if dismissed[key] || answered[key] {
			continue
		}
		later, err := answeredSince(ctx, tx, a, due)
		if err != nil {
			return nil, err
		}
		if later {
			continue
		}
		out = append(out, FollowUp{Key: key, Source: a.source, Months: months, Elapsed: elapsed, Since: a.since, Due: due,
			Title: a.title, TitleEN: a.titleEN, TitleFR: a.titleFR, CredentialID: a.credentialID, TargetID: a.targetID})
	}
	return out, nil
}

// readAnchors lists every microcredential's issue date and every exported target's latest export.
func readAnchors(ctx context.Context, tx *sql.Tx) ([]anchor, error) {
	var out []anchor
	rows, err := tx.QueryContext(ctx, `SELECT id, issued_on, title_en, title_fr FROM credential ORDER BY issued_on, id`)
	if err != nil {
		return nil, fmt.Errorf("read follow-ups: %w", err)
	}
	for rows.Next() {
		a := anchor{source: FollowUpCredential}
		if err := rows.Scan(&a.id, &a.since, &a.titleEN, &a.titleFR); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read follow-ups: %w", err)
		}
		a.credentialID, a.title = a.id, a.titleEN
		if a.title == "" {
			a.title = a.titleFR
		}
		out = append(out, a)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT ifnull(e.target_id, 0), max(e.exported_at), ifnull(t.name, '')
		FROM export_log e LEFT JOIN target t ON t.id = e.target_id GROUP BY ifnull(e.target_id, 0)
		ORDER BY max(e.exported_at)`)
	if err != nil {
		return nil, fmt.Errorf("read follow-ups: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a := anchor{source: FollowUpExport}
		var stamp string
		if err := rows.Scan(&a.id, &stamp, &a.title); err != nil {
			return nil, fmt.Errorf("read follow-ups: %w", err)
		}
		a.targetID = a.id
		if t, err := time.Parse(time.RFC3339, stamp); err == nil {
			a.since = t.Format(time.DateOnly)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// FollowUpGraceMonths is how long after the last prompt point (12 months) a prompt still comes
// for a credential or an export the learner has recorded outcomes for: up to 18 months in all.
const FollowUpGraceMonths = 6

// monthsBetween is the whole months from since to now: 2023-02-11 to 2026-11-29 is 45.
func monthsBetween(since, now time.Time) int {
	n := (now.Year()-since.Year())*12 + int(now.Month()) - int(since.Month())
	if n > 0 && since.AddDate(0, n, 0).Format(time.DateOnly) > now.Format(time.DateOnly) {
		n--
	}
	return max(n, 0)
}

// recordedAny tells whether the learner ever recorded an outcome about a credential (linked to
// it), or, for an export, any outcome at all.
func recordedAny(ctx context.Context, tx *sql.Tx, a anchor) (bool, error) {
	q, args := `SELECT count(*) FROM later_outcome`, []any{}
	if a.source == FollowUpCredential {
		q = `SELECT count(*) FROM later_outcome_credential WHERE credential_id = ?`
		args = []any{a.id}
	}
	var n int
	if err := tx.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return false, fmt.Errorf("read follow-ups: %w", err)
	}
	return n > 0, nil
}

// answeredSince tells whether an outcome already says what happened by the time a prompt came due.
func answeredSince(ctx context.Context, tx *sql.Tx, a anchor, due string) (bool, error) {
	q := `SELECT count(*) FROM later_outcome WHERE happened_on >= ?`
	args := []any{due}
	if a.source == FollowUpCredential {
		q = `SELECT count(*) FROM later_outcome o JOIN later_outcome_credential c ON c.later_outcome_id = o.id
			WHERE c.credential_id = ? AND o.happened_on >= ?`
		args = []any{a.id, due}
	}
	var n int
	if err := tx.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return false, fmt.Errorf("read follow-ups: %w", err)
	}
	return n > 0, nil
}

// DismissFollowUp hides a prompt due now for good; a key that is not a prompt due now is refused.
func (s *Store) DismissFollowUp(ctx context.Context, key string) error {
	if _, err := parseFollowUpKey(key); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		due, err := followUps(ctx, tx, s.now())
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(due, func(f FollowUp) bool { return f.Key == key }) {
			return fault.New(fault.NotFound, "prompt", "ErrFollowUpNotFound")
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO follow_up_dismissal (prompt, dismissed_at) VALUES (?, ?)
			ON CONFLICT (prompt) DO NOTHING`, key, s.stamp())
		return err
	})
}
