package fault

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// A folder the learner may not write to, and (on Windows) a file another program holds, each
// get a message the learner can act on rather than the system's text.
func TestStorage_PermissionAndInUseGetMessages(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "ErrNoPermission"},
		{fmt.Errorf("back up: %w", &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}), "ErrNoPermission"},
		{&fs.PathError{Op: "open", Path: "x", Err: readOnlyErrnos[0]}, "ErrNoPermission"},
	}
	if runtime.GOOS == "windows" {
		cases = append(cases,
			struct {
				err  error
				want string
			}{&fs.PathError{Op: "open", Path: "x", Err: syscall.Errno(32)}, "ErrPortfolioBusy"},
			struct {
				err  error
				want string
			}{&fs.PathError{Op: "open", Path: "x", Err: syscall.Errno(5)}, "ErrNoPermission"})
	}
	for _, tc := range cases {
		e, ok := As(Storage(tc.err))
		if !ok || e.MessageID != tc.want {
			t.Errorf("Storage(%v) = %v, want %s", tc.err, Storage(tc.err), tc.want)
		}
	}
	plain := &fs.PathError{Op: "open", Path: filepath.Join(os.TempDir(), "x"), Err: fs.ErrNotExist}
	if _, ok := As(Storage(plain)); ok {
		t.Errorf("a missing file is not a storage fault here")
	}
}
