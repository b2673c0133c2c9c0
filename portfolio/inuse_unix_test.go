//go:build unix

package portfolio

import "golang.org/x/sys/unix"

// readOnlyCause is how this OS refuses a write on read-only media.
func readOnlyCause() error { return unix.EROFS }
