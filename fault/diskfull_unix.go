//go:build !windows

package fault

import "syscall"

// diskFullErrnos are ENOSPC (no space left) and EDQUOT (quota exceeded).
var diskFullErrnos = []error{syscall.ENOSPC, syscall.EDQUOT}
