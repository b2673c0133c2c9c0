//go:build !windows

package pdf

import "syscall"

// diskFullErrors are the system errors of a full disk or an exhausted quota.
func diskFullErrors() []error { return []error{syscall.ENOSPC, syscall.EDQUOT} }
