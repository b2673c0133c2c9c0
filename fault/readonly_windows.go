package fault

import "syscall"

// readOnlyErrnos is ERROR_WRITE_PROTECT (19): a USB key or SD card with its lock switch on.
var readOnlyErrnos = []error{syscall.Errno(19)}
