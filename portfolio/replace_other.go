//go:build !windows

package portfolio

// accessDeniedMayPass: on Unix a permission error is about permissions, and stays.
const accessDeniedMayPass = false
