package portfolio

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"passerelle/fault"
)

// course adds a target with two learning outcomes and a claim on the first, the way plar stores
// them, and returns the target, the outcomes and the claim.
func course(t *testing.T, st *Store, name string) (target int64, outcomes [2]int64, claim int64) {
	t.Helper()
	ctx := context.Background()
	err := st.Update(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO target (name, course_code, created_at, updated_at) VALUES (?, 'MLT101', 'x', 'x')`, name)
		if err != nil {
			return err
		}
		target, _ = res.LastInsertId()
		for i, code := range []string{"A1", "A2"} {
			res, err := tx.Exec(`INSERT INTO outcome (target_id, position, code, text_en) VALUES (?, ?, ?, 'Do it')`, target, i, code)
			if err != nil {
				return err
			}
			outcomes[i], _ = res.LastInsertId()
		}
		res, err = tx.Exec(`INSERT INTO claim (outcome_id, rating, created_at, updated_at) VALUES (?, 3, 'x', 'x')`, outcomes[0])
		if err != nil {
			return err
		}
		claim, _ = res.LastInsertId()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return target, outcomes, claim
}

func TestPLARDecision_OnePerOutcomeAndOneForTheCourse(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	target, outcomes, _ := course(t, st, "MLT 101")
	other, otherOutcomes, _ := course(t, st, "BIO 200")
	whole, err := st.SavePLARDecision(ctx, PLARDecision{TargetID: target, Result: "granted", Credits: 3,
		Date: "2026-06-15", Note: "Dossier accepté"})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Course != "MLT 101" || whole.OutcomeCode != "" || whole.Note != "Dossier accepté" {
		t.Fatalf("course decision read back as %+v", whole)
	}
	one, err := st.SavePLARDecision(ctx, PLARDecision{TargetID: target, OutcomeID: outcomes[1], Result: "partial",
		Credits: 1.5, Date: "2026-06-15"})
	if err != nil || one.OutcomeCode != "A2" {
		t.Fatalf("outcome decision: %+v, %v", one, err)
	}
	for _, c := range []struct {
		name  string
		d     PLARDecision
		code  fault.Code
		msgID string
	}{
		{"unknown result", PLARDecision{TargetID: target, Result: "maybe", Date: "2026-06-15"}, fault.Invalid, "ErrUnknownChoice"},
		{"no date", PLARDecision{TargetID: target, OutcomeID: outcomes[0], Result: "pending"}, fault.Invalid, "ErrRequired"},
		{"no such day", PLARDecision{TargetID: target, OutcomeID: outcomes[0], Result: "pending", Date: "2026-02-30"}, fault.Invalid, "ErrDateDoesNotExist"},
		{"negative credits", PLARDecision{TargetID: target, OutcomeID: outcomes[0], Result: "granted", Credits: -1, Date: "2026-06-15"}, fault.Invalid, "ErrCreditsOutOfRange"},
		{"too many credits", PLARDecision{TargetID: target, OutcomeID: outcomes[0], Result: "granted", Credits: 3000, Date: "2026-06-15"}, fault.Invalid, "ErrCreditsOutOfRange"},
		{"outcome of another course", PLARDecision{TargetID: target, OutcomeID: otherOutcomes[0], Result: "granted", Date: "2026-06-15"}, fault.NotFound, "ErrOutcomeNotFound"},
		{"no such course", PLARDecision{TargetID: 999, Result: "granted", Date: "2026-06-15"}, fault.NotFound, "ErrTargetNotFound"},
		{"a second course decision", PLARDecision{TargetID: target, Result: "refused", Date: "2026-07-01"}, fault.Conflict, "ErrDecisionExists"},
		{"a second outcome decision", PLARDecision{TargetID: target, OutcomeID: outcomes[1], Result: "granted", Date: "2026-07-01"}, fault.Conflict, "ErrDecisionExists"},
		{"update of a deleted one", PLARDecision{ID: 999, TargetID: other, Result: "granted", Date: "2026-07-01"}, fault.NotFound, "ErrDecisionNotFound"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := fileBytes(t, st.Path())
			_, err := st.SavePLARDecision(ctx, c.d)
			wantCode(t, err, c.code, c.msgID)
			if !bytes.Equal(before, fileBytes(t, st.Path())) {
				t.Fatal("a refused decision changed the file")
			}
		})
	}
	whole.Result, whole.Credits = "refused", 0
	if _, err := st.SavePLARDecision(ctx, whole); err != nil {
		t.Fatalf("changing a decision: %v", err)
	}
	list, err := st.PLARDecisions(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %+v, %v", list, err)
	}
	if err := st.DeletePLARDecision(ctx, one.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.DeletePLARDecision(ctx, one.ID), fault.NotFound, "ErrDecisionNotFound")
	if list, _ := st.PLARDecisions(ctx); len(list) != 1 || list[0].Result != "refused" {
		t.Fatalf("after delete: %+v", list)
	}
}

func TestLaterOutcome_KeepsLinksAndRefusesBadInput(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	_, _, claim := course(t, st, "MLT 101")
	cred, err := st.SaveCredential(ctx, Credential{TitleEN: "Lab safety", Issuer: "College", IssuedOn: "2026-01-10"})
	if err != nil {
		t.Fatal(err)
	}
	saved, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "raise", Date: "2026-05-02", RaiseRange: "from5To10",
		Note: "Négocié avec ma gestionnaire", CredentialIDs: []int64{cred.ID, cred.ID}, ClaimIDs: []int64{claim}})
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.LaterOutcomes(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %+v, %v", list, err)
	}
	got := list[0]
	if got.ID != saved.ID || got.RaiseRange != "from5To10" || got.Note != "Négocié avec ma gestionnaire" ||
		!slices.Equal(got.CredentialIDs, []int64{cred.ID}) || !slices.Equal(got.ClaimIDs, []int64{claim}) {
		t.Fatalf("read back %+v", got)
	}
	got.Type, got.RaiseRange, got.CredentialIDs = "newDuties", "over20", nil
	if got, err = st.SaveLaterOutcome(ctx, got); err != nil || got.RaiseRange != "" {
		t.Fatalf("a raise range is kept only for a raise: %+v, %v", got, err)
	}
	if list, _ := st.LaterOutcomes(ctx); len(list[0].CredentialIDs) != 0 || list[0].CredentialIDs == nil {
		t.Fatalf("unlinking: %+v", list[0])
	}
	for _, c := range []struct {
		name  string
		o     LaterOutcome
		code  fault.Code
		msgID string
	}{
		{"unknown type", LaterOutcome{Type: "lottery", Date: "2026-05-02"}, fault.Invalid, "ErrUnknownChoice"},
		{"no date", LaterOutcome{Type: "newJob"}, fault.Invalid, "ErrRequired"},
		{"after today", LaterOutcome{Type: "newJob", Date: "2026-12-01"}, fault.Invalid, "ErrLaterOutcomeInFuture"},
		{"unknown raise range", LaterOutcome{Type: "raise", Date: "2026-05-02", RaiseRange: "huge"}, fault.Invalid, "ErrUnknownChoice"},
		{"no such credential", LaterOutcome{Type: "newJob", Date: "2026-05-02", CredentialIDs: []int64{999}}, fault.NotFound, "ErrCredentialNotFound"},
		{"no such claim", LaterOutcome{Type: "newJob", Date: "2026-05-02", ClaimIDs: []int64{999}}, fault.NotFound, "ErrClaimNotFound"},
		{"a prompt that is not one", LaterOutcome{Type: "newJob", Date: "2026-05-02", Prompt: "credential:1:5"}, fault.NotFound, "ErrFollowUpNotFound"},
		{"a control character", LaterOutcome{Type: "newJob", Date: "2026-05-02", Note: "a\x00b"}, fault.Invalid, "ErrTextControlCharacters"},
		{"update of a deleted one", LaterOutcome{ID: 999, Type: "newJob", Date: "2026-05-02"}, fault.NotFound, "ErrLaterOutcomeNotFound"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := fileBytes(t, st.Path())
			_, err := st.SaveLaterOutcome(ctx, c.o)
			wantCode(t, err, c.code, c.msgID)
			if !bytes.Equal(before, fileBytes(t, st.Path())) {
				t.Fatal("a refused outcome changed the file")
			}
		})
	}
	if err := st.DeleteCredential(ctx, cred.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteLaterOutcome(ctx, saved.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.DeleteLaterOutcome(ctx, saved.ID), fault.NotFound, "ErrLaterOutcomeNotFound")
}

// The notes of decisions and later outcomes are private: sealed with a passphrase, unreadable
// while locked (the rest still listed), kept when a record is changed while locked, and in
// clear again once the passphrase is removed.
func TestOutcomeNotes_SealedLikeSupportNotes(t *testing.T) {
	st := newStore(t)
	st.kdf = cheapKDF()
	ctx := context.Background()
	target, _, _ := course(t, st, "MLT 101")
	const decisionNote, laterNote = "Évaluatrice-Quetzal-7731", "Gestionnaire-Ornithorynque-2290"
	d, err := st.SavePLARDecision(ctx, PLARDecision{TargetID: target, Result: "granted", Date: "2026-06-15", Note: decisionNote})
	if err != nil {
		t.Fatal(err)
	}
	o, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "newJob", Date: "2026-08-01", Note: laterNote})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetPassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	raw := fileBytes(t, st.Path())
	for _, secret := range []string{decisionNote, laterNote} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Fatalf("%q is in the file in clear after a passphrase was set", secret)
		}
	}
	st, err = Open(ctx, st.Path(), WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ds, err := st.PLARDecisions(ctx)
	if err != nil || len(ds) != 1 || ds[0].Note != "" || !ds[0].NoteLocked {
		t.Fatalf("locked decisions: %+v, %v", ds, err)
	}
	os, err := st.LaterOutcomes(ctx)
	if err != nil || len(os) != 1 || os[0].Note != "" || !os[0].NoteLocked {
		t.Fatalf("locked outcomes: %+v, %v", os, err)
	}
	ds[0].Credits = 2
	if _, err := st.SavePLARDecision(ctx, ds[0]); err != nil {
		t.Fatalf("a change while locked: %v", err)
	}
	os[0].Type = "promotion"
	if _, err := st.SaveLaterOutcome(ctx, os[0]); err != nil {
		t.Fatalf("a change while locked: %v", err)
	}
	os[0].Note = "written while locked"
	_, err = st.SaveLaterOutcome(ctx, os[0])
	wantCode(t, err, fault.Locked, "ErrPortfolioLocked")
	_, err = st.SaveLaterOutcome(ctx, LaterOutcome{Type: "noChange", Date: "2026-09-01", Note: "x"})
	wantCode(t, err, fault.Locked, "ErrPortfolioLocked")
	wantCode(t, st.DeleteLaterOutcome(ctx, o.ID), fault.Locked, "ErrPortfolioLocked")
	if err := st.Unlock(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	ds, _ = st.PLARDecisions(ctx)
	os, _ = st.LaterOutcomes(ctx)
	if ds[0].Note != decisionNote || ds[0].Credits != 2 || os[0].Note != laterNote || os[0].Type != "promotion" {
		t.Fatalf("after unlock: %+v %+v", ds[0], os[0])
	}
	if err := st.RemovePassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	if ds, _ := st.PLARDecisions(ctx); ds[0].Note != decisionNote || d.ID != ds[0].ID {
		t.Fatalf("after removing the passphrase: %+v", ds)
	}
}

// Forgetting the private fields clears these notes too: nobody can read them any more.
func TestOutcomeNotes_ForgottenWithThePassphrase(t *testing.T) {
	st := newStore(t)
	st.kdf = cheapKDF()
	ctx := context.Background()
	if _, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "newJob", Date: "2026-08-01", Note: "secret"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	st.Lock()
	if err := st.ForgetPrivateFields(ctx, "Test"); err != nil {
		t.Fatal(err)
	}
	list, err := st.LaterOutcomes(ctx)
	if err != nil || len(list) != 1 || list[0].Note != "" || list[0].NoteLocked || list[0].Type != "newJob" {
		t.Fatalf("after forgetting: %+v, %v", list, err)
	}
}

// storeAt makes a store whose today is the given date.
func storeAt(t *testing.T, today string) *Store {
	t.Helper()
	now, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Create(context.Background(), filepath.Join(t.TempDir(), "f"+FileExtension), "Test",
		WithClock(func() time.Time { return now.Add(12 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestFollowUps_TheLatestMilestoneReachedUntilAnsweredOrDismissed(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, today string
		want        []string // keys due, in order
	}{
		{"not yet 3 months", "2026-04-09", nil},
		{"3 months to the day", "2026-04-10", []string{"credential:1:3"}},
		{"5 months", "2026-06-20", []string{"credential:1:3"}},
		{"6 months", "2026-07-10", []string{"credential:1:6"}},
		{"two years", "2028-01-10", []string{"credential:1:12"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := storeAt(t, c.today)
			if _, err := st.SaveCredential(ctx, Credential{TitleFR: "Sécurité au labo", Issuer: "Collège",
				IssuedOn: "2026-01-10"}); err != nil {
				t.Fatal(err)
			}
			got, err := st.FollowUps(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, f := range got {
				keys = append(keys, f.Key)
				if f.Title != "Sécurité au labo" || f.Since != "2026-01-10" || f.CredentialID != 1 {
					t.Errorf("prompt %+v", f)
				}
			}
			if !slices.Equal(keys, c.want) {
				t.Fatalf("due %v, want %v", keys, c.want)
			}
		})
	}

	t.Run("answered from the prompt, dismissed, or said by a later outcome", func(t *testing.T) {
		st := storeAt(t, "2026-07-20")
		a, _ := st.SaveCredential(ctx, Credential{TitleEN: "A", Issuer: "I", IssuedOn: "2026-01-10"})
		b, _ := st.SaveCredential(ctx, Credential{TitleEN: "B", Issuer: "I", IssuedOn: "2026-01-15"})
		c, _ := st.SaveCredential(ctx, Credential{TitleEN: "C", Issuer: "I", IssuedOn: "2026-01-20"})
		if got, _ := st.FollowUps(ctx); len(got) != 3 {
			t.Fatalf("three credentials at 6 months: %+v", got)
		}
		if _, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "newJob", Date: "2026-07-15",
			Prompt: "credential:" + itoa(a.ID) + ":6"}); err != nil {
			t.Fatal(err)
		}
		if err := st.DismissFollowUp(ctx, "credential:"+itoa(b.ID)+":6"); err != nil {
			t.Fatal(err)
		}
		// An outcome linked to C but before its 6 months does not answer the 6-month prompt.
		if _, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "skillsUsed", Date: "2026-05-01",
			CredentialIDs: []int64{c.ID}}); err != nil {
			t.Fatal(err)
		}
		got, _ := st.FollowUps(ctx)
		if len(got) != 1 || got[0].CredentialID != c.ID {
			t.Fatalf("after answering A and dismissing B: %+v", got)
		}
		if _, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "skillsUsed", Date: "2026-07-20",
			CredentialIDs: []int64{c.ID}}); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.FollowUps(ctx); len(got) != 0 {
			t.Fatalf("an outcome linked to C after its 6 months answers it: %+v", got)
		}
		wantCode(t, st.DismissFollowUp(ctx, "credential:"+itoa(b.ID)+":6"), fault.NotFound, "ErrFollowUpNotFound")
		wantCode(t, st.DismissFollowUp(ctx, "credential:"+itoa(c.ID)+":3"), fault.NotFound, "ErrFollowUpNotFound")
		wantCode(t, st.DismissFollowUp(ctx, "nonsense"), fault.NotFound, "ErrFollowUpNotFound")
	})

	t.Run("after an export, from the latest export of each target", func(t *testing.T) {
		st := storeAt(t, "2026-03-01")
		target, _, _ := course(t, st, "MLT 101")
		if err := st.RecordExport(ctx, target); err != nil {
			t.Fatal(err)
		}
		if err := st.MarkExported(ctx); err != nil { // an export of no known target
			t.Fatal(err)
		}
		st.now = func() time.Time { return time.Date(2026, 6, 2, 9, 0, 0, 0, time.UTC) }
		got, err := st.FollowUps(ctx)
		if err != nil || len(got) != 2 {
			t.Fatalf("two exports, 3 months on: %+v, %v", got, err)
		}
		var named FollowUp
		for _, f := range got {
			if f.TargetID == target {
				named = f
			}
		}
		if named.Key != "export:"+itoa(target)+":3" || named.Title != "MLT 101" || named.Since != "2026-03-01" ||
			named.Source != FollowUpExport {
			t.Fatalf("export prompt %+v", named)
		}
		if at, _ := st.ExportedAt(ctx); !strings.HasPrefix(at, "2026-03-01") {
			t.Fatalf("the guide's last export = %q", at)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestConsent_PseudonymPerProgramStableAndRevocable(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	const program = "Centre d’amitié — Career coaching 2026"
	a, err := st.GiveConsent(ctx, Consent{Program: "  " + program + " ", Region: "mb", SelfID: []string{"newcomer"}})
	if err != nil {
		t.Fatal(err)
	}
	if !a.On || a.Program != program || a.Region != "MB" || !slices.Equal(a.SelfID, []string{"newcomer"}) ||
		len(a.Pseudonym) < 26 || a.GivenOn != "2026-11-29" {
		t.Fatalf("consent %+v", a)
	}
	b, err := st.GiveConsent(ctx, Consent{Program: "Employment coaching — Friendship Centre, 2026 cohort"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Pseudonym == a.Pseudonym || strings.Contains(b.Pseudonym, a.Pseudonym[:8]) || len(b.SelfID) != 0 || b.SelfID == nil {
		t.Fatalf("two programs, pseudonyms %q and %q", a.Pseudonym, b.Pseudonym)
	}
	again, err := st.GiveConsent(ctx, Consent{Program: program, Region: "ON", Pseudonym: "chosen-by-page"})
	if err != nil || again.Pseudonym != a.Pseudonym || again.Region != "ON" || len(again.SelfID) != 0 {
		t.Fatalf("giving consent again keeps the pseudonym and takes the new choices: %+v, %v", again, err)
	}
	off, err := st.RevokeConsent(ctx, program)
	if err != nil || off.On || off.RevokedOn != "2026-11-29" || off.Pseudonym != a.Pseudonym {
		t.Fatalf("revoked: %+v, %v", off, err)
	}
	if _, err := st.RevokeConsent(ctx, program); err != nil {
		t.Fatalf("revoking twice: %v", err)
	}
	on, err := st.GiveConsent(ctx, Consent{Program: program})
	if err != nil || !on.On || on.Pseudonym != a.Pseudonym {
		t.Fatalf("on again: %+v, %v", on, err)
	}
	// The same name typed with a decomposed accent is the same program.
	if c, err := st.ConsentFor(ctx, "Centre d’amitie\u0301 — Career coaching 2026"); err != nil || c.ID != a.ID {
		t.Fatalf("decomposed accent: %+v, %v", c, err)
	}
	list, err := st.Consents(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %+v, %v", list, err)
	}
	for _, c := range []struct {
		name  string
		c     Consent
		msgID string
	}{
		{"no program", Consent{Program: "  "}, "ErrRequired"},
		{"a town", Consent{Program: "P", Region: "Winnipeg"}, "ErrUnknownChoice"},
		{"an unknown item", Consent{Program: "P", SelfID: []string{"religion"}}, "ErrUnknownChoice"},
		{"a home page that is not a web address", Consent{Program: "P", HomePage: "centre amitié"}, "ErrHomePageInvalid"},
		{"a home page with a password", Consent{Program: "P", HomePage: "https://u:p@example.org"}, "ErrHomePageInvalid"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := fileBytes(t, st.Path())
			_, err := st.GiveConsent(ctx, c.c)
			wantCode(t, err, fault.Invalid, c.msgID)
			if !bytes.Equal(before, fileBytes(t, st.Path())) {
				t.Fatal("a refused consent changed the file")
			}
		})
	}
	_, err = st.RevokeConsent(ctx, "Never named")
	wantCode(t, err, fault.NotFound, "ErrConsentNotFound")
	_, err = st.ConsentFor(ctx, "Never named")
	wantCode(t, err, fault.NotFound, "ErrConsentNotFoundShared")
}

// A file from before "what happened next" keeps its last export date as the first export of
// its history, so the follow-up prompts count from it.
func TestOpen_LastExportStartsTheExportHistory(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old"+FileExtension)
	st, err := openDB(ctx, path, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.migrateTo(ctx, versionBefore(t, "0009_outcomes_after.sql")); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`INSERT INTO meta (key, value) VALUES ('name', 'Old'), ('exported_at', '2026-01-05T10:00:00Z')`} {
		if _, err := st.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	st, err = Open(ctx, path, WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.FollowUps(ctx)
	if err != nil || len(got) != 1 || got[0].Key != "export:0:6" || got[0].Since != "2026-01-05" {
		t.Fatalf("prompts after upgrade: %+v, %v", got, err)
	}
}

// versionBefore is the schema version a file had just before migration name.
func versionBefore(t *testing.T, name string) int {
	t.Helper()
	for i, n := range migrationNames() {
		if n == name {
			return i
		}
	}
	t.Fatalf("no migration %s", name)
	return 0
}

// A program name typed from a poster or an email — straight apostrophe, no accent, other case,
// hyphen for the dash, extra spaces — finds the consent the learner gave; a different name does
// not, and the refusal names the programs the learner does share with.
func TestConsentFor_NearMissNamesFindTheProgram(t *testing.T) {
	ctx := context.Background()
	st, err := Create(ctx, filepath.Join(t.TempDir(), "c"+FileExtension), "Learner")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const program = "Centre d’amitié — Career coaching 2026"
	for _, p := range []string{program, "Emploi-Québec : Parcours 2025"} {
		if _, err := st.GiveConsent(ctx, Consent{Program: p}); err != nil {
			t.Fatal(err)
		}
	}
	for _, typed := range []string{
		program,
		"Centre d'amitié — Career coaching 2026",
		"Centre d’amitie — Career coaching 2026",
		"centre d'amitie — career COACHING 2026",
		"Centre d'amitié - Career coaching 2026",
		"Centre d'amitié – Career coaching 2026",
		"  Centre  d’amitié —  Career\u00a0coaching 2026 ",
		"Centre d’amitié—Career coaching 2026",
		"Centre d\u2018amitie\u0301 \u2014 Career coaching 2026",
	} {
		c, err := st.ConsentFor(ctx, typed)
		if err != nil || c.Program != program {
			t.Errorf("%q: %q, %v", typed, c.Program, err)
		}
	}
	for _, other := range []string{"Centre d’amitié — Career coaching 2025", "Centre d’amitiés — Career coaching 2026",
		"Centre amitié — Career coaching 2026", "Career coaching 2026"} {
		_, err := st.ConsentFor(ctx, other)
		wantCode(t, err, fault.NotFound, "ErrConsentNotFoundShared")
		e, _ := fault.As(err)
		if !strings.Contains(fmt.Sprint(e.Args), program) || !strings.Contains(fmt.Sprint(e.Args), "Emploi-Québec") {
			t.Errorf("%q: the refusal does not list the programs shared with: %v", other, e.Args)
		}
	}
	if _, err := st.RevokeConsent(ctx, "Emploi-Quebec: parcours 2025"); err != nil {
		t.Fatalf("revoke by a near name: %v", err)
	}
	_, err = st.ConsentFor(ctx, "Autre programme")
	e, _ := fault.As(err)
	if strings.Contains(fmt.Sprint(e.Args), "Emploi") {
		t.Errorf("a revoked program is listed as shared with: %v", e.Args)
	}
}

// A prompt says the real time since the credential, not the prompt point it belongs to; and
// long after the last point (more than 18 months), it asks only about a credential nothing was
// ever recorded for — the trial's demo: Food Handler of 2023-02-11 is asked about, 45 months
// on; the lab course of 2024-06-20, with a new job and a raise recorded, is not, 29 months on.
func TestFollowUps_SayTheRealTimeAndStopLongAfterForWhatWasRecorded(t *testing.T) {
	ctx := context.Background()
	st := storeAt(t, "2026-11-29")
	food, _ := st.SaveCredential(ctx, Credential{TitleEN: "Food Handler Certification", Issuer: "I", IssuedOn: "2023-02-11"})
	lab, _ := st.SaveCredential(ctx, Credential{TitleEN: "Lab practice", Issuer: "I", IssuedOn: "2024-06-20"})
	recent, _ := st.SaveCredential(ctx, Credential{TitleEN: "Recent", Issuer: "I", IssuedOn: "2025-07-01"})
	for _, c := range []Credential{lab, recent} {
		if _, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "newJob", Date: "2024-09-03" /* before both 12-month points */, CredentialIDs: []int64{c.ID}}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.FollowUps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := map[int64]int{}
	for _, f := range got {
		elapsed[f.CredentialID] = f.Elapsed
		if f.Months != 12 {
			t.Errorf("%s: the 12-month prompt is the one due, got %d", f.Title, f.Months)
		}
	}
	// 16 months after Recent is within the grace: still asked, though something was recorded.
	want := map[int64]int{food.ID: 45, recent.ID: 16}
	if !maps.Equal(elapsed, want) {
		t.Fatalf("prompts (credential → months elapsed) %v, want %v", elapsed, want)
	}
	// The same with an export: 20 months after, with an outcome recorded, no prompt.
	st = storeAt(t, "2025-01-01")
	if err := st.MarkExported(ctx); err != nil {
		t.Fatal(err)
	}
	st.now = func() time.Time { return time.Date(2026, 9, 2, 9, 0, 0, 0, time.UTC) }
	if got, _ := st.FollowUps(ctx); len(got) != 1 || got[0].Elapsed != 20 {
		t.Fatalf("an export 20 months ago with nothing recorded is asked about once: %+v", got)
	}
	if _, err := st.SaveLaterOutcome(ctx, LaterOutcome{Type: "raise", Date: "2025-03-01"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.FollowUps(ctx); len(got) != 0 {
		t.Fatalf("an export 20 months ago, with outcomes recorded: %+v", got)
	}
}

func TestMonthsBetween(t *testing.T) {
	for _, c := range []struct {
		since, now string
		want       int
	}{{"2023-02-11", "2026-11-29", 45}, {"2024-06-20", "2026-11-29", 29}, {"2026-01-31", "2026-02-28", 0},
		{"2026-01-31", "2026-03-01", 1}, {"2026-01-10", "2026-04-10", 3}, {"2026-01-10", "2026-04-09", 2},
		{"2026-05-01", "2026-04-01", 0}} {
		since, _ := time.Parse(time.DateOnly, c.since)
		now, _ := time.Parse(time.DateOnly, c.now)
		if got := monthsBetween(since, now); got != c.want {
			t.Errorf("%s → %s: %d months, want %d", c.since, c.now, got, c.want)
		}
	}
}
