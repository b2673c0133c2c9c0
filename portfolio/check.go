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
	intact, err := s.FileIntegrity(ctx)
	if err != nil {
		return nil, err
	}
	evidence, err := s.EvidenceList(ctx)
	if err != nil {
		return nil, err
	}
	titles := map[string]string{}
	for _, e := range evidence {
		titles[e.SHA256] = e.AnyTitle()
	}
	for sum, ok := range intact {
		if !ok {
			problems = append(problems, Problem{"CheckFileChanged", map[string]any{"Title": titles[sum], "SHA256": sum}})
		}
	}
	return problems, nil
}

// FileIntegrity recomputes the SHA-256 of every stored file: true where the bytes still match
// the fingerprint recorded when the file was added.
func (s *Store) FileIntegrity(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sha256, size, data FROM blob`)
	if err != nil {
		return nil, classify(fmt.Errorf("read files: %w", err))
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var want string
		var size int64
		var data []byte
		if err := rows.Scan(&want, &size, &data); err != nil {
			return nil, fmt.Errorf("read file: %w", err)
		}
		sum := sha256.Sum256(data)
		out[want] = hex.EncodeToString(sum[:]) == want && int64(len(data)) == size
	}
	return out, rows.Err()
}
