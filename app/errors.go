package app

import (
	"fmt"
	"os"
	"passerelle/fault"
)

// UIError is what a failed call becomes for the frontend: a code to branch on, a message
// already in the learner's language, and the field at fault.
type UIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field"`
}

func (s *Session) uiError(err error) UIError { return s.uiErrorIn(s.lang(), err) }

// uiErrorIn translates err into lang; it takes no lock, so it may run while s.mu is held.
func (s *Session) uiErrorIn(lang string, err error) UIError {
	if e, ok := fault.As(err); ok {
		if e.Code == fault.DiskFull || e.Code == fault.Internal {
			fmt.Fprintf(os.Stderr, "passerelle: %v\n", err)
		}
		return UIError{Code: string(e.Code), Message: s.catalog.Text(lang, e.MessageID, e.Args), Field: e.Field}
	}
	fmt.Fprintf(os.Stderr, "passerelle: %v\n", err)
	return UIError{Code: string(fault.Internal), Message: s.catalog.Text(lang, "ErrInternal", nil)}
}
