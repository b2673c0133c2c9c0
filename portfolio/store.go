package portfolio

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"passerelle/fault"
	"passerelle/filename"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ApplicationID marks a SQLite file as a Passerelle portfolio ("PSRL"), so the app never
// mistakes another program's database for one of ours.
const ApplicationID = 0x5053524c

// FileExtension is what portfolio files are named with, so a learner can recognise them.
const FileExtension = ".passerelle"

// Store is one open portfolio file; every method is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
	kdf  kdfParams // the cost of deriving a key from a new passphrase

	mu      sync.Mutex
	key     []byte // the data key while unlocked, nil while locked or without a passphrase
	wrapped string // the sealed data key that key was unwrapped from

	revision atomic.Uint64 // committed write transactions since open

	lock     *fileLock // held while this store may write; nil for a read-only view
	readOnly bool      // a view of a portfolio another process holds: every write is refused
	shared   bool      // a copy shared with a coach: only comments and the coach's settings change
}

// Option adjusts how a portfolio is opened.
type Option func(*Store)

// WithClock makes timestamps come from now, so tests and demos are repeatable.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Create makes a new, empty portfolio file at path named name; it refuses to overwrite.
func Create(ctx context.Context, path, name string, opts ...Option) (*Store, error) {
	name, err := required("name", name, MaxShortText)
	if err != nil {
		return nil, err
	}
	if err := checkFileName(path); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, classify(fmt.Errorf("create portfolio folder: %w", err))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("create portfolio: %w", err)
	}
	// The lock first: a file another window has open is reported as such, and two processes
	// creating the same file cannot both pass the check below.
	lock, err := lockPortfolio(abs)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		lock.release()
		return nil, fault.New(fault.Conflict, "name", "ErrPortfolioExists")
	}
	// Created here, not by SQLite, so a folder that cannot be written to (read-only, locked
	// card, another user's) gets its own message rather than SQLite's "unable to open".
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		lock.release()
		return nil, classify(fmt.Errorf("create portfolio: %w", err))
	}
	f.Close()
	s, err := openDB(ctx, path, lock, opts)
	if err != nil {
		lock.release()
		os.Remove(path)
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		os.Remove(path)
		return nil, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('name', ?), ('created_at', ?)`,
			name, s.stamp())
		return err
	})
	if err == nil {
		// The header (application ID, schema version) must reach the file itself now: until the
		// first checkpoint it lives only in the WAL, and a crash would leave a file that does not
		// look like a portfolio.
		err = s.checkpoint(ctx)
	}
	if err != nil {
		s.Close()
		os.Remove(path)
		return nil, fmt.Errorf("create portfolio: %w", err)
	}
	return s, nil
}

// Open opens an existing portfolio file for writing, bringing its schema up to date. A file
// that is not a portfolio, or that a newer version of the app wrote, is refused and left
// untouched; so is one that another window or command has open (ErrPortfolioInUse), so two
// processes never both write to one portfolio. The lock is let go by Close.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open portfolio: %w", err)
	}
	lock, err := lockPortfolio(abs)
	if err != nil {
		return nil, err
	}
	s, err := openLocked(ctx, abs, lock, opts)
	if err != nil {
		lock.release()
	}
	return s, err
}

// openLocked opens a portfolio whose lock the caller holds (lock, which the store then owns;
// or nil when the caller keeps it, as a restore does for the file it replaces).
func openLocked(ctx context.Context, path string, lock *fileLock, opts []Option) (*Store, error) {
	if err := probe(ctx, path); err != nil {
		return nil, err
	}
	s, err := openDB(ctx, path, lock, opts)
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if s.Revision() > 0 {
		// An upgraded schema version reaches the file's header at once (see Create); should
		// another program hold the file, the WAL keeps it safe until the next checkpoint.
		s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
	}
	return s, nil
}

// checkHeader reads the SQLite header itself, so refusing a file never writes to it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fault.New(fault.NotFound, "", "ErrPortfolioNotFound")
	}
	if err != nil {
		return classify(fmt.Errorf("open portfolio: %w", err))
	}
	defer f.Close()
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil {
		return fault.New(fault.Unsupported, "", "ErrPortfolioNotPortfolio")
	}
	if !bytes.HasPrefix(head, []byte("SQLite format 3\x00")) {
		return fault.New(fault.Unsupported, "", "ErrPortfolioNotPortfolio")
	}
	version := binary.BigEndian.Uint32(head[60:64])
	appID := binary.BigEndian.Uint32(head[68:72])
	if appID == SharedApplicationID {
		return fault.New(fault.Unsupported, "", "ErrPortfolioIsSharedCopy")
	}
	if appID != ApplicationID {
		return fault.New(fault.Unsupported, "", "ErrPortfolioNotPortfolio")
	}
	if int(version) > len(migrationNames()) {
		return fault.New(fault.Unsupported, "", "ErrPortfolioTooNew")
	}
	return nil
}

// checkFileName refuses a file name Windows cannot create ("CON.passerelle", "a:b", a dot at
// the end), on every system, so a portfolio can always be copied to a Windows computer.
func checkFileName(path string) error {
	if name := filepath.Base(path); !filename.Valid(name) {
		return fault.New(fault.Invalid, "path", "ErrFileNameNotAllowed", "Name", name)
	}
	return nil
}

// openDB opens the SQLite file for writing; the store releases lock (if not nil) on Close.
func openDB(ctx context.Context, path string, lock *fileLock, opts []Option) (*Store, error) {
	return openSQLite(ctx, path, lock, false, opts)
}

// openSQLite opens the SQLite file; a read-only view is opened with mode=ro, so SQLite itself
// keeps it from writing, and refuses every write transaction before it starts.
func openSQLite(ctx context.Context, path string, lock *fileLock, readOnly bool, opts []Option) (*Store, error) {
	return openJournal(ctx, path, lock, readOnly, "WAL", opts)
}

// openJournal is openSQLite with the journal mode given: WAL for a learner's portfolio, DELETE
// for a shared copy, which must stay one file that travels by USB stick or email.
func openJournal(ctx context.Context, path string, lock *fileLock, readOnly bool, journal string, opts []Option) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open portfolio: %w", err)
	}
	q := url.Values{}
	// secure_delete zeroes what a change or a deletion leaves behind, so private text removed
	// from the portfolio is not left in its free space.
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(5000)", "journal_mode(" + journal + ")", "synchronous(FULL)",
		"secure_delete(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("mode", "ro")
	}
	dsn := sqliteURI(abs, q)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open portfolio: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, classify(fmt.Errorf("open portfolio: %w", err))
	}
	s := &Store{db: db, path: abs, now: time.Now, kdf: defaultKDF(), lock: lock, readOnly: readOnly}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Close releases the file, and then its lock (SQLite's last checkpoint happens under it);
// after it the store must not be used.
func (s *Store) Close() error {
	err := s.db.Close()
	s.lock.release()
	return err
}

// Path is where the portfolio file lives.
func (s *Store) Path() string { return s.path }

func migrationNames() []string {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// SchemaVersion is the number of migrations this build knows, so tests can build every earlier one.
func SchemaVersion() int { return len(migrationNames()) }

// migrate applies, each in its own transaction, the migrations the file has not had yet.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, SchemaVersion())
}

func (s *Store) migrateTo(ctx context.Context, target int) error {
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return classify(fmt.Errorf("read schema version: %w", err))
	}
	names := migrationNames()
	if version > len(names) {
		return fault.New(fault.Unsupported, "", "ErrPortfolioTooNew")
	}
	for i := version; i < target; i++ {
		body, err := migrationFiles.ReadFile("migrations/" + names[i])
		if err != nil {
			return fmt.Errorf("read migration %s: %w", names[i], err)
		}
		err = s.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, s.applicationID())); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, i+1))
			return err
		})
		if err != nil {
			// Our migrations are tested on every earlier schema; one that fails here meets a
			// file whose schema is not what its version says.
			return unreadable(fmt.Errorf("apply migration %s: %w", names[i], err))
		}
	}
	return nil
}

// inTx runs fn in one immediate transaction: all of it lands, or none of it.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.shared {
		return sharedReadOnly()
	}
	return s.write(ctx, fn)
}

// write is inTx without the shared copy's refusal, for what a coach may write there (comments,
// their name); the copy's triggers still refuse any change to the learner's record.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return inUse()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(fmt.Errorf("begin: %w", err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify(err)
	}
	if err := tx.Commit(); err != nil {
		return classify(fmt.Errorf("commit: %w", err))
	}
	s.revision.Add(1)
	return nil
}

// Revision counts the write transactions committed since the portfolio was opened, so the app
// can tell whether anything changed since its last snapshot.
func (s *Store) Revision() uint64 { return s.revision.Load() }

// classify turns storage failures a learner can act on (a full disk, a damaged file) into
// application errors.
func classify(err error) error { return fault.Storage(err) }

func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// Name is the portfolio's own name, shown in the picker.
func (s *Store) Name(ctx context.Context) (string, error) {
	return s.meta(ctx, "name")
}

// Rename changes the name shown in the picker; the file keeps its place on disk.
func (s *Store) Rename(ctx context.Context, name string) error {
	name, err := required("name", name, MaxShortText)
	if err != nil {
		return err
	}
	return s.setMeta(ctx, "name", name)
}

// Language is the UI language the learner chose for this portfolio, "" until they choose.
func (s *Store) Language(ctx context.Context) (string, error) {
	return s.meta(ctx, "language")
}

// SetLanguage remembers the UI language with the portfolio; a shared copy is left as it is.
func (s *Store) SetLanguage(ctx context.Context, lang string) error {
	if lang != English && lang != French {
		return fault.New(fault.Invalid, "language", "ErrUnknownChoice")
	}
	if s.shared { // the coach's language belongs to the coach's settings, not the learner's copy
		return nil
	}
	return s.setMeta(ctx, "language", lang)
}

func (s *Store) meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", classify(fmt.Errorf("read %s: %w", key, err))
	}
	return v, nil
}

func (s *Store) setMeta(ctx context.Context, key, value string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return putMeta(ctx, tx, key, value) })
}

func putMeta(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// Update runs fn in one write transaction, for sibling domain packages (plar) that keep their
// tables in the same file: all of fn lands, or none of it.
func (s *Store) Update(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.inTx(ctx, fn)
}

// View runs fn in one read transaction, so what it reads is one consistent state.
func (s *Store) View(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return classify(fmt.Errorf("begin read: %w", err))
	}
	defer tx.Rollback()
	return classify(fn(tx))
}

// Stamp is the current time as the portfolio records it (UTC, RFC 3339), from the store's clock.
func (s *Store) Stamp() string { return s.stamp() }

// Now is the store's clock, so rules about currency use the same time as the records.
func (s *Store) Now() time.Time { return s.now() }

// MarkExported records when the learner last exported a PDF, for the guide's last step and the
// follow-up prompts (RecordExport names the target too). On a
// read-only view (see OpenToRead) it records nothing: the file belongs to the process that
// holds it, and an export must not fail for want of a date.
func (s *Store) MarkExported(ctx context.Context) error {
	return s.RecordExport(ctx, 0)
}

// ExportedAt is when a PDF was last exported, "" if never.
func (s *Store) ExportedAt(ctx context.Context) (string, error) {
	return s.meta(ctx, "exported_at")
}
