//go:build unix

package portfolio

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// tryLock takes flock's exclusive lock on f without waiting; held is false when another open
// file (in any process) has it. flock locks belong to the open file, not to the process, so
// two Stores in one process also exclude each other, and SQLite's own fcntl locks are untouched.
func tryLock(f *os.File) (held bool, err error) {
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if errors.Is(err, unix.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// unlockAndRemove removes the lock file while still holding it, then closes it (which lets the
// lock go): whoever opened the old file meanwhile finds it gone and takes the new one.
func unlockAndRemove(f *os.File, path string) {
	os.Remove(path)
	f.Close()
}
