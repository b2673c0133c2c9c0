package pdf

import "strings"

// Fixed text comes from Labels, one per output language; learner text comes as Text, in the
// languages the learner wrote. These helpers put either on the page in every output.

// fixed joins a label in every output language: "Learner profile / Profil de la personne
// apprenante" in a bilingual PDF, just one of them otherwise. Identical texts show once.
func (r *renderer) fixed(get func(*Labels) string) string {
	var parts []string
	for _, t := range r.tongues {
		s := get(r.opts.labels(t))
		if len(parts) == 0 || parts[len(parts)-1] != s {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " / ")
}

// each returns the label in every output language, in page order.
func (r *renderer) each(get func(*Labels) string) []string {
	out := make([]string, len(r.tongues))
	for i, t := range r.tongues {
		out[i] = get(r.opts.labels(t))
	}
	return out
}

// in is the learner's text in one language.
func in(t Text, l Language) string {
	if l == French {
		return strings.TrimSpace(t.FR)
	}
	return strings.TrimSpace(t.EN)
}

// shown is one piece of learner text to lay out and, when it is not in the output
// language, which language it was written in.
type shown struct {
	text    string
	written Language // "" when it is in the output language
}

// pick chooses what to show of a learner's text: in a one-language PDF, that language or
// else the other one marked as such; in a bilingual PDF, each language the learner wrote.
func (r *renderer) pick(t Text) []shown {
	var out []shown
	for _, l := range r.tongues {
		if s := in(t, l); s != "" {
			out = append(out, shown{text: s})
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, l := range []Language{English, French} {
		if s := in(t, l); s != "" {
			return []shown{{text: s, written: l}}
		}
	}
	return nil
}

// first is the learner's text in the first output language, else in any, for one-line uses
// (contents, bookmarks, table cells).
func (r *renderer) first(t Text) string {
	if p := r.pick(t); len(p) > 0 {
		return p[0].text
	}
	return ""
}

// writtenIn is the note that says which language a text was written in, in the output
// language(s).
func (r *renderer) writtenIn(l Language) string {
	if l == French {
		return r.fixed(func(l *Labels) string { return l.WrittenInFrench })
	}
	return r.fixed(func(l *Labels) string { return l.WrittenInEnglish })
}

// learnerText lays out learner text: side by side when both languages are there in a
// bilingual PDF, else across the page with a note when it is in the other language.
func (r *renderer) learnerText(t Text, st style, size float64) {
	p := r.pick(t)
	switch {
	case len(p) == 2:
		r.columns(p[0].text, p[1].text, st, size, colorInk)
	case len(p) == 1:
		if p[0].written != "" {
			r.para("("+r.writtenIn(p[0].written)+")", marginX, contentW, italic, sizeSmall, colorMuted)
		}
		r.para(p[0].text, marginX, contentW, st, size, colorInk)
	}
}

// fixedText lays out a paragraph of fixed text: in two columns when bilingual.
func (r *renderer) fixedText(get func(*Labels) string, st style, size float64, c rgb) {
	s := r.each(get)
	if len(s) == 2 {
		r.columns(s[0], s[1], st, size, c)
		return
	}
	r.para(s[0], marginX, contentW, st, size, c)
}

// columns lays two texts side by side. Each page's share of the left column is written
// before the right one's, so text extraction and screen readers read one language, then
// the other, never the two interleaved line by line.
func (r *renderer) columns(left, right string, st style, size float64, c rgb) {
	h := lineH(size)
	ls := r.fs.wrap(r.fs.clean(left), st, size, columnW)
	rs := r.fs.wrap(r.fs.clean(right), st, size, columnW)
	r.color(c)
	for len(ls) > 0 || len(rs) > 0 {
		r.ensure(h)
		n := max(1, int(r.room()/h))
		y0 := r.y
		nl, nr := min(n, len(ls)), min(n, len(rs))
		for i, ln := range ls[:nl] {
			r.draw(ln, marginX, y0+float64(i)*h, size, 0)
		}
		for i, ln := range rs[:nr] {
			r.draw(ln, marginX+columnW+gutter, y0+float64(i)*h, size, 0)
		}
		ls, rs = ls[nl:], rs[nr:]
		r.y = y0 + float64(max(nl, nr))*h
	}
	r.color(colorInk)
}
