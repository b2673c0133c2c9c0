package portfolio

import (
	"context"
	"database/sql"
	"fmt"
)

// Learner reads who the portfolio belongs to, including their private self-identification.
func (s *Store) Learner(ctx context.Context) (Learner, error) {
	var l Learner
	err := s.db.QueryRowContext(ctx, `SELECT l.display_name, l.legal_name, l.preferred_language, l.email,
		l.phone, l.community, l.region, i.newcomer, i.indigenous, i.disability, i.racialized, i.notes
		FROM learner l, self_identification i WHERE l.id = 1 AND i.id = 1`).Scan(
		&l.DisplayName, &l.LegalName, &l.PreferredLanguage, &l.Email, &l.Phone, &l.Community, &l.Region,
		&l.SelfID.Newcomer, &l.SelfID.Indigenous, &l.SelfID.Disability, &l.SelfID.Racialized, &l.SelfID.Notes)
	if err != nil {
		return Learner{}, classify(fmt.Errorf("read learner: %w", err))
	}
	return l, nil
}

// SaveLearner validates and stores the learner and their self-identification together.
func (s *Store) SaveLearner(ctx context.Context, l Learner) (Learner, error) {
	l, err := cleanLearner(l)
	if err != nil {
		return Learner{}, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE learner SET display_name = ?, legal_name = ?,
			preferred_language = ?, email = ?, phone = ?, community = ?, region = ? WHERE id = 1`,
			l.DisplayName, l.LegalName, l.PreferredLanguage, l.Email, l.Phone, l.Community, l.Region); err != nil {
			return fmt.Errorf("save learner: %w", err)
		}
		_, err := tx.ExecContext(ctx, `UPDATE self_identification SET newcomer = ?, indigenous = ?,
			disability = ?, racialized = ?, notes = ? WHERE id = 1`,
			l.SelfID.Newcomer, l.SelfID.Indigenous, l.SelfID.Disability, l.SelfID.Racialized, l.SelfID.Notes)
		if err != nil {
			return fmt.Errorf("save self-identification: %w", err)
		}
		return nil
	})
	if err != nil {
		return Learner{}, err
	}
	return l, nil
}

func cleanLearner(l Learner) (Learner, error) {
	var err error
	short := []struct {
		field string
		v     *string
	}{
		{"displayName", &l.DisplayName}, {"legalName", &l.LegalName}, {"email", &l.Email},
		{"phone", &l.Phone}, {"community", &l.Community}, {"region", &l.Region},
	}
	for _, f := range short {
		if *f.v, err = cleanText(f.field, *f.v, MaxShortText); err != nil {
			return Learner{}, err
		}
	}
	if l.PreferredLanguage, err = checkLanguage("preferredLanguage", l.PreferredLanguage); err != nil {
		return Learner{}, err
	}
	if l.SelfID.Notes, err = cleanText("selfIdNotes", l.SelfID.Notes, MaxLongText); err != nil {
		return Learner{}, err
	}
	return l, nil
}
