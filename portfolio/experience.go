package portfolio

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"passerelle/fault"
)

// Experiences lists the learner's experiences, most recent first.
func (s *Store) Experiences(ctx context.Context) ([]Experience, error) {
	return readExperiences(ctx, s.db)
}

func readExperiences(ctx context.Context, q queryer) ([]Experience, error) {
	rows, err := q.QueryContext(ctx, experienceSelect+` ORDER BY start_month DESC, id DESC`)
	if err != nil {
		return nil, classify(fmt.Errorf("list experiences: %w", err))
	}
	defer rows.Close()
	out := []Experience{}
	for rows.Next() {
		e, err := scanExperience(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Experience reads one experience.
func (s *Store) Experience(ctx context.Context, id int64) (Experience, error) {
	e, err := scanExperience(s.db.QueryRowContext(ctx, experienceSelect+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Experience{}, fault.New(fault.NotFound, "", "ErrExperienceNotFound")
	}
	return e, err
}

// SaveExperience creates (ID 0) or updates an experience after validating every field.
func (s *Store) SaveExperience(ctx context.Context, e Experience) (Experience, error) {
	e, err := cleanExperience(e)
	if err != nil {
		return Experience{}, err
	}
	skills, err := json.Marshal(e.Skills)
	if err != nil {
		return Experience{}, fmt.Errorf("encode skills: %w", err)
	}
	now := s.stamp()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if e.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO experience (kind, title_en, title_fr, organisation,
				place, start_month, end_month, hours, description_en, description_fr, skills, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Kind, e.TitleEN, e.TitleFR, e.Organisation,
				e.Place, e.StartMonth, e.EndMonth, e.Hours, e.DescriptionEN, e.DescriptionFR, string(skills), now, now)
			if err != nil {
				return fmt.Errorf("add experience: %w", err)
			}
			e.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE experience SET kind = ?, title_en = ?, title_fr = ?,
			organisation = ?, place = ?, start_month = ?, end_month = ?, hours = ?, description_en = ?,
			description_fr = ?, skills = ?, updated_at = ? WHERE id = ?`, e.Kind, e.TitleEN, e.TitleFR,
			e.Organisation, e.Place, e.StartMonth, e.EndMonth, e.Hours, e.DescriptionEN, e.DescriptionFR,
			string(skills), now, e.ID)
		if err != nil {
			return fmt.Errorf("update experience: %w", err)
		}
		return mustAffect(res, "ErrExperienceNotFound")
	})
	if err != nil {
		return Experience{}, err
	}
	return e, nil
}

// DeleteExperience removes an experience and its links to evidence; the evidence stays.
func (s *Store) DeleteExperience(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM experience WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete experience: %w", err)
		}
		return mustAffect(res, "ErrExperienceNotFound")
	})
}

const experienceSelect = `SELECT id, kind, title_en, title_fr, organisation, place, start_month, end_month,
	hours, description_en, description_fr, skills FROM experience`

type scanner interface{ Scan(...any) error }

func scanExperience(r scanner) (Experience, error) {
	var e Experience
	var skills string
	err := r.Scan(&e.ID, &e.Kind, &e.TitleEN, &e.TitleFR, &e.Organisation, &e.Place, &e.StartMonth,
		&e.EndMonth, &e.Hours, &e.DescriptionEN, &e.DescriptionFR, &skills)
	if err != nil {
		return Experience{}, err
	}
	if err := json.Unmarshal([]byte(skills), &e.Skills); err != nil {
		return Experience{}, fmt.Errorf("decode skills of experience %d: %w", e.ID, err)
	}
	return e, nil
}

func cleanExperience(e Experience) (Experience, error) {
	var err error
	if e.Kind, err = checkOneOf("kind", e.Kind, ExperienceKinds()); err != nil {
		return e, err
	}
	for _, f := range []struct {
		field string
		v     *string
		max   int
	}{
		{"titleEn", &e.TitleEN, MaxShortText}, {"titleFr", &e.TitleFR, MaxShortText},
		{"organisation", &e.Organisation, MaxShortText}, {"place", &e.Place, MaxShortText},
		{"descriptionEn", &e.DescriptionEN, MaxLongText}, {"descriptionFr", &e.DescriptionFR, MaxLongText},
	} {
		if *f.v, err = cleanText(f.field, *f.v, f.max); err != nil {
			return e, err
		}
	}
	if e.TitleEN == "" && e.TitleFR == "" {
		return e, fault.New(fault.Invalid, "titleEn", "ErrExperienceTitleRequired")
	}
	if e.StartMonth, err = checkMonth("startMonth", e.StartMonth, false); err != nil {
		return e, err
	}
	if e.EndMonth, err = checkMonth("endMonth", e.EndMonth, true); err != nil {
		return e, err
	}
	if e.EndMonth != "" && e.EndMonth < e.StartMonth {
		return e, fault.New(fault.Invalid, "endMonth", "ErrEndBeforeStart")
	}
	if e.Hours < 0 || e.Hours > 200000 {
		return e, fault.New(fault.Invalid, "hours", "ErrHoursOutOfRange")
	}
	if e.Skills, err = cleanTags("skills", e.Skills); err != nil {
		return e, err
	}
	return e, nil
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
