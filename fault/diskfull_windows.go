//go:build windows

package fault

import "syscall"

// diskFullErrnos are ERROR_HANDLE_DISK_FULL (39) and ERROR_DISK_FULL (112): Windows reports a
// full disk with these, never with ENOSPC.
var diskFullErrnos = []error{syscall.Errno(39), syscall.Errno(112)}
