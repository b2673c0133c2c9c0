package portfolio

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Problem is one fault the consistency check found, said plainly enough to act on.
type Problem struct {
	MessageID string
	Args      map[string]any
}

// Check runs SQLite's integrity and foreign-key checks and recomputes the SHA-256 of every
// stored file, so a damaged or tampered portfolio is caught before it is trusted.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	problems := []Problem{}
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, classify(fmt.Errorf("integrity check: %w", err))
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, Problem{"CheckIntegrity", map[string]any{"Detail": line}})
		}
	}
	rows.Close()
	fk, err := s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, classify(fmt.Errorf("foreign key check: %w", err))
	}
	for fk.Next() {
		var table, parent string
		var rowid, idx any
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			fk.Close()
			return nil, fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, Problem{"CheckBrokenLink", map[string]any{"Table": table, "Parent": parent}})
	}
	fk.Close()
	blobs, err := s.db.QueryContext(ctx, `SELECT b.sha256, b.size, b.data,
		COALESCE((SELECT title FROM evidence e WHERE e.sha256 = b.sha256), '') FROM blob b`)
	if err != nil {
		return nil, classify(fmt.Errorf("read files: %w", err))
	}
	defer blobs.Close()
	for blobs.Next() {
		var want, title string
		var size int64
		var data []byte
		if err := blobs.Scan(&want, &size, &data, &title); err != nil {
			return nil, fmt.Errorf("read file: %w", err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want || int64(len(data)) != size {
			problems = append(problems, Problem{"CheckFileChanged", map[string]any{"Title": title, "SHA256": want}})
		}
	}
	return problems, blobs.Err()
}
