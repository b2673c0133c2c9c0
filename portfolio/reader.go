package portfolio

import (
	"context"
	"database/sql"
)

// queryer is what runs a query: the database or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Reader reads the record inside one read transaction, so that what is read together (the
// experiences, the evidence, what the last file check found) is one consistent state even while
// the window or the housekeeping writes. It is valid only inside the function given to Read.
type Reader struct {
	ctx context.Context
	tx  *sql.Tx
}

// Read runs fn with a Reader on one read transaction; nothing fn does can write.
func (s *Store) Read(ctx context.Context, fn func(Reader) error) error {
	return s.View(ctx, func(tx *sql.Tx) error { return fn(Reader{ctx: ctx, tx: tx}) })
}

// Tx is the read transaction, for sibling domain packages (plar) whose tables share the file.
func (r Reader) Tx() *sql.Tx { return r.tx }

// Experiences lists the learner's experiences, most recent first.
func (r Reader) Experiences() ([]Experience, error) { return readExperiences(r.ctx, r.tx) }

// Credentials lists the learner's microcredentials, most recently issued first.
func (r Reader) Credentials() ([]Credential, error) { return readCredentials(r.ctx, r.tx) }

// EvidenceList lists the evidence library with each item's links, newest first.
func (r Reader) EvidenceList() ([]Evidence, error) { return readEvidence(r.ctx, r.tx) }

// FileChecks is, by SHA-256, what the last recomputation of each stored file found (by check,
// backup or export) and when; a file missing from it has not been re-hashed since it was added.
// It reads no file bytes.
func (r Reader) FileChecks() (map[string]FileCheck, error) { return readFileChecks(r.ctx, r.tx) }
