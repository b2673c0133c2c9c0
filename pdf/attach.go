package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
)

// The original files are attached in the incremental update (update.go), not with fpdf's
// SetAttachments: fpdf writes those objects before the pages yet numbers every link and
// bookmark destination as if the pages came first, so each internal link and bookmark
// pointed at an attachment instead of a page.

// attachment is one embedded file: its bytes, or how to read them when they are written, so
// that a file the caller did not load is in memory only while it is copied out.
type attachment struct {
	name, desc string
	data       []byte
	open       func() ([]byte, error)
	deflate    bool // false for formats that are compressed already (JPEG, PNG, PDF, ZIP…)
}

// attach writes the embedded files and returns the catalog's new name tree.
func (u *update) attach(files []attachment) (string, error) {
	var names []string
	for i, f := range files {
		stream, spec := u.next, u.next+1
		u.next += 2
		orig := f.data
		if orig == nil && f.open != nil {
			var err error
			if orig, err = f.open(); err != nil {
				return "", err
			}
		}
		data, filter := orig, ""
		if f.deflate {
			data, filter = deflate(orig), " /Filter /FlateDecode"
		}
		u.begin(stream)
		fmt.Fprintf(u, "<< /Type /EmbeddedFile /Length %d%s /Params << /Size %d >> >>\nstream\n", len(data), filter, len(orig))
		u.Write(data)
		io.WriteString(u, "\nendstream\nendobj\n")
		u.object(spec, fmt.Sprintf("<< /Type /Filespec /F %s /UF %s /EF << /F %d 0 R /UF %d 0 R >> /Desc %s >>",
			asciiString(f.name), utf16String(f.name), stream, stream, utf16String(f.desc)))
		// Name-tree keys must sort; zero-padded numbers keep the files in index order.
		names = append(names, fmt.Sprintf("(%06d) %d 0 R", i, spec))
	}
	return "/EmbeddedFiles << /Names [" + strings.Join(names, " ") + "] >>", u.err
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestSpeed) // a valid level cannot fail
	zw.Write(data)                                   // writing to memory cannot fail
	zw.Close()
	return b.Bytes()
}

// compressible reports formats that deflate shrinks; JPEG, PNG, PDF and the ZIP-based
// office formats are compressed already, and deflating megabytes of them only costs time.
func compressible(mediaType string) bool {
	mt := strings.ToLower(mediaType)
	for _, done := range []string{"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/avif",
		"application/pdf", "application/zip", "application/gzip", "openxmlformats", "opendocument", "+zip", "video/", "audio/"} {
		if strings.Contains(mt, done) {
			return false
		}
	}
	return true
}

// asciiString is a PDF byte string for readers that ignore /UF: the name with anything
// outside printable ASCII as an underscore.
func asciiString(s string) string {
	return "(" + strings.Map(func(r rune) rune {
		switch {
		case r == '(' || r == ')' || r == '\\':
			return '_'
		case r < 0x20 || r > 0x7E:
			return '_'
		}
		return r
	}, s) + ")"
}

// utf16String is a PDF text string in big-endian UTF-16 with its byte-order mark, as hex.
func utf16String(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
