//go:build windows

package portfolio

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// tryLock takes LockFileEx's exclusive lock on the first byte of f without waiting; held is
// false when another handle (in any process) has it. Windows drops it when the handle closes
// or the process ends.
func tryLock(f *os.File) (held bool, err error) {
	var ol windows.Overlapped
	err = windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

// unlockAndRemove closes the lock file (which lets the lock go), then removes it. Go opens
// files without FILE_SHARE_DELETE, so the removal fails, harmlessly, while anyone else has it
// open: a lock file is never removed from under its next holder.
func unlockAndRemove(f *os.File, path string) {
	f.Close()
	os.Remove(path)
}
