package share

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"passerelle/fault"
	"passerelle/osfile"
	"passerelle/portfolio"
)

// copied are the tables of the learner's record that go in a shared copy as they are, in an
// order their foreign keys allow. What is private (support notes, self-identification, contact
// details) is not here: it is written by hand below, opened and only when chosen. A table a
// later version adds is left out until it is added here on purpose.
var copied = []string{"experience", "credential", "blob", "preview", "evidence", "evidence_experience",
	"evidence_credential", "file_check", "target", "outcome", "claim", "claim_experience",
	"claim_credential", "claim_evidence", "comment"}

// OutPath is where a shared copy asked for at path is written: with the shared copy's
// extension added when it is missing, so it never looks like a portfolio.
func OutPath(path string) string {
	if strings.HasSuffix(strings.ToLower(path), portfolio.SharedFileExtension) {
		return path
	}
	return strings.TrimSuffix(path, portfolio.FileExtension) + portfolio.SharedFileExtension
}

// Write writes the shared copy of st to path (see OutPath) with the learner's choices: built in
// a temporary file beside it, then renamed, so a failure leaves nothing half written and an
// older shared copy there is replaced whole. It never writes over the learner's portfolio, nor
// over a file that is not a shared copy. st is only read.
func Write(ctx context.Context, st *portfolio.Store, path string, opts Options) (Result, error) {
	if same(path, st.Path()) {
		return Result{}, fault.New(fault.Invalid, "out", "ErrShareWouldOverwritePortfolio")
	}
	path, err := filepath.Abs(OutPath(path))
	if err != nil {
		return Result{}, fmt.Errorf("share: %w", err)
	}
	if err := checkOut(st, path); err != nil {
		return Result{}, err
	}
	src, err := gather(ctx, st, opts)
	if err != nil {
		return Result{}, err
	}
	now := st.Now()
	if opts.Now != nil {
		now = opts.Now()
	}
	src.info.ShareID = randomID()
	src.info.SharedAt = now.UTC().Format("2006-01-02T15:04:05Z07:00")
	src.info.WithContact = opts.WithContact
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"-"+randomID()[:8]+".tmp")
	if err := build(ctx, st, tmp, src, opts); err != nil {
		os.Remove(tmp)
		os.Remove(tmp + "-journal")
		return Result{}, err
	}
	info, err := os.Stat(tmp)
	if err == nil {
		err = osfile.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return Result{}, fault.Wrap(fault.New(fault.Invalid, "", "ErrShareCannotWrite"), fault.Storage(err))
	}
	syncDir(filepath.Dir(path))
	return Result{Path: path, Size: info.Size(), ShareID: src.info.ShareID, Contents: src.preview}, nil
}

// checkOut refuses a destination that is the learner's portfolio, or any file that is not an
// older shared copy.
func checkOut(st *portfolio.Store, path string) error {
	if same(path, st.Path()) {
		return fault.New(fault.Invalid, "out", "ErrShareWouldOverwritePortfolio")
	}
	err := portfolio.CheckSharedCopy(path)
	e, _ := fault.As(err)
	switch {
	case err == nil, e != nil && e.MessageID == "ErrSharedCopyNotFound":
	case e != nil && e.MessageID == "ErrSharedCopyIsPortfolio":
		return fault.New(fault.Invalid, "out", "ErrShareWouldOverwritePortfolio")
	default:
		return fault.New(fault.Invalid, "out", "ErrShareWouldOverwrite", "Name", filepath.Base(path))
	}
	if info, err := os.Stat(filepath.Dir(path)); err != nil || !info.IsDir() {
		return fault.New(fault.Invalid, "out", "ErrShareCannotWrite")
	}
	return nil
}

func same(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// build writes the shared copy into the new file tmp: the record as it is, then by hand what
// is the learner's to choose, then the header, and makes the record read-only.
func build(ctx context.Context, st *portfolio.Store, tmp string, src source, opts Options) error {
	dst, err := portfolio.NewSharedCopy(ctx, tmp)
	if err != nil {
		return fault.Wrap(fault.New(fault.Invalid, "", "ErrShareCannotWrite"), err)
	}
	err = st.Read(ctx, func(r portfolio.Reader) error {
		return dst.Update(ctx, func(tx *sql.Tx) error {
			for _, t := range copied {
				if err := copyTable(ctx, r.Tx(), tx, t, src.large); err != nil {
					return err
				}
			}
			if err := writePrivateChoices(ctx, tx, src, opts); err != nil {
				return err
			}
			return writeHeader(ctx, r.Tx(), tx, src)
		})
	})
	if err == nil {
		err = dst.FinishSharedCopy(ctx)
	}
	if cerr := dst.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close shared copy: %w", cerr)
	}
	if err == nil {
		err = syncFile(tmp)
	}
	return err
}

// copyTable copies every row of table t from the learner's file to the shared copy, column by
// name. A file left out as large keeps its row (its SHA-256 and size) with no bytes.
func copyTable(ctx context.Context, from, to *sql.Tx, t string, large map[string]bool) error {
	rows, err := from.QueryContext(ctx, `SELECT * FROM `+t)
	if err != nil {
		return fmt.Errorf("read %s: %w", t, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	insert, err := to.PrepareContext(ctx, fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, t,
		strings.Join(cols, ", "), marks))
	if err != nil {
		return fmt.Errorf("copy %s: %w", t, err)
	}
	defer insert.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("read %s: %w", t, err)
		}
		if t == "blob" {
			if err := leaveOutLarge(ctx, to, cols, vals, large); err != nil {
				return err
			}
		}
		if _, err := insert.ExecContext(ctx, vals...); err != nil {
			return fmt.Errorf("copy %s: %w", t, err)
		}
	}
	return rows.Err()
}

// leaveOutLarge empties the bytes of a blob row that is left out as large, and records it.
func leaveOutLarge(ctx context.Context, to *sql.Tx, cols []string, vals []any, large map[string]bool) error {
	var sum string
	var size any
	data := -1
	for i, c := range cols {
		switch c {
		case "sha256":
			sum, _ = vals[i].(string)
		case "size":
			size = vals[i]
		case "data":
			data = i
		}
	}
	if !large[sum] || data < 0 {
		return nil
	}
	vals[data] = []byte{}
	_, err := to.ExecContext(ctx, `INSERT INTO share_left_out (sha256, size) VALUES (?, ?)`, sum, size)
	return err
}

// writePrivateChoices writes what the learner decides on: the profile (contact details only if
// chosen; self-identification never) and the support notes ticked for the coach, opened.
func writePrivateChoices(ctx context.Context, tx *sql.Tx, src source, opts Options) error {
	l := src.learner
	email, phone := "", ""
	if opts.WithContact {
		email, phone = l.Email, l.Phone
	}
	if _, err := tx.ExecContext(ctx, `UPDATE learner SET display_name = ?, legal_name = ?,
		preferred_language = ?, email = ?, phone = ?, community = ?, region = ? WHERE id = 1`,
		l.DisplayName, l.LegalName, l.PreferredLanguage, email, phone, l.Community, l.Region); err != nil {
		return fmt.Errorf("share profile: %w", err)
	}
	for _, n := range src.notes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO support_note (id, category, date, provider, text,
			follow_up, share_with_coach, include_in_submission, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`, n.ID, n.Category, n.Date, n.Provider, n.Text,
			n.FollowUp, n.IncludeInSubmission, src.info.SharedAt, src.info.SharedAt); err != nil {
			return fmt.Errorf("share support note: %w", err)
		}
	}
	return nil
}

// writeHeader writes the share header and the meta the copy keeps: the portfolio's name, when
// it was created, and its identity (replacing the one the new file was given).
func writeHeader(ctx context.Context, from, tx *sql.Tx, src source) error {
	h := src.info
	if _, err := tx.ExecContext(ctx, `INSERT INTO share (id, share_id, portfolio_id, learner_name, target,
		shared_at, with_contact, claims_ready, claims_claimed, claims_total) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		h.ShareID, h.PortfolioID, h.LearnerName, h.Target, h.SharedAt, h.WithContact, h.ClaimsReady,
		h.ClaimsClaimed, h.ClaimsTotal); err != nil {
		return fmt.Errorf("share header: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM meta`); err != nil {
		return err
	}
	rows, err := from.QueryContext(ctx, `SELECT key, value FROM meta WHERE key IN ('name', 'created_at', 'portfolio_id')`)
	if err != nil {
		return fmt.Errorf("read meta: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, k, v); err != nil {
			return err
		}
	}
	return rows.Err()
}

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return fault.Storage(err)
	}
	defer f.Close()
	return fault.Storage(f.Sync())
}

// syncDir makes the rename durable where the system allows it (not on Windows, where a folder
// cannot be opened this way; there the rename is durable by itself).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
