package pdf

import (
	"errors"
	"fmt"
)

// Sentinel errors, for the caller to map to translated messages with errors.Is.
var (
	// ErrBadLanguage means the output language is not en, fr or bilingual.
	ErrBadLanguage = errors.New("unknown output language")
	// ErrNoLabels means the caller did not fill the Labels of an output language (a bug:
	// FillLabels always fills every field).
	ErrNoLabels = errors.New("labels not filled for an output language")
	// ErrCannotWrite means the output folder or file cannot be written (permissions, a
	// missing folder, a read-only disk); nothing was left at the output path.
	ErrCannotWrite = errors.New("cannot write the PDF there")
	// ErrDiskFull means the disk filled up while writing; nothing was left at the output path.
	ErrDiskFull = errors.New("disk is full")
	// ErrFileInUse means another program (a PDF reader, often) holds the file at the output
	// path, so Windows refused to replace it; it was left as it was.
	ErrFileInUse = errors.New("the PDF is open in another program")
	// ErrNotPortfolioPDF means Verify found no Passerelle evidence index in the file.
	ErrNotPortfolioPDF = errors.New("not a Passerelle portfolio PDF")
	// ErrUnreadablePDF means Verify could not parse the file as a PDF at all.
	ErrUnreadablePDF = errors.New("the PDF cannot be read")
)

// WriteError says which path could not be written and why, so the export screen can say
// so in the learner's language; errors.Is finds ErrCannotWrite or ErrDiskFull in it.
type WriteError struct {
	// Path is where the PDF was to be written.
	Path string
	// Kind is ErrCannotWrite, ErrDiskFull or ErrFileInUse.
	Kind error
	// Err is the underlying system error, for the log.
	Err error
}

// Error describes the failure for logs.
func (e *WriteError) Error() string {
	return fmt.Sprintf("write %s: %v: %v", e.Path, e.Kind, e.Err)
}

// Unwrap exposes both the kind and the system error to errors.Is and errors.As.
func (e *WriteError) Unwrap() []error { return []error{e.Kind, e.Err} }
