package portfolio

import (
	"context"
	"database/sql"
	"fmt"
	"passerelle/fault"
	"slices"
	"time"
)

// LaterOutcomes lists what happened after a credential or a submission, most recent first,
// each with the microcredentials and claims it relates to. While the portfolio is locked it
// still answers, with each note empty and NoteLocked set.
func (s *Store) LaterOutcomes(ctx context.Context) ([]LaterOutcome, error) {
	var out []LaterOutcome
	err := s.View(ctx, func(tx *sql.Tx) error {
		sl, locked, err := s.notePrivacy(ctx, tx)
		if err != nil {
			return err
		}
		out, err = readLaterOutcomes(ctx, tx, sl, locked)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func readLaterOutcomes(ctx context.Context, q queryer, sl sealer, locked bool) ([]LaterOutcome, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, happened_on, raise_range, note, prompt FROM later_outcome
		ORDER BY happened_on DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list later outcomes: %w", err)
	}
	out := []LaterOutcome{}
	byID := map[int64]int{}
	for rows.Next() {
		o := LaterOutcome{CredentialIDs: []int64{}, ClaimIDs: []int64{}}
		if err := rows.Scan(&o.ID, &o.Type, &o.Date, &o.RaiseRange, &o.Note, &o.Prompt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read later outcome: %w", err)
		}
		if o.Note, o.NoteLocked, err = openNoteField(sl, locked, fieldLaterNote, o.Note); err != nil {
			rows.Close()
			return nil, err
		}
		byID[o.ID] = len(out)
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list later outcomes: %w", err)
	}
	for _, link := range []struct {
		query string
		add   func(*LaterOutcome, int64)
	}{
		{`SELECT later_outcome_id, credential_id FROM later_outcome_credential ORDER BY credential_id`,
			func(o *LaterOutcome, id int64) { o.CredentialIDs = append(o.CredentialIDs, id) }},
		{`SELECT later_outcome_id, claim_id FROM later_outcome_claim ORDER BY claim_id`,
			func(o *LaterOutcome, id int64) { o.ClaimIDs = append(o.ClaimIDs, id) }},
	} {
		rows, err := q.QueryContext(ctx, link.query)
		if err != nil {
			return nil, fmt.Errorf("list later outcome links: %w", err)
		}
		for rows.Next() {
			var owner, id int64
			if err := rows.Scan(&owner, &id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read later outcome link: %w", err)
			}
			if i, ok := byID[owner]; ok {
				link.add(&out[i], id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("list later outcome links: %w", err)
		}
	}
	return out, nil
}

// SaveLaterOutcome creates (ID 0) or updates a later outcome and its links, all or nothing.
// A date after today is refused; a raise range is kept only for a raise. While locked it saves
// everything but the note, which it keeps as it was.
func (s *Store) SaveLaterOutcome(ctx context.Context, o LaterOutcome) (LaterOutcome, error) {
	o, err := cleanLaterOutcome(o, s.now().Format(time.DateOnly))
	if err != nil {
		return LaterOutcome{}, err
	}
	now := s.stamp()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		sl, locked, err := s.notePrivacy(ctx, tx)
		if err != nil {
			return err
		}
		keepNote := locked || o.NoteLocked
		if keepNote && (o.Note != "" || o.ID == 0) {
			return lockedError()
		}
		if err := checkLinks(ctx, tx, o); err != nil {
			return err
		}
		if o.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO later_outcome (kind, happened_on, raise_range, note, prompt,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, o.Type, o.Date, o.RaiseRange,
				sl.seal(fieldLaterNote, o.Note), o.Prompt, now, now)
			if err != nil {
				return fmt.Errorf("add later outcome: %w", err)
			}
			if o.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			q := `UPDATE later_outcome SET kind = ?, happened_on = ?, raise_range = ?, prompt = ?, updated_at = ?,
				note = ? WHERE id = ?`
			args := []any{o.Type, o.Date, o.RaiseRange, o.Prompt, now, sl.seal(fieldLaterNote, o.Note), o.ID}
			if keepNote {
				q = `UPDATE later_outcome SET kind = ?, happened_on = ?, raise_range = ?, prompt = ?, updated_at = ?
					WHERE id = ?`
				args = []any{o.Type, o.Date, o.RaiseRange, o.Prompt, now, o.ID}
			}
			res, err := tx.ExecContext(ctx, q, args...)
			if err != nil {
				return fmt.Errorf("update later outcome: %w", err)
			}
			if err := mustAffect(res, "ErrLaterOutcomeNotFound"); err != nil {
				return err
			}
		}
		return writeLinks(ctx, tx, o)
	})
	if err != nil {
		return LaterOutcome{}, err
	}
	if o.NoteLocked {
		o.Note = ""
	}
	return o, nil
}

// checkLinks makes sure every linked microcredential and claim exists, so a stale form gets a
// message rather than a foreign-key failure.
func checkLinks(ctx context.Context, tx *sql.Tx, o LaterOutcome) error {
	for _, set := range []struct {
		table, field, msg string
		ids               []int64
	}{{"credential", "credentialIds", "ErrCredentialNotFound", o.CredentialIDs},
		{"claim", "claimIds", "ErrClaimNotFound", o.ClaimIDs}} {
		for _, id := range set.ids {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+set.table+` WHERE id = ?`, id).Scan(&n); err != nil {
				return fmt.Errorf("find %s: %w", set.table, err)
			}
			if n == 0 {
				return fault.New(fault.NotFound, set.field, set.msg)
			}
		}
	}
	return nil
}

func writeLinks(ctx context.Context, tx *sql.Tx, o LaterOutcome) error {
	for _, q := range []string{`DELETE FROM later_outcome_credential WHERE later_outcome_id = ?`,
		`DELETE FROM later_outcome_claim WHERE later_outcome_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, o.ID); err != nil {
			return fmt.Errorf("clear later outcome links: %w", err)
		}
	}
	for _, id := range o.CredentialIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO later_outcome_credential (later_outcome_id, credential_id)
			VALUES (?, ?)`, o.ID, id); err != nil {
			return fmt.Errorf("link credential: %w", err)
		}
	}
	for _, id := range o.ClaimIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO later_outcome_claim (later_outcome_id, claim_id)
			VALUES (?, ?)`, o.ID, id); err != nil {
			return fmt.Errorf("link claim: %w", err)
		}
	}
	return nil
}

// DeleteLaterOutcome removes a later outcome for good; not while locked (its note is private).
func (s *Store) DeleteLaterOutcome(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.privacy(ctx, tx); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM later_outcome WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete later outcome: %w", err)
		}
		return mustAffect(res, "ErrLaterOutcomeNotFound")
	})
}

func cleanLaterOutcome(o LaterOutcome, today string) (LaterOutcome, error) {
	var err error
	if o.Type, err = checkOneOf("type", o.Type, LaterOutcomeTypes()); err != nil {
		return o, err
	}
	if o.Date, err = checkDate("date", o.Date, false); err != nil {
		return o, err
	}
	if o.Date > today {
		return o, fault.New(fault.Invalid, "date", "ErrLaterOutcomeInFuture")
	}
	if o.Type != string(LaterRaise) {
		o.RaiseRange = ""
	}
	if o.RaiseRange != "" {
		if o.RaiseRange, err = checkOneOf("raiseRange", o.RaiseRange, RaiseRanges()); err != nil {
			return o, err
		}
	}
	if o.Note, err = cleanText("note", o.Note, MaxLongText); err != nil {
		return o, err
	}
	if o.Prompt != "" {
		if _, err := parseFollowUpKey(o.Prompt); err != nil {
			return o, err
		}
	}
	o.CredentialIDs = uniqueIDs(o.CredentialIDs)
	o.ClaimIDs = uniqueIDs(o.ClaimIDs)
	return o, nil
}

// uniqueIDs drops repeats and sorts, never returning nil (the page gets [] rather than null).
func uniqueIDs(ids []int64) []int64 {
	out := append([]int64{}, ids...)
	slices.Sort(out)
	return slices.Compact(out)
}
