//go:build windows

package portfolio

import "golang.org/x/sys/windows"

// readOnlyCause is how this OS refuses a write on read-only media.
func readOnlyCause() error { return windows.ERROR_WRITE_PROTECT }
