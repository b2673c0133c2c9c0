package portfolio

import (
	"errors"
	"io/fs"
	"os"
	"time"

	"passerelle/fault"
)

// replaceWaits are the pauses between tries of a rename Windows refused because another
// program had one of the files open: an antivirus or a backup client scanning a new file lets
// go within a second or two. About 3 s in all, then the learner is told.
var replaceWaits = []time.Duration{50 * time.Millisecond, 100 * time.Millisecond, 250 * time.Millisecond,
	500 * time.Millisecond, time.Second, time.Second}

// replaceFile renames from to to, replacing a file already at to (os.Rename does on Windows
// too), and tries again while Windows says a file is in use. The caller has closed both.
func replaceFile(from, to string) error {
	var err error
	for i := 0; ; i++ {
		err = os.Rename(from, to)
		if err == nil || !heldByAnother(err) {
			return err
		}
		if i == len(replaceWaits) {
			return fault.Wrap(fault.New(fault.Locked, "", "ErrPortfolioBusy"), err)
		}
		time.Sleep(replaceWaits[i])
	}
}

// removeFile removes p, trying again like replaceFile; a file already gone is not an error.
func removeFile(p string) error {
	var err error
	for i := 0; ; i++ {
		err = os.Remove(p)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if !heldByAnother(err) {
			return err
		}
		if i == len(replaceWaits) {
			return fault.Wrap(fault.New(fault.Locked, "", "ErrPortfolioBusy"), err)
		}
		time.Sleep(replaceWaits[i])
	}
}

// heldByAnother is a refusal that passes once the other program lets go: a sharing
// violation, or on Windows the access denied given for a file that is open or pending delete.
func heldByAnother(err error) bool {
	return fault.IsInUse(err) || (accessDeniedMayPass && errors.Is(err, fs.ErrPermission))
}
