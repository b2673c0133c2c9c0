package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"passerelle/fault"
	"passerelle/portfolio"
)

// How the open portfolio is looked after while the window is open.
const (
	// snapshotEvery is how often, while changes happen, the open portfolio gets a snapshot.
	snapshotEvery = 10 * time.Minute
	// tickEvery is how often the housekeeping looks at the clock.
	tickEvery = 30 * time.Second
)

// Events the window sends the page about its data.
const (
	// EventLocked says the portfolio locked itself after the learner's chosen inactivity.
	EventLocked = "data:locked"
	// EventSnapshot says a snapshot was taken; its payload is the portfolio.BackupFile.
	EventSnapshot = "data:snapshot"
	// EventSnapshotFailed says a snapshot could not be taken; its payload is the UIError.
	EventSnapshotFailed = "data:snapshot-failed"
)

// background looks after one open portfolio: a snapshot when it opens, another every
// snapshotEvery while changes happen, and the inactivity lock. It has its own mutex, so its
// goroutine never waits for the session's (which is held while it is stopped).
type background struct {
	store *portfolio.Store
	dir   string
	now   func() time.Time
	emit  func(event string, data ...any)
	fail  func(error) UIError

	mu           sync.Mutex
	lastActive   time.Time
	minutes      int
	lastSnapshot time.Time
	snapRevision uint64
	snapshotting sync.Mutex // one snapshot at a time

	cancel context.CancelFunc
	done   chan struct{}
}

// startBackgroundLocked starts the housekeeping of a portfolio just opened; s.mu is held.
func (s *Session) startBackgroundLocked(st *portfolio.Store) {
	minutes, err := st.InactivityMinutes(s.ctx)
	if err != nil {
		minutes = portfolio.DefaultInactivityMinutes
	}
	ctx, cancel := context.WithCancel(context.WithoutCancel(s.ctx))
	emit := s.emit
	if emit == nil {
		emit = func(string, ...any) {}
	}
	bg := &background{store: st, dir: portfolio.SnapshotDir(s.dataDir, st.Path()), now: s.now, emit: emit,
		fail: s.uiError, lastActive: s.now(), minutes: minutes, cancel: cancel, done: make(chan struct{})}
	s.bg = bg
	go bg.run(ctx, time.NewTicker(tickEvery))
}

// stopBackgroundLocked stops the housekeeping (a snapshot under way is interrupted; closing
// the store waits for its query) and returns a channel closed once it has stopped, to wait on
// after s.mu is released: its goroutine may still need s.mu to translate a message.
func (s *Session) stopBackgroundLocked() <-chan struct{} {
	if s.bg == nil {
		done := make(chan struct{})
		close(done)
		return done
	}
	s.bg.cancel()
	done := s.bg.done
	s.bg = nil
	return done
}

func (bg *background) run(ctx context.Context, t *time.Ticker) {
	defer close(bg.done)
	defer t.Stop()
	bg.snapshot(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			bg.tick(ctx)
		}
	}
}

// tick locks an idle portfolio and takes a snapshot when one is due.
func (bg *background) tick(ctx context.Context) {
	if bg.lockIfIdle() {
		bg.emit(EventLocked)
	}
	bg.mu.Lock()
	due := bg.store.Revision() != bg.snapRevision && bg.now().Sub(bg.lastSnapshot) >= snapshotEvery
	bg.mu.Unlock()
	if due {
		bg.snapshot(ctx)
	}
}

// snapshot takes a checked snapshot now and reports it to the page.
func (bg *background) snapshot(ctx context.Context) (portfolio.BackupFile, error) {
	bg.snapshotting.Lock()
	defer bg.snapshotting.Unlock()
	rev := bg.store.Revision()
	b, err := bg.store.Snapshot(ctx, bg.dir)
	// Checking the snapshot read every evidence file into memory, one after the other: give
	// those pages back to the system now, not minutes later, since the window stays open for hours.
	debug.FreeOSMemory()
	bg.mu.Lock()
	bg.lastSnapshot = bg.now() // after a failure (a full disk) too: retry at the next interval
	if err == nil {
		bg.snapRevision = rev
	}
	bg.mu.Unlock()
	if err == nil && bg.purgePending() {
		bg.dropAllBut(b.Path)
	}
	switch {
	case err == nil:
		bg.emit(EventSnapshot, b)
	case ctx.Err() == nil:
		fmt.Fprintf(os.Stderr, "passerelle: snapshot: %v\n", err)
		bg.emit(EventSnapshotFailed, bg.fail(err))
	}
	return b, err
}

// purgeMarker, in the snapshot folder, says that a change of key made every backup there a
// leak, to be removed once a snapshot taken after the change has passed its check. A file, so
// that closing the app before then does not forget it: the snapshot on opening does it.
const purgeMarker = ".drop-older-backups"

// setPurge asks the next snapshot that passes its check to remove every other backup.
func (bg *background) setPurge() error {
	if err := os.MkdirAll(bg.dir, 0o700); err != nil {
		return fmt.Errorf("mark older backups: %w", err)
	}
	if err := os.WriteFile(filepath.Join(bg.dir, purgeMarker), nil, 0o600); err != nil {
		return fmt.Errorf("mark older backups: %w", err)
	}
	return nil
}

func (bg *background) purgePending() bool {
	_, err := os.Stat(filepath.Join(bg.dir, purgeMarker))
	return err == nil
}

// dropAllBut removes every backup in the snapshot folder except keep, which has passed its
// check, then the marker; what cannot be removed now is tried again after the next snapshot.
func (bg *background) dropAllBut(keep string) {
	old, err := portfolio.ListBackups(bg.dir)
	if err != nil {
		return
	}
	for _, b := range old {
		if b.Path == keep {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return
		}
		os.Remove(b.Path + "-wal")
	}
	os.Remove(filepath.Join(bg.dir, purgeMarker))
}

// lockIfIdle locks the portfolio when nobody used it for the learner's chosen minutes.
func (bg *background) lockIfIdle() bool {
	bg.mu.Lock()
	idle := bg.now().Sub(bg.lastActive) >= time.Duration(bg.minutes)*time.Minute
	bg.mu.Unlock()
	if idle && bg.store.Unlocked() {
		bg.store.Lock()
		return true
	}
	return false
}

// touch records a call from the learner; a call after too long idle finds the portfolio
// locked first, so walking away from a shared computer is safe even mid-screen.
func (bg *background) touch() {
	if bg.lockIfIdle() {
		bg.emit(EventLocked)
	}
	bg.mu.Lock()
	bg.lastActive = bg.now()
	bg.mu.Unlock()
}

func (bg *background) setMinutes(n int) {
	bg.mu.Lock()
	bg.minutes = n
	bg.mu.Unlock()
}

// active returns the open portfolio with the session's context and its housekeeping; touch
// counts the call as the learner's activity.
func (s *Session) active(touch bool) (*portfolio.Store, context.Context, *background, error) {
	s.mu.Lock()
	st, ctx, bg := s.store, s.ctx, s.bg
	s.mu.Unlock()
	if st == nil {
		return nil, nil, nil, fault.New(fault.NotOpen, "", "ErrNoPortfolioOpen")
	}
	if touch && bg != nil { // a shared copy in coach mode has no housekeeping
		bg.touch()
	}
	return st, ctx, bg, nil
}

// activeLearner is active(true) for what only a learner's own portfolio has (a passphrase,
// snapshots, the inactivity lock): a shared copy in coach mode is refused.
func (s *Session) activeLearner() (*portfolio.Store, context.Context, *background, error) {
	st, ctx, bg, err := s.active(true)
	if err == nil && bg == nil {
		err = fault.New(fault.Conflict, "", "ErrSharedCopyReadOnly")
	}
	return st, ctx, bg, err
}
