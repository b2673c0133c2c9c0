package portfolio

import (
	"bytes"
	"context"
	"os"
	"passerelle/fault"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cheapKDF keeps tests fast; the real cost is measured in TestPassphrase_KeyDerivationCost.
func cheapKDF() kdfParams { return kdfParams{Time: 1, Memory: 8 * 1024, Threads: 1} }

// lockedStore is a portfolio with private text in every private field, its passphrase not set yet.
func lockedStore(t *testing.T) (*Store, []string) {
	t.Helper()
	st := newStore(t)
	st.kdf = cheapKDF()
	ctx := context.Background()
	secrets := []string{"Zanzibar-childcare-4471", "Hôpital-Brûlé-9932", "lea.secret@example.org",
		"+1-819-555-0199", "Mon-identité-privée-8812", "Quokka-provider-5510", "Marmotte-category"}
	long := strings.Repeat("Private story "+secrets[0]+" ", 400) // overflow pages
	for i := 0; i < 5; i++ {
		if _, err := st.SaveSupportNote(ctx, SupportNote{Category: "Childcare", Date: "2026-01-0" + string(rune('1'+i)),
			Provider: secrets[5], Text: secrets[1] + " " + long[:2000*i+10], FollowUp: "2026-02-01"}); err != nil {
			t.Fatal(err)
		}
	}
	// A deleted note must not survive in free space either.
	n, _ := st.SaveSupportNote(ctx, SupportNote{Category: "Housing", Date: "2025-12-01", Text: "deleted " + secrets[0]})
	if err := st.DeleteSupportNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveLearner(ctx, Learner{DisplayName: "Léa", LegalName: "Léa Tremblay", Email: secrets[2],
		Phone: secrets[3], SelfID: SelfIdentification{Indigenous: true, Newcomer: true, Notes: secrets[4]}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveExperience(ctx, Experience{Kind: "Volunteer", TitleEN: "Food bank", StartMonth: "2020-01"}); err != nil {
		t.Fatal(err)
	}
	return st, secrets[:6]
}

func grepFiles(t *testing.T, secrets []string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds the private text %q in clear", filepath.Base(p), s)
			}
		}
	}
}

func TestLock_NoPrivateTextAnywhereInTheFileItsWALOrABackup(t *testing.T) {
	st, secrets := lockedStore(t)
	ctx := context.Background()
	raw := fileBytes(t, st.Path())
	if !bytes.Contains(raw, []byte(secrets[1])) {
		t.Fatal("the test is void: the clear text was not in the file to begin with")
	}
	if err := st.SetPassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	p := st.Path()
	grepFiles(t, secrets, p, p+"-wal", p+"-shm")
	backup := filepath.Join(t.TempDir(), "after"+FileExtension)
	if err := st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	// Work goes on after locking: the WAL fills again, with sealed values only.
	st.Lock()
	if _, err := st.SaveExperience(ctx, Experience{Kind: "PaidWork", TitleEN: "Cook", StartMonth: "2021-01"}); err != nil {
		t.Fatal(err)
	}
	grepFiles(t, secrets, p, p+"-wal", p+"-shm", backup)
	st.Close()
	grepFiles(t, secrets, p, p+"-wal", backup)

	st, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Unlock(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	notes, err := st.SupportNotes(ctx)
	if err != nil || len(notes) != 5 || !strings.HasPrefix(notes[0].Text, secrets[1]) || notes[0].Provider != secrets[5] ||
		notes[0].Category != "Childcare" || notes[0].FollowUp != "2026-02-01" {
		t.Fatalf("notes after unlock: %d %v", len(notes), err)
	}
	l, err := st.Learner(ctx)
	if err != nil || l.Email != secrets[2] || l.Phone != secrets[3] || !l.SelfID.Indigenous || l.SelfID.Notes != secrets[4] {
		t.Fatalf("learner after unlock: %+v %v", l, err)
	}
}

func TestLock_WrongPassphraseSaysSoAndChangesNothing(t *testing.T) {
	st, _ := lockedStore(t)
	ctx := context.Background()
	if err := st.SetPassphrase(ctx, "le bon mot de passe"); err != nil {
		t.Fatal(err)
	}
	st.Lock()
	before := fileBytes(t, st.Path())
	for _, try := range []string{"le mauvais mot de passe", "", "Le bon mot de passe"} {
		wantCode(t, st.Unlock(ctx, try), fault.Invalid, "ErrWrongPassphrase")
		wantCode(t, st.ChangePassphrase(ctx, try, "un autre mot de passe"), fault.Invalid, "ErrWrongPassphrase")
		wantCode(t, st.RemovePassphrase(ctx, try), fault.Invalid, "ErrWrongPassphrase")
	}
	if !bytes.Equal(before, fileBytes(t, st.Path())) {
		t.Fatal("a wrong passphrase changed the file")
	}
	if _, err := st.SupportNotes(ctx); fault.CodeOf(err) != fault.Locked {
		t.Fatalf("still locked? %v", err)
	}
}

func TestLock_WhileLockedTheRestStaysReadableAndWritable(t *testing.T) {
	st, secrets := lockedStore(t)
	ctx := context.Background()
	if err := st.SetPassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	st.Lock()
	if state, err := st.LockState(ctx); err != nil || !state.Locked || !state.HasPassphrase {
		t.Fatalf("state %+v %v", state, err)
	}
	_, err := st.SupportNotes(ctx)
	wantCode(t, err, fault.Locked, "ErrPortfolioLocked")
	_, err = st.SaveSupportNote(ctx, SupportNote{Category: "Coaching", Date: "2026-03-01", Text: "new"})
	wantCode(t, err, fault.Locked, "ErrPortfolioLocked")
	wantCode(t, st.DeleteSupportNote(ctx, 1), fault.Locked, "ErrPortfolioLocked")

	l, err := st.Learner(ctx)
	if err != nil || !l.Locked || l.DisplayName != "Léa" || l.Email != "" || l.Phone != "" || l.SelfID != (SelfIdentification{}) {
		t.Fatalf("learner while locked: %+v %v", l, err)
	}
	l.DisplayName = "Léa T."
	if l, err = st.SaveLearner(ctx, l); err != nil || !l.Locked {
		t.Fatalf("saving the public profile while locked: %+v %v", l, err)
	}
	l.Email = "new@example.org"
	_, err = st.SaveLearner(ctx, l)
	wantCode(t, err, fault.Locked, "ErrPortfolioLocked")
	if _, err := st.SaveExperience(ctx, Experience{Kind: "Training", TitleEN: "First aid", StartMonth: "2022-05"}); err != nil {
		t.Fatal(err)
	}
	if exps, err := st.Experiences(ctx); err != nil || len(exps) != 2 {
		t.Fatalf("experiences while locked: %d %v", len(exps), err)
	}
	if problems, err := st.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check while locked: %v %v", problems, err)
	}

	if err := st.Unlock(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	l, err = st.Learner(ctx)
	if err != nil || l.Locked || l.DisplayName != "Léa T." || l.Email != secrets[2] || l.SelfID.Notes != secrets[4] {
		t.Fatalf("private fields after a locked save: %+v %v", l, err)
	}
	// A form read while locked and saved after unlocking (in another window) blanks nothing.
	formReadWhileLocked := Learner{DisplayName: "Léa Tremblay", Locked: true}
	if l, err = st.SaveLearner(ctx, formReadWhileLocked); err != nil || l.Email != secrets[2] || l.DisplayName != "Léa Tremblay" {
		t.Fatalf("a form read while locked: %+v %v", l, err)
	}
}

func TestLock_ChangeThenRemovePassphrase(t *testing.T) {
	st, secrets := lockedStore(t)
	ctx := context.Background()
	if err := st.SetPassphrase(ctx, "première phrase"); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.SetPassphrase(ctx, "another one please"), fault.Conflict, "ErrPassphraseAlreadySet")
	if err := st.ChangePassphrase(ctx, "première phrase", "deuxième phrase"); err != nil {
		t.Fatal(err)
	}
	st.Lock()
	wantCode(t, st.Unlock(ctx, "première phrase"), fault.Invalid, "ErrWrongPassphrase")
	// The same words, typed with a decomposed accent (e + U+0300), unlock too.
	if err := st.Unlock(ctx, "deuxie\u0300me phrase"); err != nil {
		t.Fatal(err)
	}
	if err := st.RemovePassphrase(ctx, "deuxième phrase"); err != nil {
		t.Fatal(err)
	}
	state, err := st.LockState(ctx)
	if err != nil || state.HasPassphrase || state.Locked {
		t.Fatalf("state after removal %+v %v", state, err)
	}
	notes, err := st.SupportNotes(ctx)
	if err != nil || len(notes) != 5 || notes[0].Provider != secrets[5] {
		t.Fatalf("notes after removal: %v", err)
	}
	if !bytes.Contains(fileBytes(t, st.Path()), []byte(secrets[5])) {
		t.Fatal("after removing the passphrase the values should be clear text again")
	}
	wantCode(t, st.Unlock(ctx, "deuxième phrase"), fault.Conflict, "ErrNoPassphrase")
}

func TestLock_ForgetPrivateFieldsNeedsTheNameAndKeepsEverythingElse(t *testing.T) {
	st, secrets := lockedStore(t)
	ctx := context.Background()
	wantCode(t, st.ForgetPrivateFields(ctx, "Test"), fault.Conflict, "ErrNoPassphrase")
	if err := st.SetPassphrase(ctx, "forgotten forever"); err != nil {
		t.Fatal(err)
	}
	st.Lock()
	wantCode(t, st.ForgetPrivateFields(ctx, "yes"), fault.Invalid, "ErrForgetNotConfirmed")
	if err := st.ForgetPrivateFields(ctx, "  Test "); err != nil {
		t.Fatal(err)
	}
	notes, err := st.SupportNotes(ctx)
	l, lerr := st.Learner(ctx)
	exps, _ := st.Experiences(ctx)
	if err != nil || len(notes) != 0 || lerr != nil || l.Locked || l.Email != "" || l.SelfID != (SelfIdentification{}) ||
		l.LegalName != "Léa Tremblay" || len(exps) != 1 {
		t.Fatalf("after forgetting: %d notes %v, learner %+v %v, %d experiences", len(notes), err, l, lerr, len(exps))
	}
	p := st.Path()
	grepFiles(t, secrets, p, p+"-wal")
	if state, _ := st.LockState(ctx); state.HasPassphrase {
		t.Fatal("the forgotten passphrase is still set")
	}
}

func TestLock_PassphraseRules(t *testing.T) {
	st := newStore(t)
	st.kdf = cheapKDF()
	ctx := context.Background()
	cases := []struct {
		name, pass, id string
	}{
		{"too short", "short", "ErrPassphraseTooShort"},
		{"seven accented letters", "ééééééé", "ErrPassphraseTooShort"},
		{"too long", strings.Repeat("a", MaxPassphrase+1), "ErrPassphraseTooLong"},
		{"not UTF-8", "abcdefgh\xff", "ErrTextInvalidEncoding"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantCode(t, st.SetPassphrase(ctx, c.pass), fault.Invalid, c.id) })
	}
	wantCode(t, st.Unlock(ctx, "whatever you say"), fault.Conflict, "ErrNoPassphrase")
	if state, err := st.LockState(ctx); err != nil || state.HasPassphrase || state.Locked ||
		state.InactivityMinutes != DefaultInactivityMinutes {
		t.Fatalf("state %+v %v", state, err)
	}
	for _, n := range []int{0, -5, MaxInactivityMinutes + 1} {
		wantCode(t, st.SetInactivityMinutes(ctx, n), fault.Invalid, "ErrInactivityOutOfRange")
	}
	if err := st.SetInactivityMinutes(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.InactivityMinutes(ctx); n != 3 {
		t.Fatalf("inactivity minutes %d", n)
	}
}

func TestLock_SealedValuesAreBoundToTheirField(t *testing.T) {
	st, _ := lockedStore(t)
	ctx := context.Background()
	if err := st.SetPassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	// Someone with the file swaps the sealed provider into the text: it must not open as text.
	if _, err := st.db.Exec(`UPDATE support_note SET text = provider`); err != nil {
		t.Fatal(err)
	}
	_, err := st.SupportNotes(ctx)
	wantCode(t, err, fault.Unsupported, "ErrPrivateDamaged")
}

func TestLock_HostileKeyCostsInTheFileAreRefusedQuickly(t *testing.T) {
	st, _ := lockedStore(t)
	ctx := context.Background()
	if err := st.SetPassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	st.Lock()
	huge := kdfParams{Salt: make([]byte, 16), Time: 1 << 30, Memory: 1 << 31, Threads: 255}
	if _, err := st.db.Exec(`UPDATE meta SET value = ? WHERE key = ?`, huge.encode(), metaKDF); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	wantCode(t, st.Unlock(ctx, "correct horse battery"), fault.Unsupported, "ErrPrivateDamaged")
	if time.Since(start) > time.Second {
		t.Fatal("the hostile costs were used")
	}
}

// TestPassphrase_KeyDerivationCost measures Argon2id at the costs the app really uses, so the
// number reported for an old laptop is real.
func TestPassphrase_KeyDerivationCost(t *testing.T) {
	if testing.Short() {
		t.Skip("measures the real 64 MiB Argon2id")
	}
	p := defaultKDF()
	p.Salt = randomBytes(saltSize)
	start := time.Now()
	const runs = 3
	for i := 0; i < runs; i++ {
		p.derive("correct horse battery staple")
	}
	per := time.Since(start) / runs
	t.Logf("Argon2id t=%d m=%d MiB p=%d: %v per passphrase", p.Time, p.Memory/1024, p.Threads, per.Round(time.Millisecond))
	if per > 10*time.Second {
		t.Fatalf("deriving a key takes %v", per)
	}
}
