package portfolio

import (
	"context"
	"database/sql"
	"fmt"
	"passerelle/fault"
)

// Learner reads who the portfolio belongs to, including their private self-identification.
// While the portfolio is locked it still answers, with the private fields empty and Locked set,
// so the profile and the guide keep working.
func (s *Store) Learner(ctx context.Context) (Learner, error) {
	var l Learner
	err := s.View(ctx, func(tx *sql.Tx) error {
		sl, err := s.privacy(ctx, tx)
		l.Locked = fault.CodeOf(err) == fault.Locked
		if err != nil && !l.Locked {
			return err
		}
		var email, phone string
		if err := tx.QueryRowContext(ctx, `SELECT display_name, legal_name, preferred_language, email, phone,
			community, region FROM learner WHERE id = 1`).Scan(&l.DisplayName, &l.LegalName,
			&l.PreferredLanguage, &email, &phone, &l.Community, &l.Region); err != nil {
			return fmt.Errorf("read learner: %w", err)
		}
		if l.Locked {
			return nil
		}
		if l.Email, err = sl.open(fieldEmail, email); err != nil {
			return err
		}
		if l.Phone, err = sl.open(fieldPhone, phone); err != nil {
			return err
		}
		l.SelfID, err = readSelfID(ctx, tx, sl)
		return err
	})
	if err != nil {
		return Learner{}, err
	}
	return l, nil
}

// SaveLearner validates and stores the learner and their self-identification together. While
// the portfolio is locked, or when l was read while it was (l.Locked), it saves the other
// fields and keeps the sealed ones as they were: a form filled in while locked never blanks
// them. It refuses private values it could not seal rather than drop them.
func (s *Store) SaveLearner(ctx context.Context, l Learner) (Learner, error) {
	l, err := cleanLearner(l)
	if err != nil {
		return Learner{}, err
	}
	keepPrivate := l.Locked
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		sl, err := s.privacy(ctx, tx)
		locked := fault.CodeOf(err) == fault.Locked
		if err != nil && !locked {
			return err
		}
		if locked || keepPrivate {
			if l.Email != "" || l.Phone != "" || l.SelfID != (SelfIdentification{}) {
				return lockedError()
			}
			keepPrivate = true
			_, err := tx.ExecContext(ctx, `UPDATE learner SET display_name = ?, legal_name = ?,
				preferred_language = ?, community = ?, region = ? WHERE id = 1`,
				l.DisplayName, l.LegalName, l.PreferredLanguage, l.Community, l.Region)
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE learner SET display_name = ?, legal_name = ?,
			preferred_language = ?, email = ?, phone = ?, community = ?, region = ? WHERE id = 1`,
			l.DisplayName, l.LegalName, l.PreferredLanguage, sl.seal(fieldEmail, l.Email),
			sl.seal(fieldPhone, l.Phone), l.Community, l.Region); err != nil {
			return fmt.Errorf("save learner: %w", err)
		}
		return writeSelfID(ctx, tx, sl, l.SelfID)
	})
	if err != nil {
		return Learner{}, err
	}
	if keepPrivate {
		return s.Learner(ctx)
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
	if l.Email, err = checkEmail("email", l.Email); err != nil {
		return Learner{}, err
	}
	if l.PreferredLanguage, err = checkLanguage("preferredLanguage", l.PreferredLanguage); err != nil {
		return Learner{}, err
	}
	if l.SelfID.Notes, err = cleanText("selfIdNotes", l.SelfID.Notes, MaxLongText); err != nil {
		return Learner{}, err
	}
	return l, nil
}
