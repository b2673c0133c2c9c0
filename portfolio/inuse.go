package portfolio

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"passerelle/fault"
)

// lockSuffix names the file beside a portfolio that the one process writing to it holds an OS
// lock on (flock on Linux and macOS, LockFileEx on Windows). The OS drops the lock when that
// process ends, however it ends, so a crash never leaves the portfolio refused; a PID file would.
const lockSuffix = "-lock"

// maxLockAttempts bounds the retries when the lock file is replaced under us (its holder
// removing it as it closes): more than that means someone keeps taking it.
const maxLockAttempts = 8

// fileLock is the lock one open Store holds on its portfolio.
type fileLock struct {
	mu   sync.Mutex
	f    *os.File
	path string
}

// inUse is the refusal a learner sees when another window or command writes to the portfolio.
func inUse() error { return fault.New(fault.InUse, "", "ErrPortfolioInUse") }

// lockPortfolio takes the write lock of the portfolio at the absolute path abs, or refuses
// with ErrPortfolioInUse when another process (or another Store in this one) holds it. The lock
// is on its own file, so a restore may replace the portfolio itself while it is held.
func lockPortfolio(abs string) (*fileLock, error) {
	p := abs + lockSuffix
	for range maxLockAttempts {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, lockFileError(err)
		}
		held, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, classify(fmt.Errorf("lock portfolio: %w", err))
		}
		if !held {
			f.Close()
			return nil, inUse()
		}
		// The holder before us removes the file as it lets go; a lock on a removed file
		// guards nothing, so take the one now at p.
		if same(f, p) {
			return &fileLock{f: f, path: p}, nil
		}
		f.Close()
	}
	return nil, inUse()
}

// lockFileError explains why the lock file could not be made: most often the portfolio sits
// where nothing may be written (a read-only folder, a write-protected USB stick), which gets
// the same message as any other write refused there (ErrNoPermission).
func lockFileError(err error) error {
	return classify(fmt.Errorf("lock portfolio: %w", err))
}

// same tells whether the open file f is still the file at path p.
func same(f *os.File, p string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(p)
	return err == nil && os.SameFile(a, b)
}

// release lets the portfolio go and removes the lock file, so nothing is left beside it; it
// is safe to call twice and on nil.
func (l *fileLock) release() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return
	}
	unlockAndRemove(l.f, l.path)
	l.f = nil
}

// OpenToRead opens a portfolio for a command that only reads it (check, readiness, export,
// backup). When no other process has it open, it is Open: the file is locked, upgraded if
// older, and the export date recorded. When another window or command holds it, the command
// still reads what that one has committed (SQLite's WAL keeps readers consistent beside one
// writer) through a read-only view that writes nothing at all; if the file needs an upgrade
// first, only its holder may do that, and the answer is ErrPortfolioInUse.
func OpenToRead(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s, err := Open(ctx, path, opts...)
	if fault.CodeOf(err) != fault.InUse {
		return s, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open portfolio: %w", err)
	}
	s, err = openSQLite(ctx, abs, nil, true, opts)
	if err != nil {
		return nil, err
	}
	var version int
	err = s.View(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version)
	})
	if err == nil && version != SchemaVersion() {
		err = inUse()
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// ReadOnly tells whether this store is a read-only view of a portfolio another process holds.
func (s *Store) ReadOnly() bool { return s.readOnly }
