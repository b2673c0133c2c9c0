package portfolio

import (
	"fmt"
	"net/url"
	"strings"
)

// sqliteURI is the SQLite URI (https://sqlite.org/uri.html) that opens the file at abs, an
// absolute path, with the query q. net/url is not used: it reads a Windows drive letter as a
// host ("invalid uri authority: C:%5C…"). Here the path, as the platform's VFS wants it
// (vfsPath), follows "file://" and one slash, every byte but letters, digits and "-._~/"
// percent-encoded; SQLite's Windows VFS drops that slash before "C:" or "\\?\".
func sqliteURI(abs string, q url.Values) string {
	p := vfsPath(abs)
	if vfs := longPathVFS; vfs != "" {
		q.Set("vfs", vfs)
	}
	var b strings.Builder
	b.WriteString("file://")
	if !strings.HasPrefix(p, "/") {
		b.WriteByte('/')
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	if len(q) > 0 {
		b.WriteByte('?')
		b.WriteString(q.Encode())
	}
	return b.String()
}
