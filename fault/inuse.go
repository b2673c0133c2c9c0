package fault

import "errors"

// IsInUse reports a file that another program holds open in a way that keeps others out:
// Windows refuses to open, replace or rename it (an antivirus scanning it, a second copy of
// the app, a sync client). Unix systems have no such refusal.
func IsInUse(err error) bool { return isAny(err, inUseErrnos) }

// isAny tells whether err is one of targets.
func isAny(err error, targets []error) bool {
	for _, target := range targets {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
