package fault

import "syscall"

// inUseErrnos are ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33).
var inUseErrnos = []error{syscall.Errno(32), syscall.Errno(33)}
