// Package fault holds the one error type every layer returns to a learner: a code the UI can
// act on and a message ID from locales/ that is translated only at the edge of the app. It is a
// leaf: any package may import it, and it imports no package of this module.
package fault

import (
	"errors"
	"fmt"
)

// Code classifies an application error so the UI can react to it without parsing text.
type Code string

// Codes shared by every package that reports errors to a learner.
const (
	Invalid     Code = "invalid"
	NotFound    Code = "not_found"
	Conflict    Code = "conflict"
	TooLarge    Code = "too_large"
	Unsupported Code = "unsupported"
	NotOpen     Code = "not_open"
	DiskFull    Code = "disk_full"
	Locked      Code = "locked"
	InUse       Code = "in_use" // another Passerelle process has the file open; Locked is the passphrase
	Internal    Code = "internal"
)

// Error is a failure a learner can act on: a code, the field at fault and a message ID
// from locales/ with its arguments, translated only at the edge of the app.
type Error struct {
	Code      Code
	Field     string
	MessageID string
	Args      map[string]any
}

// Error describes the failure for logs and tests; learners see the translated MessageID.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.MessageID, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.MessageID)
}

// New builds an application error without formatting anything: args alternate a template
// variable's name and its value, for the translation at the edge.
func New(code Code, field, messageID string, args ...any) *Error {
	e := &Error{Code: code, Field: field, MessageID: messageID}
	if len(args) > 0 {
		e.Args = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			e.Args[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	return e
}

// As finds the application error inside err, so callers can read its code.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// CodeOf returns the code of err, or Internal when err is not an application error.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Code
	}
	return Internal
}

// Wrap puts an application error in front of the system error that caused it: the learner
// sees the first, the log keeps the second, and errors.Is still finds either.
func Wrap(app *Error, cause error) error {
	if cause == nil {
		return app
	}
	return &wrapped{app: app, cause: cause}
}

type wrapped struct {
	app   *Error
	cause error
}

func (w *wrapped) Unwrap() []error { return []error{w.app, w.cause} }
func (w *wrapped) Error() string   { return w.app.Error() + ": " + w.cause.Error() }
