//go:build !windows

package fault

import "syscall"

// readOnlyErrnos is EROFS: a file system mounted read-only, or a locked SD card.
var readOnlyErrnos = []error{syscall.EROFS}
