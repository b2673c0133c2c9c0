package fault

import "errors"

// IsDiskFull reports a full disk or an exhausted quota on every platform the app runs on, so
// storage and PDF writing give the learner the same message for the same cause.
func IsDiskFull(err error) bool {
	for _, target := range diskFullErrnos {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
