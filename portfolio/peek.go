package portfolio

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"passerelle/fault"
	"path/filepath"
)

// PeekName reads a portfolio's name without opening it for writing, so listing the
// portfolios on a shared computer never changes any of them.
func PeekName(ctx context.Context, path string) (string, error) {
	if err := checkHeader(path); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("peek portfolio: %w", err)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	db, err := sql.Open("sqlite", sqliteURI(abs, q))
	if err != nil {
		return "", fmt.Errorf("peek portfolio: %w", err)
	}
	defer db.Close()
	var name string
	if err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'name'`).Scan(&name); err != nil {
		return "", unreadable(fmt.Errorf("peek portfolio name: %w", err))
	}
	return name, nil
}

// probe reads the schema through a read-only, immutable connection before anything opens the
// file for writing, so a damaged file is refused with a clear message and never modified (not
// even switched to WAL). A file with a WAL beside it is left to SQLite: after a crash, the file
// alone may be half checkpointed, and only recovery from the WAL makes it whole.
func probe(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("open portfolio: %w", err)
	}
	if info, err := os.Stat(abs + "-wal"); err == nil && info.Size() > 0 {
		return nil
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1")
	db, err := sql.Open("sqlite", sqliteURI(abs, q))
	if err != nil {
		return fmt.Errorf("open portfolio: %w", err)
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM meta`).Scan(&n)
	if err == nil || ctx.Err() != nil {
		return ctx.Err()
	}
	return unreadable(err)
}

// unreadable explains a failure to read a file that passed the header check: a storage error
// the learner can act on, or else a damaged file.
func unreadable(err error) error {
	if c := classify(err); fault.CodeOf(c) != fault.Internal {
		return c
	}
	return fault.Wrap(fault.New(fault.Unsupported, "", "ErrPortfolioDamaged"), err)
}
