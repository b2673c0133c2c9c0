package pdf

import (
	"errors"
	"os"
	"runtime"
	"syscall"
	"testing"
)

func TestWriteError_TellsAFullDiskFromAnUnwritablePath(t *testing.T) {
	diskFull := syscall.ENOSPC
	if runtime.GOOS == "windows" {
		diskFull = syscall.Errno(112) // ERROR_DISK_FULL: Windows never says ENOSPC
	}
	for _, c := range []struct {
		err  error
		want error
	}{
		{&os.PathError{Op: "write", Path: "out.pdf", Err: diskFull}, ErrDiskFull},
		{&os.PathError{Op: "open", Path: "out.pdf", Err: syscall.EACCES}, ErrCannotWrite},
		{&os.PathError{Op: "rename", Path: "out.pdf", Err: syscall.EISDIR}, ErrCannotWrite},
	} {
		err := writeError("out.pdf", c.err)
		if !errors.Is(err, c.want) || !errors.Is(err, c.err.(*os.PathError).Err) {
			t.Errorf("%v classified as %v, want %v", c.err, err, c.want)
		}
	}
}
