package portfolio

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"passerelle/fault"
)

// SharedApplicationID marks a SQLite file as a copy shared with a coach ("PSSH"), so neither
// the learner's window nor a command mistakes it for the learner's own portfolio.
const SharedApplicationID = 0x50535348

// SharedFileExtension is what shared copies are named with, so a coach can tell them apart.
const SharedFileExtension = ".passerelle-share"

// writableInSharedCopy are the tables a coach may write in a shared copy: their comments, and
// the copy's meta for their name and language. Every other table is the learner's record.
var writableInSharedCopy = map[string]bool{"comment": true, "meta": true}

// coachMetaKeys are the meta keys a coach may set in a shared copy.
const coachMetaKeys = `'coach_name', 'language'`

// sharedTriggerPrefix names the triggers that keep a shared copy's record read-only.
const sharedTriggerPrefix = "shared_read_only_"

func sharedReadOnly() error { return fault.New(fault.Conflict, "", "ErrSharedCopyReadOnly") }

func (s *Store) applicationID() int {
	if s.shared {
		return SharedApplicationID
	}
	return ApplicationID
}

// Shared tells whether this store is a copy shared with a coach (coach mode).
func (s *Store) Shared() bool { return s.shared }

// NewSharedCopy creates the file a shared copy is built in, at path (which must not exist):
// the portfolio schema, one file with no WAL. The caller fills it through Update, then calls
// FinishSharedCopy; until then it is not a shared copy and should be removed on failure.
func NewSharedCopy(ctx context.Context, path string, opts ...Option) (*Store, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, classify(fmt.Errorf("create shared copy: %w", err))
	}
	f.Close()
	s, err := openJournal(ctx, path, nil, false, "DELETE", opts)
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

// FinishSharedCopy turns a copy built by NewSharedCopy into a shared copy: its record becomes
// read-only in the file itself (triggers that abort any change outside comments), and its
// header says it is a shared copy.
func (s *Store) FinishSharedCopy(ctx context.Context) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := protectShared(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, SharedApplicationID))
		return err
	})
	if err != nil {
		return fmt.Errorf("finish shared copy: %w", err)
	}
	s.shared = true
	return nil
}

// protectShared adds, for every table of the learner's record, triggers that abort an insert,
// an update or a delete; in meta only the coach's own keys may change. Tables a later version
// adds are protected too, since the list is read from the schema.
func protectShared(ctx context.Context, tx *sql.Tx) error {
	tables, err := tableNames(ctx, tx)
	if err != nil {
		return err
	}
	for _, t := range tables {
		for _, op := range []string{"INSERT", "UPDATE", "DELETE"} {
			when := ""
			if t == "meta" {
				switch op {
				case "INSERT", "UPDATE":
					when = " WHEN NEW.key NOT IN (" + coachMetaKeys + ")"
				}
			} else if writableInSharedCopy[t] {
				continue
			}
			q := fmt.Sprintf(`CREATE TRIGGER IF NOT EXISTS %s%s_%s BEFORE %s ON %s%s
				BEGIN SELECT RAISE(ABORT, 'shared copy is read-only'); END`,
				sharedTriggerPrefix, t, strings.ToLower(op), op, t, when)
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("protect %s: %w", t, err)
			}
		}
	}
	return nil
}

// unprotectShared drops those triggers, so a newer version can upgrade an older shared copy's
// schema; protectShared puts them back at once after.
func unprotectShared(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?`,
		sharedTriggerPrefix+"%")
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER `+n); err != nil {
			return err
		}
	}
	return nil
}

func tableNames(ctx context.Context, q queryer) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// OpenSharedCopy opens a copy a learner shared, in coach mode: the learner's record reads as
// in their own window but every write to it is refused (ErrSharedCopyReadOnly), and only
// comments and the coach's name can be written. A learner's own portfolio is refused
// (ErrSharedCopyIsPortfolio), as is a file that is neither; like Open, it holds the file's
// lock while open.
func OpenSharedCopy(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if err := checkSharedHeader(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open shared copy: %w", err)
	}
	lock, err := lockPortfolio(abs)
	if err != nil {
		return nil, err
	}
	if err := probe(ctx, abs); err != nil {
		lock.release()
		return nil, err
	}
	s, err := openJournal(ctx, abs, lock, false, "DELETE", opts)
	if err != nil {
		lock.release()
		return nil, err
	}
	s.shared = true
	if err := s.upgradeShared(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if _, err := s.ShareInfo(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// upgradeShared brings an older shared copy's schema up to date, with its record protected
// again at the end.
func (s *Store) upgradeShared(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return unreadable(fmt.Errorf("read schema version: %w", err))
	}
	if version == SchemaVersion() {
		return nil
	}
	if err := s.write(ctx, func(tx *sql.Tx) error { return unprotectShared(ctx, tx) }); err != nil {
		return unreadable(err)
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return protectShared(ctx, tx) })
}

// checkSharedHeader reads the SQLite header itself, as checkHeader does, for a shared copy.
func checkSharedHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fault.New(fault.NotFound, "", "ErrSharedCopyNotFound")
	}
	if err != nil {
		return classify(fmt.Errorf("open shared copy: %w", err))
	}
	defer f.Close()
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.HasPrefix(head, []byte("SQLite format 3\x00")) {
		return fault.New(fault.Unsupported, "", "ErrSharedCopyNotShared")
	}
	switch binary.BigEndian.Uint32(head[68:72]) {
	case ApplicationID:
		return fault.New(fault.Unsupported, "", "ErrSharedCopyIsPortfolio")
	case SharedApplicationID:
	default:
		return fault.New(fault.Unsupported, "", "ErrSharedCopyNotShared")
	}
	if int(binary.BigEndian.Uint32(head[60:64])) > SchemaVersion() {
		return fault.New(fault.Unsupported, "", "ErrPortfolioTooNew")
	}
	return nil
}

// ShareInfo is the header of a shared copy: which share, whose portfolio, when, and the numbers
// a coach's cohort list shows.
type ShareInfo struct {
	ShareID       string `json:"shareId"`
	PortfolioID   string `json:"portfolioId"`
	LearnerName   string `json:"learnerName"`
	Target        string `json:"target"`
	SharedAt      string `json:"sharedAt"`
	WithContact   bool   `json:"withContact"`
	ClaimsReady   int    `json:"claimsReady"`
	ClaimsClaimed int    `json:"claimsClaimed"`
	ClaimsTotal   int    `json:"claimsTotal"`
	// OutcomesShared says the learner shares what happened next with at least one program;
	// OutcomesReported is how many outcomes the largest of those anonymous files holds.
	OutcomesShared   bool `json:"outcomesShared"`
	OutcomesReported int  `json:"outcomesReported"`
}

// ShareInfo reads the header of a shared copy; a learner's own portfolio has none
// (ErrSharedCopyNotShared).
func (s *Store) ShareInfo(ctx context.Context) (ShareInfo, error) {
	var h ShareInfo
	err := s.db.QueryRowContext(ctx, `SELECT share_id, portfolio_id, learner_name, target, shared_at,
		with_contact, claims_ready, claims_claimed, claims_total, outcomes_shared, outcomes_reported
		FROM share WHERE id = 1`).Scan(
		&h.ShareID, &h.PortfolioID, &h.LearnerName, &h.Target, &h.SharedAt, &h.WithContact,
		&h.ClaimsReady, &h.ClaimsClaimed, &h.ClaimsTotal, &h.OutcomesShared, &h.OutcomesReported)
	if errors.Is(err, sql.ErrNoRows) {
		return ShareInfo{}, fault.New(fault.Unsupported, "", "ErrSharedCopyNotShared")
	}
	if err != nil {
		return ShareInfo{}, unreadable(fmt.Errorf("read share header: %w", err))
	}
	return h, nil
}

// PortfolioID is the portfolio's stable random identity (a shared copy carries its learner's),
// so comments made on a shared copy find their way back to this file and no other.
func (s *Store) PortfolioID(ctx context.Context) (string, error) {
	return s.meta(ctx, "portfolio_id")
}

// CoachName is the name the coach gave in this shared copy, "" until they give one.
func (s *Store) CoachName(ctx context.Context) (string, error) {
	return s.meta(ctx, "coach_name")
}

// SetCoachName remembers the coach's name in the shared copy, for the comments they write.
func (s *Store) SetCoachName(ctx context.Context, name string) error {
	if !s.shared {
		return fault.New(fault.Conflict, "", "ErrNotSharedCopy")
	}
	name, err := required("coachName", name, MaxShortText)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return putMeta(ctx, tx, "coach_name", name) })
}

// PutCoachName remembers the coach's name within a transaction of UpdateComments, so it is
// written with a comment or not at all; the name is assumed checked (see SetCoachName).
func PutCoachName(ctx context.Context, tx *sql.Tx, name string) error {
	return putMeta(ctx, tx, "coach_name", name)
}

// UpdateComments runs fn in one write transaction that a shared copy allows too: for the
// comments package, whose table is the one thing a coach writes. The copy's triggers still
// refuse any change to the learner's record made through it.
func (s *Store) UpdateComments(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.write(ctx, fn)
}

// CheckSharedCopy tells, without opening it for writing, whether the file at path is a shared
// copy (nil), a learner's portfolio (ErrSharedCopyIsPortfolio), missing (ErrSharedCopyNotFound)
// or something else (ErrSharedCopyNotShared), so a shared copy is never written over anything
// but an older shared copy.
func CheckSharedCopy(path string) error { return checkSharedHeader(path) }

// PeekShare reads a shared copy's header and how many of the coach's comments are still open,
// without opening it for writing or taking its lock, so listing a coach's cohort never changes
// a copy (and one open in coach mode is listed all the same).
func PeekShare(ctx context.Context, path string) (ShareInfo, int, error) {
	if err := checkSharedHeader(path); err != nil {
		return ShareInfo{}, 0, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ShareInfo{}, 0, fmt.Errorf("peek shared copy: %w", err)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	db, err := sql.Open("sqlite", sqliteURI(abs, q))
	if err != nil {
		return ShareInfo{}, 0, fmt.Errorf("peek shared copy: %w", err)
	}
	defer db.Close()
	var h ShareInfo
	var open int
	err = db.QueryRowContext(ctx, `SELECT share_id, portfolio_id, learner_name, target, shared_at,
		with_contact, claims_ready, claims_claimed, claims_total, outcomes_shared, outcomes_reported,
		(SELECT count(*) FROM comment WHERE author_kind = 'coach' AND status = 'open' AND reply_to = '')
		FROM share WHERE id = 1`).Scan(&h.ShareID, &h.PortfolioID, &h.LearnerName, &h.Target, &h.SharedAt,
		&h.WithContact, &h.ClaimsReady, &h.ClaimsClaimed, &h.ClaimsTotal, &h.OutcomesShared,
		&h.OutcomesReported, &open)
	if errors.Is(err, sql.ErrNoRows) {
		return ShareInfo{}, 0, fault.New(fault.Unsupported, "", "ErrSharedCopyNotShared")
	}
	if err != nil {
		return ShareInfo{}, 0, unreadable(fmt.Errorf("peek shared copy: %w", err))
	}
	info := h
	return info, open, nil
}

// LeftOutFiles lists the SHA-256 of the evidence files a shared copy left out as large (their
// description stays, their bytes are not there), so coach mode can say so instead of showing
// an empty file. A learner's own portfolio has none.
func (s *Store) LeftOutFiles(ctx context.Context) ([]string, error) {
	out := []string{}
	err := s.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT sha256 FROM share_left_out ORDER BY sha256`)
		if err != nil {
			return fmt.Errorf("list files left out: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var sum string
			if err := rows.Scan(&sum); err != nil {
				return err
			}
			out = append(out, sum)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
