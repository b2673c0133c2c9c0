//go:build !windows

package portfolio

// longPathVFS is empty: SQLite's default Unix VFS takes any path the system takes.
const longPathVFS = ""

// vfsPath is abs itself: a Unix path is already what SQLite's VFS wants.
func vfsPath(abs string) string { return abs }
