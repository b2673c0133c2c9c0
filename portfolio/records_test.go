package portfolio

import (
	"context"
	"passerelle/fault"
	"path/filepath"
	"strings"
	"testing"
)

func TestLearner_SaveAndReadBackAccentsAndPrivateFields(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	in := Learner{DisplayName: "  Aïcha Benoît-Léger ", LegalName: "Aïcha Benoît-Léger", PreferredLanguage: "fr",
		Community: "ᐊᑦᑕᐙᐱᔅᑲᑦ (Attawapiskat)", Region: "Nunavik", Email: "a@example.org",
		SelfID: SelfIdentification{Indigenous: true, Notes: "Cri de la baie James 🌿"}}
	saved, err := st.SaveLearner(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Learner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != saved || got.DisplayName != "Aïcha Benoît-Léger" || !got.SelfID.Indigenous ||
		got.Community != in.Community || got.SelfID.Notes != "Cri de la baie James 🌿" {
		t.Fatalf("read back %+v", got)
	}
}

func TestValidation_RefusesBadInputAndKeepsNothing(t *testing.T) {
	long := strings.Repeat("é", MaxShortText+1)
	okExp := Experience{Kind: "PaidWork", TitleEN: "Cook", StartMonth: "2020-01"}
	cases := []struct {
		name  string
		save  func(*Store) error
		field string
		msg   string
	}{
		{"control character in title", func(s *Store) error {
			e := okExp
			e.TitleEN = "Cook\x07"
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "titleEn", "ErrTextControlCharacters"},
		{"end before start", func(s *Store) error {
			e := okExp
			e.EndMonth = "2019-12"
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "endMonth", "ErrEndBeforeStart"},
		{"month not a month", func(s *Store) error {
			e := okExp
			e.StartMonth = "2020-13"
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "startMonth", "ErrMonthDoesNotExist"},
		{"month with a letter", func(s *Store) error {
			e := okExp
			e.StartMonth = "2020-1a"
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "startMonth", "ErrInvalidMonth"},
		{"month zero at the end", func(s *Store) error {
			e := okExp
			e.EndMonth = "2021-00"
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "endMonth", "ErrMonthDoesNotExist"},
		{"unknown kind", func(s *Store) error {
			e := okExp
			e.Kind = "Wizardry"
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "kind", "ErrUnknownChoice"},
		{"no title in either language", func(s *Store) error {
			e := okExp
			e.TitleEN = " "
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "titleEn", "ErrExperienceTitleRequired"},
		{"credential without a name in either language", func(s *Store) error {
			_, err := s.SaveCredential(context.Background(), Credential{Issuer: "Croix-Rouge", IssuedOn: "2024-05-01"})
			return err
		}, "titleEn", "ErrCredentialNameRequired"},
		{"credential issued tomorrow", func(s *Store) error {
			// The store's clock says 2026-11-29.
			_, err := s.SaveCredential(context.Background(), Credential{TitleFR: "Secourisme", Issuer: "Croix-Rouge",
				IssuedOn: "2026-11-30"})
			return err
		}, "issuedOn", "ErrIssuedInFuture"},
		{"negative hours", func(s *Store) error {
			e := okExp
			e.Hours = -1
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "hours", "ErrHoursOutOfRange"},
		{"organisation too long", func(s *Store) error {
			e := okExp
			e.Organisation = long
			_, err := s.SaveExperience(context.Background(), e)
			return err
		}, "organisation", "ErrTextTooLong"},
		{"credential expires before issue", func(s *Store) error {
			_, err := s.SaveCredential(context.Background(), Credential{TitleFR: "Secourisme", Issuer: "Croix-Rouge",
				IssuedOn: "2024-05-01", ExpiresOn: "2024-04-30"})
			return err
		}, "expiresOn", "ErrExpiryBeforeIssue"},
		{"credential date written another way", func(s *Store) error {
			_, err := s.SaveCredential(context.Background(), Credential{TitleFR: "Secourisme", Issuer: "Croix-Rouge",
				IssuedOn: "30/02/2024"})
			return err
		}, "issuedOn", "ErrInvalidDate"},
		{"credential date well written but not on the calendar", func(s *Store) error {
			_, err := s.SaveCredential(context.Background(), Credential{TitleFR: "Secourisme", Issuer: "Croix-Rouge",
				IssuedOn: "2024-02-30"})
			return err
		}, "issuedOn", "ErrDateDoesNotExist"},
		{"support note on the 31st of February", func(s *Store) error {
			_, err := s.SaveSupportNote(context.Background(), SupportNote{Category: "Housing", Date: "2026-02-31", Text: "x"})
			return err
		}, "date", "ErrDateDoesNotExist"},
		{"support note in month 13", func(s *Store) error {
			_, err := s.SaveSupportNote(context.Background(), SupportNote{Category: "Housing", Date: "2026-13-01", Text: "x"})
			return err
		}, "date", "ErrDateDoesNotExist"},
		{"support note date with a letter", func(s *Store) error {
			_, err := s.SaveSupportNote(context.Background(), SupportNote{Category: "Housing", Date: "2026-0a-01", Text: "x"})
			return err
		}, "date", "ErrInvalidDate"},
		{"support note without text", func(s *Store) error {
			_, err := s.SaveSupportNote(context.Background(), SupportNote{Category: "Childcare", Date: "2024-01-01"})
			return err
		}, "text", "ErrRequired"},
		{"support follow-up before note", func(s *Store) error {
			_, err := s.SaveSupportNote(context.Background(), SupportNote{Category: "Housing", Date: "2024-01-10",
				FollowUp: "2024-01-09", Text: "x"})
			return err
		}, "followUp", "ErrFollowUpBeforeDate"},
		{"learner language unknown", func(s *Store) error {
			_, err := s.SaveLearner(context.Background(), Learner{PreferredLanguage: "de"})
			return err
		}, "preferredLanguage", "ErrUnknownChoice"},
		{"learner name with NUL", func(s *Store) error {
			_, err := s.SaveLearner(context.Background(), Learner{DisplayName: "A\x00B"})
			return err
		}, "displayName", "ErrTextControlCharacters"},
		{"invalid UTF-8", func(s *Store) error {
			_, err := s.SaveLearner(context.Background(), Learner{Region: "\xff\xfe"})
			return err
		}, "region", "ErrTextInvalidEncoding"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := newStore(t)
			before := fileBytes(t, st.Path())
			err := c.save(st)
			e, ok := fault.As(err)
			if !ok || e.Code != fault.Invalid || e.MessageID != c.msg || e.Field != c.field {
				t.Fatalf("want invalid %s on %s, got %v", c.msg, c.field, err)
			}
			if string(before) != string(fileBytes(t, st.Path())) {
				t.Fatal("a refused save changed the file")
			}
		})
	}
}

func TestLearner_EmailIsCheckedLightly(t *testing.T) {
	cases := []struct {
		email string
		ok    bool
	}{
		{"", true},
		{"amelie@example.org", true},
		{"  amelie.t+plar@cégep-exemple.qc.ca ", true},
		{"amelie@", false},
		{"@example.org", false},
		{"amelie", false},
		{"amelie@localhost", false},
		{"amelie@example.", false},
		{"amelie@.org", false},
		{"amelie@example..org", false},
		{"ame lie@example.org", false},
		{"amelie@@example.org", false},
		{"a@b@example.org", false},
	}
	for _, c := range cases {
		t.Run(c.email, func(t *testing.T) {
			st := newStore(t)
			before := fileBytes(t, st.Path())
			saved, err := st.SaveLearner(context.Background(), Learner{DisplayName: "Amélie", Email: c.email})
			if c.ok {
				if err != nil || saved.Email != strings.TrimSpace(c.email) {
					t.Fatalf("refused or changed %q: %v, saved %q", c.email, err, saved.Email)
				}
				return
			}
			e, ok := fault.As(err)
			if !ok || e.Code != fault.Invalid || e.Field != "email" || e.MessageID != "ErrInvalidEmail" {
				t.Fatalf("want invalid ErrInvalidEmail on email, got %v", err)
			}
			if string(before) != string(fileBytes(t, st.Path())) {
				t.Fatal("a refused email changed the file")
			}
		})
	}
}

func TestValidation_AcceptsEmojiAndNormalisesLineEndings(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	n, err := st.SaveSupportNote(ctx, SupportNote{Category: "ElderCultural", Date: "2024-03-01",
		Provider: "Kokum Marie", Text: "Line one\r\nLine two 🌿\ttabbed"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Text != "Line one\nLine two 🌿\ttabbed" || n.ShareWithCoach {
		t.Fatalf("note %+v", n)
	}
}

func TestRecords_CreateUpdateDeleteRoundTrip(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	e, err := st.SaveExperience(ctx, Experience{Kind: "LandBased", TitleEN: "Trapline keeper",
		TitleFR: "Gardien de ligne de piégeage", StartMonth: "2010-10", Skills: []string{"navigation", "Navigation", " ", "skinning"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Skills) != 2 {
		t.Fatalf("skills not deduplicated: %v", e.Skills)
	}
	e.Place = "Wemindji"
	if _, err := st.SaveExperience(ctx, e); err != nil {
		t.Fatal(err)
	}
	got, err := st.Experience(ctx, e.ID)
	if err != nil || got.Place != "Wemindji" || got.Skills[1] != "skinning" {
		t.Fatalf("got %+v %v", got, err)
	}
	c, err := st.SaveCredential(ctx, Credential{TitleEN: "First aid", Issuer: "St. John Ambulance", IssuedOn: "2023-04-04",
		Competencies: []string{"CPR"}, Hours: 16})
	if err != nil {
		t.Fatal(err)
	}
	if list, _ := st.Credentials(ctx); len(list) != 1 || list[0].Competencies[0] != "CPR" {
		t.Fatalf("credentials %+v", list)
	}
	if err := st.DeleteExperience(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.DeleteExperience(ctx, e.ID), fault.NotFound, "ErrExperienceNotFound")
	wantCode(t, st.DeleteCredential(ctx, c.ID+100), fault.NotFound, "ErrCredentialNotFound")
	e.ID = 9999
	_, err = st.SaveExperience(ctx, e)
	wantCode(t, err, fault.NotFound, "ErrExperienceNotFound")
}

func TestRecords_SurviveReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r"+FileExtension)
	st, err := Create(ctx, path, "R")
	if err != nil {
		t.Fatal(err)
	}
	st.SaveSupportNote(ctx, SupportNote{Category: "Transportation", Date: "2024-02-02", Text: "Billets d’autobus"})
	st.SetLanguage(ctx, French)
	st.Close()
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	notes, _ := st.SupportNotes(ctx)
	lang, _ := st.Language(ctx)
	if len(notes) != 1 || notes[0].Text != "Billets d’autobus" || lang != French {
		t.Fatalf("notes %+v lang %q", notes, lang)
	}
}

// TestSupportNote_TwoChoicesAreKeptApart saves a note for each combination of the two choices
// and reads each back as it was saved.
func TestSupportNote_TwoChoicesAreKeptApart(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	for _, c := range []struct{ coach, submission bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
		n, err := st.SaveSupportNote(ctx, SupportNote{Category: "Coaching", Date: "2025-01-02", Text: "Note",
			ShareWithCoach: c.coach, IncludeInSubmission: c.submission})
		if err != nil {
			t.Fatal(err)
		}
		notes, err := st.SupportNotes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range notes {
			if got.ID == n.ID && (got.ShareWithCoach != c.coach || got.IncludeInSubmission != c.submission) {
				t.Errorf("saved %+v, read back %+v", c, got)
			}
		}
	}
}
