package pdf

import (
	"bufio"
	"context"
	"io"
	"os"
	"passerelle/fault"
	"passerelle/osfile"
	"path/filepath"
)

// outputMode is the PDF's permission: the learner sends it to others, so it is not private.
const outputMode = 0o644

// WriteFile renders the PDF next to path and renames it into place only once it is complete,
// so a failure (a full disk, a cancelled export, a crash) never leaves a half-written file at
// path. A path that cannot be written or a full disk give a *WriteError.
func WriteFile(ctx context.Context, doc Document, opts Options, path string) (Result, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Result{}, writeError(path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	out := &errWriter{w: tmp}
	buf := bufio.NewWriterSize(out, 1<<20)
	res, err := Render(ctx, doc, opts, buf)
	if err == nil {
		err = buf.Flush()
	}
	if out.err != nil {
		return Result{}, writeError(path, out.err)
	}
	if err != nil {
		return Result{}, err
	}
	for _, step := range []func() error{tmp.Sync, tmp.Close, func() error { return os.Chmod(tmp.Name(), outputMode) }} {
		if err := step(); err != nil {
			return Result{}, writeError(path, err)
		}
	}
	// On Windows a PDF reader showing the previous export holds the file: wait a little, then
	// say so rather than "cannot write there".
	if err := osfile.Rename(tmp.Name(), path); err != nil {
		we := writeError(path, err)
		if osfile.Held(err) {
			we.Kind = ErrFileInUse
		}
		return Result{}, we
	}
	done = true
	return res, nil
}

// errWriter remembers the first write failure, so a full disk is told from a layout error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func writeError(path string, err error) *WriteError {
	kind := ErrCannotWrite
	if fault.IsDiskFull(err) {
		kind = ErrDiskFull
	}
	return &WriteError{Path: path, Kind: kind, Err: err}
}
