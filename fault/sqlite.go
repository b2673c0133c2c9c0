package fault

import (
	"errors"
	"io/fs"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Storage turns a storage failure a learner can act on (a full disk, a read-only or damaged
// file, a file another program holds) into an application error that keeps the cause for the
// log. It reads the SQLite result code, never the message text; anything else is returned as
// it is.
func Storage(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := As(err); ok {
		return err
	}
	if IsDiskFull(err) {
		return Wrap(New(DiskFull, "", "ErrDiskFull"), err)
	}
	if IsInUse(err) {
		return Wrap(New(Locked, "", "ErrPortfolioBusy"), err)
	}
	if errors.Is(err, fs.ErrPermission) || isAny(err, readOnlyErrnos) {
		return Wrap(New(Unsupported, "", "ErrNoPermission"), err)
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff { // the primary result code; extended codes keep it in the low byte
	case sqlite3.SQLITE_FULL:
		return Wrap(New(DiskFull, "", "ErrDiskFull"), err)
	case sqlite3.SQLITE_READONLY:
		return Wrap(New(Unsupported, "", "ErrPortfolioReadOnly"), err)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return Wrap(New(Unsupported, "", "ErrPortfolioDamaged"), err)
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return Wrap(New(Locked, "", "ErrPortfolioBusy"), err)
	}
	return err
}
