package pdf

// The building blocks every section is made of: headings, labelled fields, lists with page
// references, and marked notes.

// section starts a top-level section on a new page, with its bookmark and anchor.
func (r *renderer) section(anchor string, get func(*Labels) string) error {
	if err := r.step(); err != nil {
		return err
	}
	title := r.fixed(get)
	r.startPage(title)
	r.bookmark(title, 0)
	r.anchor(anchor)
	r.heading(title, sizeH1, colorAccent)
	r.rule(r.y, colorAccent, 0.5)
	r.y += sectionGap
	return nil
}

// heading draws a bold title that keeps at least two lines of what follows with it.
func (r *renderer) heading(title string, size float64, c rgb) {
	lns := r.fs.wrap(r.fs.clean(title), bold, size, contentW)
	r.ensure(float64(len(lns))*lineH(size) + 2*lineH(sizeBody))
	r.color(c)
	r.lines(lns, marginX, size)
	r.color(colorInk)
	r.y += 1
}

// subheading is a small bold label above a block of text.
func (r *renderer) subheading(title string) {
	r.y += paraGap
	r.heading(title, sizeBody, colorAccent)
}

// field draws "label   value" with the label in its own column; empty values are skipped so
// a sparse record does not print a column of blanks.
func (r *renderer) field(label, value string) {
	value = r.fs.clean(value)
	if value == "" {
		return
	}
	h := lineH(sizeBody)
	lbl := r.fs.wrap(r.fs.clean(label), bold, sizeSmall, labelW-3)
	val := r.fs.wrap(value, regular, sizeBody, contentW-labelW)
	r.ensure(float64(max(len(lbl), min(len(val), 3))) * h)
	y0, p0 := r.y, r.page
	r.color(colorMuted)
	for i, ln := range lbl {
		r.draw(ln, marginX, y0+float64(i)*h, sizeSmall, 0)
	}
	r.color(colorInk)
	r.lines(val, marginX+labelW, sizeBody)
	if r.page == p0 {
		r.y = max(r.y, y0+float64(len(lbl))*h)
	}
	r.y += 0.8
}

// fixedField is a field whose label comes from Labels.
func (r *renderer) fixedField(get func(*Labels) string, value string) {
	r.field(r.fixed(get), value)
}

// ref is one entry of a list that points elsewhere in the PDF: its text, and the anchor
// whose page number is printed in the right-hand column and linked.
type ref struct {
	text   string
	anchor string
}

// refList draws a bulleted list whose page numbers sit in their own column, so the layout
// does not depend on them and the measuring pass matches the drawing pass.
func (r *renderer) refList(items []ref) {
	h := lineH(sizeBody)
	for _, it := range items {
		lns := r.fs.wrap(r.fs.clean(it.text), regular, sizeBody, contentW-bulletIndent-refW)
		r.ensure(float64(min(len(lns), 2)) * h)
		r.draw(r.fs.shape("•", regular, sizeBody), marginX+1, r.y, sizeBody, 0)
		y0 := r.y
		link := 0
		if it.anchor != "" && r.pdf != nil {
			link = r.link(it.anchor)
		}
		if p := r.pageOf(it.anchor); p != "" {
			label := with(r.opts.labels(r.tongues[0]).PageRef, "Page", p)
			r.color(colorAccent)
			r.drawRight(r.fs.line(label), marginX+contentW-refW, refW, y0, regular, sizeSmall, link)
			r.color(colorInk)
		}
		for _, ln := range lns {
			r.ensure(h)
			r.draw(ln, marginX+bulletIndent, r.y, sizeBody, link)
			r.y += h
		}
		r.y += 0.6
	}
}

// bullets draws a plain bulleted list.
func (r *renderer) bullets(items []string) {
	refs := make([]ref, len(items))
	for i, s := range items {
		refs[i] = ref{text: s}
	}
	r.refList(refs)
}

// notice draws a shaded, bordered box: how a page says clearly that something is missing or
// not reproduced.
func (r *renderer) notice(title string, body []string) {
	pad := 3.0
	tl := r.fs.wrap(r.fs.clean(title), bold, sizeBody, contentW-2*pad)
	var bl [][]line
	height := float64(len(tl))*lineH(sizeBody) + 2*pad
	for _, b := range body {
		lns := r.fs.wrap(r.fs.clean(b), regular, sizeBody, contentW-2*pad)
		bl = append(bl, lns)
		height += float64(len(lns))*lineH(sizeBody) + 1
	}
	r.ensure(min(height, contentBot-marginTop))
	r.rect(marginX, r.y, contentW, height, colorWarnBg, colorWarn)
	r.y += pad
	r.color(colorWarn)
	for _, ln := range tl {
		r.draw(ln, marginX+pad, r.y, sizeBody, 0)
		r.y += lineH(sizeBody)
	}
	r.color(colorInk)
	for _, lns := range bl {
		r.y++
		for _, ln := range lns {
			r.draw(ln, marginX+pad, r.y, sizeBody, 0)
			r.y += lineH(sizeBody)
		}
	}
	r.y += pad + paraGap
}
