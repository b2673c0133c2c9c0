package pdf

import (
	"bytes"
	"io"
	"strconv"
)

// maxTail is how much of fpdf's output is kept for the incremental update appended after
// it: the catalog and the cross-reference table, 20 bytes an object, so 50,000 objects.
const maxTail = 1 << 20

// outWriter passes fpdf's output through with three jobs. It declares the PDF version the
// file really needs: fpdf writes "%PDF-1.3" unless transparency is used, yet /Lang and XMP
// are PDF 1.4 and the attachments' Unicode file names (/UF) PDF 1.7, which strict validators
// flag; one byte changes in place, so every offset stays valid. It keeps the end of the
// output, where the catalog and trailer are, and the page objects whose links fpdf writes
// inline, for the update appended after it (update.go).
type outWriter struct {
	w       io.Writer
	written int64
	tail    []byte
	linked  []pageObject
}

// pageObject is a page dictionary as fpdf wrote it.
type pageObject struct {
	num  int
	dict string
}

func (o *outWriter) Write(p []byte) (int, error) {
	o.keep(p)
	o.linked = append(o.linked, linkedPages(p)...)
	if o.written == 0 && bytes.HasPrefix(p, []byte("%PDF-1.3")) {
		i := len("%PDF-1.")
		patched := []byte{'7'}
		for _, part := range [][]byte{p[:i], patched, p[i+1:]} {
			n, err := o.w.Write(part)
			o.written += int64(n)
			if err != nil {
				return int(o.written), err
			}
		}
		return len(p), nil
	}
	n, err := o.w.Write(p)
	o.written += int64(n)
	return n, err
}

// linkedPages finds the page objects with an /Annots array in a chunk of output.
func linkedPages(p []byte) []pageObject {
	var out []pageObject
	for at := 0; ; {
		i := bytes.Index(p[at:], []byte("\n/Annots ["))
		if i < 0 {
			return out
		}
		i += at
		start := bytes.LastIndex(p[:i], []byte(" 0 obj\n<</Type /Page\n"))
		end := bytes.Index(p[i:], []byte("\nendobj"))
		if start < 0 || end < 0 {
			return out
		}
		numStart := bytes.LastIndexByte(p[:start], '\n') + 1
		num, err := strconv.Atoi(string(p[numStart:start]))
		if err == nil {
			out = append(out, pageObject{num: num, dict: string(p[start+len(" 0 obj\n") : i+end])})
		}
		at = i + end
	}
}

func (o *outWriter) keep(p []byte) {
	if len(p) >= maxTail {
		o.tail = append(o.tail[:0], p[len(p)-maxTail:]...)
		return
	}
	o.tail = append(o.tail, p...)
	if len(o.tail) > maxTail {
		o.tail = append(o.tail[:0], o.tail[len(o.tail)-maxTail:]...)
	}
}
