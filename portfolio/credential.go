package portfolio

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"passerelle/fault"
	"time"
)

// Credentials lists the learner's microcredentials, most recently issued first.
func (s *Store) Credentials(ctx context.Context) ([]Credential, error) {
	return readCredentials(ctx, s.db)
}

func readCredentials(ctx context.Context, q queryer) ([]Credential, error) {
	rows, err := q.QueryContext(ctx, credentialSelect+` ORDER BY issued_on DESC, id DESC`)
	if err != nil {
		return nil, classify(fmt.Errorf("list credentials: %w", err))
	}
	defer rows.Close()
	out := []Credential{}
	for rows.Next() {
		c, err := scanCredential(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	imports, err := readImports(ctx, q)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Import = imports[out[i].ID]
	}
	return out, nil
}

// Credential reads one microcredential.
func (s *Store) Credential(ctx context.Context, id int64) (Credential, error) {
	c, err := scanCredential(s.db.QueryRowContext(ctx, credentialSelect+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Credential{}, fault.New(fault.NotFound, "", "ErrCredentialNotFound")
	}
	if err != nil {
		return Credential{}, err
	}
	imports, err := readImports(ctx, s.db, id)
	if err != nil {
		return Credential{}, err
	}
	c.Import = imports[id]
	return c, nil
}

// SaveCredential creates (ID 0) or updates a microcredential after validating every field. On
// one imported from a digital credential, what the credential stated stays as imported: only
// the fields it left empty (a French title, the assessment method…) take the learner's edit.
func (s *Store) SaveCredential(ctx context.Context, c Credential) (Credential, error) {
	var stated statedFacts
	var imported bool
	if c.ID != 0 {
		err := s.View(ctx, func(tx *sql.Tx) error {
			var err error
			stated, imported, err = statedFor(ctx, tx, c.ID)
			return err
		})
		if err != nil {
			return Credential{}, err
		}
		if imported {
			c = stated.keep(c)
		}
	}
	c, err := cleanCredential(c, s.now().Format(time.DateOnly))
	if err != nil {
		return Credential{}, err
	}
	comps, err := json.Marshal(c.Competencies)
	if err != nil {
		return Credential{}, fmt.Errorf("encode competencies: %w", err)
	}
	now := s.stamp()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if c.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO credential (title_en, title_fr, issuer, issued_on,
				expires_on, competencies, assessment_method, hours, credit_value, verification, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.TitleEN, c.TitleFR, c.Issuer, c.IssuedOn,
				c.ExpiresOn, string(comps), c.AssessmentMethod, c.Hours, c.CreditValue, c.Verification, now, now)
			if err != nil {
				return fmt.Errorf("add credential: %w", err)
			}
			c.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE credential SET title_en = ?, title_fr = ?, issuer = ?,
			issued_on = ?, expires_on = ?, competencies = ?, assessment_method = ?, hours = ?, credit_value = ?,
			verification = ?, updated_at = ? WHERE id = ?`, c.TitleEN, c.TitleFR, c.Issuer, c.IssuedOn,
			c.ExpiresOn, string(comps), c.AssessmentMethod, c.Hours, c.CreditValue, c.Verification, now, c.ID)
		if err != nil {
			return fmt.Errorf("update credential: %w", err)
		}
		return mustAffect(res, "ErrCredentialNotFound")
	})
	if err != nil {
		return Credential{}, err
	}
	if imported {
		return s.Credential(ctx, c.ID)
	}
	c.Import = nil
	return c, nil
}

// DeleteCredential removes a microcredential and its links to evidence; the evidence stays.
func (s *Store) DeleteCredential(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM credential WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete credential: %w", err)
		}
		return mustAffect(res, "ErrCredentialNotFound")
	})
}

const credentialSelect = `SELECT id, title_en, title_fr, issuer, issued_on, expires_on, competencies,
	assessment_method, hours, credit_value, verification FROM credential`

func scanCredential(r scanner) (Credential, error) {
	var c Credential
	var comps string
	err := r.Scan(&c.ID, &c.TitleEN, &c.TitleFR, &c.Issuer, &c.IssuedOn, &c.ExpiresOn, &comps,
		&c.AssessmentMethod, &c.Hours, &c.CreditValue, &c.Verification)
	if err != nil {
		return Credential{}, err
	}
	if err := json.Unmarshal([]byte(comps), &c.Competencies); err != nil {
		return Credential{}, fmt.Errorf("decode competencies of credential %d: %w", c.ID, err)
	}
	return c, nil
}

// cleanCredential validates every field; today (YYYY-MM-DD, the store's clock) bounds the
// issue date.
func cleanCredential(c Credential, today string) (Credential, error) {
	var err error
	for _, f := range []struct {
		field string
		v     *string
	}{
		{"titleEn", &c.TitleEN}, {"titleFr", &c.TitleFR}, {"assessmentMethod", &c.AssessmentMethod},
		{"creditValue", &c.CreditValue}, {"verification", &c.Verification},
	} {
		if *f.v, err = cleanText(f.field, *f.v, MaxShortText); err != nil {
			return c, err
		}
	}
	if c.TitleEN == "" && c.TitleFR == "" {
		return c, fault.New(fault.Invalid, "titleEn", "ErrCredentialNameRequired")
	}
	if c.Issuer, err = required("issuer", c.Issuer, MaxShortText); err != nil {
		return c, err
	}
	if c.IssuedOn, err = checkDate("issuedOn", c.IssuedOn, false); err != nil {
		return c, err
	}
	// A credential not issued yet has not been earned: an assessor would read a future date
	// on a PLAR submission as a typo or an overstatement, so it is refused with the reason.
	if c.IssuedOn > today {
		return c, fault.New(fault.Invalid, "issuedOn", "ErrIssuedInFuture", "Date", c.IssuedOn)
	}
	if c.ExpiresOn, err = checkDate("expiresOn", c.ExpiresOn, true); err != nil {
		return c, err
	}
	if c.ExpiresOn != "" && c.ExpiresOn < c.IssuedOn {
		return c, fault.New(fault.Invalid, "expiresOn", "ErrExpiryBeforeIssue")
	}
	if c.Hours < 0 || c.Hours > 100000 || c.Hours != c.Hours {
		return c, fault.New(fault.Invalid, "hours", "ErrHoursOutOfRange")
	}
	if c.Competencies, err = cleanTags("competencies", c.Competencies); err != nil {
		return c, err
	}
	return c, nil
}
