//go:build windows

package pdf

import "syscall"

// diskFullErrors are ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL.
func diskFullErrors() []error { return []error{syscall.Errno(39), syscall.Errno(112)} }
