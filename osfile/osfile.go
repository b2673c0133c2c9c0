// Package osfile renames and removes files the way Windows needs: Windows refuses to replace,
// rename or delete a file while another program has it open (an antivirus scanning a new
// file, a sync client, a PDF reader), where Unix never does. The first two let go within a
// second or two; a PDF reader does not, and the learner must be told to close it.
package osfile

import (
	"errors"
	"io/fs"
	"os"
	"time"

	"passerelle/fault"
)

// waits are the pauses between tries: about 3 s in all, then the caller tells the learner.
var waits = []time.Duration{50 * time.Millisecond, 100 * time.Millisecond, 250 * time.Millisecond,
	500 * time.Millisecond, time.Second, time.Second}

// Rename renames from to to, replacing a file already at to (os.Rename does on Windows
// too), and tries again while Held says another program has one of them open. A folder at
// to is refused at once, and its error is not Held.
func Rename(from, to string) error {
	if info, err := os.Stat(to); err == nil && info.IsDir() {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: errIsFolder}
	}
	return retry(func() error { return os.Rename(from, to) })
}

// errIsFolder is what Rename gives for a folder at its destination.
var errIsFolder = errors.New("a folder is there")

// Remove removes p like Rename renames; a file already gone is not an error.
func Remove(p string) error {
	return retry(func() error {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

func retry(op func() error) error {
	for i := 0; ; i++ {
		err := op()
		if err == nil || !Held(err) || i == len(waits) {
			return err
		}
		time.Sleep(waits[i])
	}
}

// Held tells whether err is a refusal that passes once another program lets go of the file:
// a sharing violation, or on Windows the "access denied" given for a rename over, or a
// removal of, a file that is open or still being deleted.
func Held(err error) bool {
	return fault.IsInUse(err) || (accessDeniedMayPass && errors.Is(err, fs.ErrPermission))
}
