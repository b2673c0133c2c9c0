package portfolio

import "strings"

// longPathVFS is SQLite's Windows VFS that accepts paths of up to 32,767 characters, so a
// portfolio deep in a learner's folders opens like any other (the default VFS stops at 260).
const longPathVFS = "win32-longpath"

// vfsPath gives SQLite the extended-length form of abs (\\?\C:\… or \\?\UNC\server\share\…),
// which Windows takes past 260 characters; abs is already clean (filepath.Abs).
func vfsPath(abs string) string {
	switch {
	case strings.HasPrefix(abs, `\\?\`), strings.HasPrefix(abs, `\\.\`):
		return abs
	case strings.HasPrefix(abs, `\\`):
		return `\\?\UNC\` + abs[2:]
	case len(abs) >= 3 && abs[1] == ':' && abs[2] == '\\':
		return `\\?\` + abs
	}
	return abs
}
