package plar

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"passerelle/fault"
)

// Claims lists the claims on a target's outcomes, in the order of the outcomes.
func (s *Store) Claims(ctx context.Context, targetID int64) ([]Claim, error) {
	var out []Claim
	err := s.p.View(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readClaims(ctx, tx, `WHERE o.target_id = ?`, targetID)
		return err
	})
	return out, err
}

// ClaimFor reads the claim on one outcome, and whether there is one.
func (s *Store) ClaimFor(ctx context.Context, outcomeID int64) (Claim, bool, error) {
	var out []Claim
	err := s.p.View(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readClaims(ctx, tx, `WHERE c.outcome_id = ?`, outcomeID)
		return err
	})
	if err != nil || len(out) == 0 {
		return Claim{}, false, err
	}
	return out[0], true, nil
}

// SaveClaim claims an outcome, or updates the claim on it, with all its links, in one
// transaction. Links to items that no longer exist are dropped, never stored dangling.
func (s *Store) SaveClaim(ctx context.Context, c Claim) (Claim, error) {
	c, err := cleanClaim(c)
	if err != nil {
		return Claim{}, err
	}
	now := s.p.Stamp()
	err = s.p.Update(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM outcome WHERE id = ?`, c.OutcomeID).Scan(&n); err != nil {
			return fmt.Errorf("find outcome: %w", err)
		}
		if n == 0 {
			return fault.New(fault.NotFound, "", "ErrOutcomeNotFound")
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO claim (outcome_id, rating, narrative_en, narrative_fr,
			currency_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (outcome_id) DO UPDATE SET rating = excluded.rating, narrative_en = excluded.narrative_en,
			narrative_fr = excluded.narrative_fr, currency_note = excluded.currency_note,
			updated_at = excluded.updated_at RETURNING id`,
			c.OutcomeID, c.Rating, c.NarrativeEN, c.NarrativeFR, c.CurrencyNote, now, now).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("save claim: %w", err)
		}
		for _, q := range []string{`DELETE FROM claim_experience WHERE claim_id = ?`,
			`DELETE FROM claim_credential WHERE claim_id = ?`, `DELETE FROM claim_evidence WHERE claim_id = ?`} {
			if _, err := tx.ExecContext(ctx, q, c.ID); err != nil {
				return fmt.Errorf("clear claim links: %w", err)
			}
		}
		for _, id := range c.ExperienceIDs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO claim_experience (claim_id, experience_id)
				SELECT ?, id FROM experience WHERE id = ?`, c.ID, id); err != nil {
				return fmt.Errorf("link experience: %w", err)
			}
		}
		for _, id := range c.CredentialIDs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO claim_credential (claim_id, credential_id)
				SELECT ?, id FROM credential WHERE id = ?`, c.ID, id); err != nil {
				return fmt.Errorf("link credential: %w", err)
			}
		}
		for _, l := range c.Evidence {
			if _, err := tx.ExecContext(ctx, `INSERT INTO claim_evidence (claim_id, evidence_id, relevance)
				SELECT ?, id, ? FROM evidence WHERE id = ?`, c.ID, l.Relevance, l.EvidenceID); err != nil {
				return fmt.Errorf("link evidence: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return Claim{}, err
	}
	saved, ok, err := s.ClaimFor(ctx, c.OutcomeID)
	if err != nil {
		return Claim{}, err
	}
	if !ok {
		return Claim{}, errors.New("save claim: claim vanished after commit")
	}
	return saved, nil
}

// WithdrawClaim removes the claim on an outcome; the outcome stays, unclaimed.
func (s *Store) WithdrawClaim(ctx context.Context, outcomeID int64) error {
	return s.p.Update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM claim WHERE outcome_id = ?`, outcomeID)
		if err != nil {
			return fmt.Errorf("withdraw claim: %w", err)
		}
		return mustAffect(res, "ErrClaimNotFound")
	})
}

func readClaims(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]Claim, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.outcome_id, c.rating, c.narrative_en, c.narrative_fr,
		c.currency_note FROM claim c JOIN outcome o ON o.id = c.outcome_id `+where+` ORDER BY o.position, o.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list claims: %w", err)
	}
	out := []Claim{}
	index := map[int64]int{}
	for rows.Next() {
		c := Claim{ExperienceIDs: []int64{}, CredentialIDs: []int64{}, Evidence: []EvidenceLink{}}
		if err := rows.Scan(&c.ID, &c.OutcomeID, &c.Rating, &c.NarrativeEN, &c.NarrativeFR, &c.CurrencyNote); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read claim: %w", err)
		}
		index[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	links, err := tx.QueryContext(ctx, `SELECT claim_id, 'x', experience_id, '' FROM claim_experience
		UNION ALL SELECT claim_id, 'c', credential_id, '' FROM claim_credential
		UNION ALL SELECT claim_id, 'e', evidence_id, relevance FROM claim_evidence ORDER BY 1, 2, 3`)
	if err != nil {
		return nil, fmt.Errorf("list claim links: %w", err)
	}
	defer links.Close()
	for links.Next() {
		var claimID, id int64
		var kind, relevance string
		if err := links.Scan(&claimID, &kind, &id, &relevance); err != nil {
			return nil, fmt.Errorf("read claim link: %w", err)
		}
		i, ok := index[claimID]
		if !ok {
			continue
		}
		switch kind {
		case "x":
			out[i].ExperienceIDs = append(out[i].ExperienceIDs, id)
		case "c":
			out[i].CredentialIDs = append(out[i].CredentialIDs, id)
		default:
			out[i].Evidence = append(out[i].Evidence, EvidenceLink{EvidenceID: id, Relevance: relevance})
		}
	}
	return out, links.Err()
}
