//go:build !windows

package osfile

// accessDeniedMayPass: on Unix a permission error is about permissions, and stays.
const accessDeniedMayPass = false
