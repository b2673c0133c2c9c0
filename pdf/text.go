package pdf

import "strings"

// ptPerMM converts font sizes (points) to page units (millimetres).
const ptPerMM = 72 / 25.4

// run is a stretch of one line drawn with one face.
type run struct {
	face *face
	text string
	w    float64 // mm
}

// line is one laid-out line: its runs left to right and its width.
type line struct {
	runs []run
	w    float64
}

// text returns what the line says, for truncation and tests.
func (l line) text() string {
	var b strings.Builder
	for _, r := range l.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// shape splits clean text into runs by face; characters no face has were replaced by clean.
func (fs *fonts) shape(s string, st style, size float64) line {
	var ln line
	var cur *face
	var b strings.Builder
	units := 0
	flush := func() {
		if b.Len() > 0 {
			w := float64(units) * size / 1000 / ptPerMM
			ln.runs = append(ln.runs, run{face: cur, text: b.String(), w: w})
			ln.w += w
		}
		b.Reset()
		units = 0
	}
	for _, r := range s {
		f := fs.faceFor(r, st)
		if f == nil {
			f, r = fs.latin[st], replacement
		}
		if f != cur {
			flush()
			cur = f
		}
		b.WriteRune(r)
		units += max(fs.advance(f, r), 0)
	}
	flush()
	return ln
}

// width is how wide clean text is, in millimetres: shape's sum, without building the runs.
func (fs *fonts) width(s string, st style, size float64) float64 {
	units := 0
	for _, r := range s {
		f := fs.faceFor(r, st)
		if f == nil {
			f, r = fs.latin[st], replacement
		}
		units += max(fs.advance(f, r), 0)
	}
	return float64(units) * size / 1000 / ptPerMM
}

// wrap breaks clean text into lines no wider than width: at spaces, at explicit line breaks,
// and inside a word only when the word alone is wider than the line (a URL, a SHA-256).
func (fs *fonts) wrap(s string, st style, size, width float64) []line {
	var out []line
	space := fs.width(" ", st, size)
	for _, para := range strings.Split(s, "\n") {
		var cur []string
		curW := 0.0
		flush := func() {
			out = append(out, fs.shape(strings.Join(cur, " "), st, size))
			cur, curW = nil, 0
		}
		ws := words(para)
		if len(ws) == 0 {
			flush()
			continue
		}
		for _, w := range ws {
			ww := fs.width(w, st, size)
			if len(cur) > 0 && curW+space+ww <= width {
				cur, curW = append(cur, w), curW+space+ww
				continue
			}
			if len(cur) > 0 {
				flush()
			}
			for ww > width {
				head, tail := fs.split(w, st, size, width)
				cur = []string{head}
				flush()
				w = tail
				ww = fs.width(w, st, size)
			}
			cur, curW = []string{w}, ww
		}
		flush()
	}
	return out
}

// split cuts a word that is wider than width after as many characters as fit (at least
// one), preferring to cut after a hyphen, dot, slash or underscore, as in a file name or URL.
func (fs *fonts) split(w string, st style, size, width float64) (string, string) {
	rs := []rune(w)
	total, soft := 0.0, 0
	for i, r := range rs {
		f := fs.faceFor(r, st)
		if f == nil {
			f, r = fs.latin[st], replacement
		}
		total += float64(max(fs.advance(f, r), 0)) * size / 1000 / ptPerMM
		if total > width && i > 0 {
			if soft > 0 {
				i = soft
			}
			return string(rs[:i]), string(rs[i:])
		}
		if strings.ContainsRune("-./_", r) {
			soft = i + 1
		}
	}
	return w, ""
}

// truncate shortens clean text to one line of width, ending with an ellipsis when cut.
func (fs *fonts) truncate(s string, st style, size, width float64) line {
	ln := fs.shape(s, st, size)
	if ln.w <= width {
		return ln
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi { // longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if fs.width(strings.TrimRight(string(rs[:mid]), " ")+"…", st, size) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return fs.shape(strings.TrimRight(string(rs[:lo]), " ")+"…", st, size)
}
