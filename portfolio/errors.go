package portfolio

import (
	"errors"
	"fmt"
)

// Code classifies an application error so the UI can react to it without parsing text.
type Code string

// Codes shared by every package that reports errors to a learner.
const (
	CodeInvalid     Code = "invalid"
	CodeNotFound    Code = "not_found"
	CodeConflict    Code = "conflict"
	CodeTooLarge    Code = "too_large"
	CodeUnsupported Code = "unsupported"
	CodeNotOpen     Code = "not_open"
	CodeDiskFull    Code = "disk_full"
	CodeLocked      Code = "locked"
	CodeInternal    Code = "internal"
)

// Error is a failure a learner can act on: a code, the field at fault and a message ID
// from locales/ with its arguments, translated only at the edge of the app.
type Error struct {
	Code      Code
	Field     string
	MessageID string
	Args      map[string]any
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Code, e.MessageID, e.Field)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.MessageID)
}

// Errorf builds an application error; args alternate name and value for the message template.
func Errorf(code Code, field, messageID string, args ...any) *Error {
	e := &Error{Code: code, Field: field, MessageID: messageID}
	if len(args) > 0 {
		e.Args = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			e.Args[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	return e
}

// AsError finds the application error inside err, so callers can read its code.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// ErrorCode returns the code of err, or CodeInternal when err is not an application error.
func ErrorCode(err error) Code {
	if e, ok := AsError(err); ok {
		return e.Code
	}
	return CodeInternal
}
