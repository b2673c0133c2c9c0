package app

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"passerelle/fault"
	"passerelle/locales"
	"passerelle/portfolio"
)

// testClock is a clock the test moves by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// dataSession is a session on a hand-moved clock whose page events land in a channel.
func dataSession(t *testing.T) (*Session, *testClock, chan string) {
	t.Helper()
	c, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{t: time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)}
	s := NewSession(t.TempDir(), c, "en", clock.now)
	events := make(chan string, 100)
	s.emit = func(event string, _ ...any) { events <- event }
	t.Cleanup(func() { s.shutdown(t.Context()) })
	return s, clock, events
}

func waitFor(t *testing.T, events chan string, want string) {
	t.Helper()
	for {
		select {
		case e := <-events:
			if e == want {
				return
			}
			if e == EventSnapshotFailed {
				t.Fatalf("a snapshot failed while waiting for %s", want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no %s event", want)
		}
	}
}

func noEvent(t *testing.T, events chan string) {
	t.Helper()
	select {
	case e := <-events:
		t.Fatalf("unexpected event %s", e)
	default:
	}
}

func TestData_SnapshotOnOpenThenOnlyWhileChangesHappen(t *testing.T) {
	s, clock, events := dataSession(t)
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, EventSnapshot)
	data := &Data{s}
	list, err := data.Backups()
	if err != nil || len(list) != 1 || list[0].Kind != portfolio.BackupSnapshot ||
		filepath.Dir(list[0].Path) != filepath.Join(s.dataDir, "backups", "léa") {
		t.Fatalf("after open: %+v %v", list, err)
	}
	bg := s.bg
	clock.advance(time.Hour)
	bg.tick(t.Context())
	noEvent(t, events) // nothing changed: no snapshot

	exps := &Experiences{s}
	if _, err := exps.Save(portfolio.Experience{Kind: "Volunteer", TitleEN: "Food bank", StartMonth: "2020-01"}); err != nil {
		t.Fatal(err)
	}
	bg.tick(t.Context())
	waitFor(t, events, EventSnapshot) // the first change after an hour: the last snapshot is old
	if _, err := exps.Save(portfolio.Experience{Kind: "Volunteer", TitleEN: "Library", StartMonth: "2021-01"}); err != nil {
		t.Fatal(err)
	}
	clock.advance(snapshotEvery / 2)
	bg.tick(t.Context())
	noEvent(t, events) // a change, but the last snapshot is recent
	clock.advance(snapshotEvery / 2)
	bg.tick(t.Context())
	waitFor(t, events, EventSnapshot)
	// Rotation keeps the newest snapshot of the day.
	if list, _ := data.Backups(); len(list) != 1 || list[0].Taken != clock.now().Format(time.RFC3339) {
		t.Fatalf("snapshots after the changes: %+v", list)
	}
}

func TestData_InactivityLocksAfterTheLearnersMinutes(t *testing.T) {
	s, clock, events := dataSession(t)
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, EventSnapshot)
	data, support := &Data{s}, &Support{s}
	if _, err := support.Save(portfolio.SupportNote{Category: "Childcare", Date: "2026-11-01", Text: "daycare on Tuesdays"}); err != nil {
		t.Fatal(err)
	}
	if state, err := data.SetInactivityMinutes(5); err != nil || state.InactivityMinutes != 5 || state.HasPassphrase {
		t.Fatalf("set minutes: %+v %v", state, err)
	}
	// Without a passphrase there is nothing to lock.
	clock.advance(time.Hour)
	if state, _ := data.LockState(); state.Locked {
		t.Fatal("locked without a passphrase")
	}
	if state, err := data.SetPassphrase("garderie du mardi"); err != nil || !state.HasPassphrase || state.Locked {
		t.Fatalf("set passphrase: %+v %v", state, err)
	}
	clock.advance(4 * time.Minute)
	data.Activity() // typing a long note, no call for a while
	clock.advance(4 * time.Minute)
	if notes, err := support.List(); err != nil || len(notes) != 1 {
		t.Fatalf("notes while in use: %v", err)
	}
	clock.advance(5 * time.Minute)
	if state, _ := data.LockState(); !state.Locked {
		t.Fatal("not locked after 5 idle minutes")
	}
	waitFor(t, events, EventLocked)
	_, err := support.List()
	if ui := s.uiError(err); ui.Code != string(fault.Locked) || ui.Message == "" || ui.Message == "ErrPortfolioLocked" {
		t.Fatalf("notes while locked: %+v", ui)
	}
	if _, err := data.Unlock("wrong words here"); s.uiError(err).Field != "passphrase" {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if state, err := data.Unlock("garderie du mardi"); err != nil || state.Locked {
		t.Fatalf("unlock: %+v %v", state, err)
	}
	// The background tick locks too, with no call at all.
	clock.advance(6 * time.Minute)
	s.bg.tick(t.Context())
	waitFor(t, events, EventLocked)
	if state, _ := data.LockState(); !state.Locked {
		t.Fatal("the tick did not lock")
	}
}

func TestData_SettingAPassphraseReplacesSnapshotsThatHeldClearText(t *testing.T) {
	s, clock, events := dataSession(t)
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, EventSnapshot)
	secret := "Refuge-Marie-Claire-7731"
	if _, err := (&Support{s}).Save(portfolio.SupportNote{Category: "Housing", Date: "2026-11-01", Text: secret}); err != nil {
		t.Fatal(err)
	}
	clock.advance(snapshotEvery)
	s.bg.tick(t.Context())
	waitFor(t, events, EventSnapshot)
	data := &Data{s}
	if _, err := data.SetPassphrase("une phrase assez longue"); err != nil {
		t.Fatal(err)
	}
	list, err := data.Backups()
	if err != nil || len(list) != 1 {
		t.Fatalf("backups after setting a passphrase: %+v %v", list, err)
	}
	raw, _ := os.ReadFile(list[0].Path)
	if len(raw) == 0 || bytes.Contains(raw, []byte(secret)) {
		t.Fatal("the remaining snapshot holds the note in clear text")
	}
}

func TestData_RestoreKeepsTheCurrentPortfolioAndRefusesBadBackups(t *testing.T) {
	s, clock, events := dataSession(t)
	if _, err := s.Create("Léa"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, events, EventSnapshot)
	data, exps := &Data{s}, &Experiences{s}
	list, _ := data.Backups()
	// Keep a copy outside the snapshot folder: rotation may rightly drop the original when the
	// housekeeping takes a newer snapshot of the same day while the test runs.
	snapshot := filepath.Join(t.TempDir(), filepath.Base(list[0].Path))
	if raw, err := os.ReadFile(list[0].Path); err != nil || os.WriteFile(snapshot, raw, 0o600) != nil {
		t.Fatalf("copy the snapshot: %v", err)
	}
	if _, err := exps.Save(portfolio.Experience{Kind: "Volunteer", TitleEN: "After the snapshot", StartMonth: "2020-01"}); err != nil {
		t.Fatal(err)
	}

	garbage := filepath.Join(t.TempDir(), "garbage"+portfolio.FileExtension)
	os.WriteFile(garbage, []byte("not a backup"), 0o600)
	if _, err := data.RestoreFrom(garbage); s.uiError(err).Code != string(fault.Unsupported) {
		t.Fatalf("a garbage backup: %v", err)
	}
	if got, err := exps.List(); err != nil || len(got) != 1 {
		t.Fatalf("after a refused restore the portfolio must stay open and whole: %v", err)
	}

	clock.advance(time.Minute)
	st, err := data.RestoreFrom(snapshot)
	if err != nil || !st.Open || st.Current.Name != "Léa" {
		t.Fatalf("restore: %+v %v", st, err)
	}
	if got, _ := exps.List(); len(got) != 0 {
		t.Fatalf("%d experiences after restoring the snapshot taken before any", len(got))
	}
	list, _ = data.Backups()
	kinds := map[string]int{}
	for _, b := range list {
		kinds[b.Kind]++
	}
	if kinds[portfolio.BackupBeforeRestore] != 1 {
		t.Fatalf("the portfolio before the restore was not kept: %+v", list)
	}

	// With nothing open, a restore becomes a new portfolio beside the others, never over one.
	if _, err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = data.RestoreFrom(snapshot)
	if err != nil || !st.Open || filepath.Base(st.Current.Path) != "léa-2.passerelle" || len(st.Portfolios) != 2 {
		t.Fatalf("restore with nothing open: %+v %v", st, err)
	}
}
