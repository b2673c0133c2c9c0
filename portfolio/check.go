package portfolio

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
)

// Problem is one fault the consistency check found, said plainly enough to act on.
type Problem struct {
	MessageID string
	Args      map[string]any
}

// Check runs SQLite's integrity and foreign-key checks and recomputes the SHA-256 of every
// stored file, so a damaged or tampered portfolio is caught before it is trusted. What it found
// of each file is recorded with the date (see Reader.FileChecks), best effort: on a full disk the
// problems are still reported, and readiness keeps the previous check.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	problems, intact, err := s.check(ctx)
	if err != nil {
		return nil, err
	}
	s.recordFileChecks(ctx, intact)
	return problems, nil
}

// check is Check without recording anything, for a copy opened read-only.
func (s *Store) check(ctx context.Context) ([]Problem, map[string]bool, error) {
	problems := []Problem{}
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, nil, classify(fmt.Errorf("integrity check: %w", err))
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, Problem{"CheckIntegrity", map[string]any{"Detail": line}})
		}
	}
	rows.Close()
	fk, err := s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, nil, classify(fmt.Errorf("foreign key check: %w", err))
	}
	for fk.Next() {
		var table, parent string
		var rowid, idx any
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			fk.Close()
			return nil, nil, fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, Problem{"CheckBrokenLink", map[string]any{"Table": table, "Parent": parent}})
	}
	fk.Close()
	intact, err := s.FileIntegrity(ctx)
	if err != nil {
		return nil, nil, err
	}
	evidence, err := s.EvidenceList(ctx)
	if err != nil {
		return nil, nil, err
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
	return problems, intact, nil
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
		// RawBytes: the driver's copy of the file is hashed where it lies, not copied once more,
		// so hashing a 50 MB file borrows 50 MB of memory, not 100.
		var data sql.RawBytes
		if err := rows.Scan(&want, &size, &data); err != nil {
			return nil, fmt.Errorf("read file: %w", err)
		}
		sum := sha256.Sum256(data)
		out[want] = hex.EncodeToString(sum[:]) == want && int64(len(data)) == size
	}
	return out, rows.Err()
}

// VerifyFiles recomputes the SHA-256 of every stored file, as FileIntegrity does, and records
// the result with the date (best effort, as in Check), for readiness to report without reading
// the files again.
func (s *Store) VerifyFiles(ctx context.Context) (map[string]FileCheck, error) {
	intact, err := s.FileIntegrity(ctx)
	if err != nil {
		return nil, err
	}
	s.recordFileChecks(ctx, intact)
	now := s.stamp()
	out := make(map[string]FileCheck, len(intact))
	for sum, ok := range intact {
		out[sum] = FileCheck{Intact: ok, CheckedAt: now}
	}
	return out, nil
}

// FileCheck is what the last recomputation of a stored file's SHA-256 found, and when.
type FileCheck struct {
	Intact    bool   `json:"intact"`
	CheckedAt string `json:"checkedAt"`
}

// recordFileChecks stores what a recomputation found. It is bookkeeping, not the learner's
// change, so it does not count as a revision (no snapshot is due because of it).
func (s *Store) recordFileChecks(ctx context.Context, intact map[string]bool) error {
	if len(intact) == 0 || s.shared || s.readOnly {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(fmt.Errorf("record file checks: %w", err))
	}
	defer tx.Rollback()
	now := s.stamp()
	for sum, ok := range intact {
		// A file deleted since it was hashed has no blob row left to check against: skip it.
		if _, err := tx.ExecContext(ctx, `INSERT INTO file_check (sha256, intact, checked_at)
			SELECT sha256, ?, ? FROM blob WHERE sha256 = ?
			ON CONFLICT (sha256) DO UPDATE SET intact = excluded.intact, checked_at = excluded.checked_at`,
			ok, now, sum); err != nil {
			return classify(fmt.Errorf("record file checks: %w", err))
		}
	}
	if err := tx.Commit(); err != nil {
		return classify(fmt.Errorf("record file checks: %w", err))
	}
	return nil
}

func readFileChecks(ctx context.Context, q queryer) (map[string]FileCheck, error) {
	rows, err := q.QueryContext(ctx, `SELECT sha256, intact, checked_at FROM file_check`)
	if err != nil {
		return nil, classify(fmt.Errorf("read file checks: %w", err))
	}
	defer rows.Close()
	out := map[string]FileCheck{}
	for rows.Next() {
		var sum string
		var c FileCheck
		if err := rows.Scan(&sum, &c.Intact, &c.CheckedAt); err != nil {
			return nil, fmt.Errorf("read file check: %w", err)
		}
		out[sum] = c
	}
	return out, rows.Err()
}
