package portfolio

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
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
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: abs, RawQuery: q.Encode()}).String())
	if err != nil {
		return "", fmt.Errorf("peek portfolio: %w", err)
	}
	defer db.Close()
	var name string
	if err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'name'`).Scan(&name); err != nil {
		return "", classify(fmt.Errorf("peek portfolio name: %w", err))
	}
	return name, nil
}
