//go:build !windows

package fault

// inUseErrnos is empty: Unix lets every program open a file another one has open.
var inUseErrnos []error
