package pdf

import (
	"context"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// Page geometry, in millimetres, for US Letter, the paper Canadian institutions print on.
const (
	pageW        = 215.9
	pageH        = 279.4
	marginX      = 20.0
	marginTop    = 20.0
	contentW     = pageW - 2*marginX
	contentBot   = pageH - 22.0 // text never goes below this line
	footerRuleY  = pageH - 16.0
	footerTextY  = pageH - 14.5
	runningY     = 11.0 // the running header of a section's continuation pages
	gutter       = 7.0  // between the two language columns of a bilingual page
	columnW      = (contentW - gutter) / 2
	labelW       = 46.0 // the label column of a field list
	paraGap      = 2.2  // between paragraphs and blocks
	sectionGap   = 6.0
	lineSpacing  = 1.38 // line height as a multiple of the font size
	refW         = 16.0 // the right-hand column that holds "p. 12"
	bulletIndent = 5.0
)

// Type sizes, in points.
const (
	sizeCoverTitle = 22.0
	sizeCoverName  = 18.0
	sizeH1         = 16.0
	sizeH2         = 12.5
	sizeBody       = 10.0
	sizeSmall      = 8.5
	sizeFooter     = 7.5
)

// rgb is a colour as 0xRRGGBB; the palette keeps text dark enough for print and low vision.
type rgb uint32

// The palette.
const (
	colorInk    rgb = 0x1C2026
	colorMuted  rgb = 0x525A66
	colorAccent rgb = 0x004E8A
	colorRule   rgb = 0xC4CAD2
	colorShade  rgb = 0xF0F3F7
	colorWarn   rgb = 0xB05400
	colorWarnBg rgb = 0xFFF4E5
	noBorder    rgb = 1 << 24
)

func (c rgb) parts() (int, int, int) { return int(c >> 16 & 0xFF), int(c >> 8 & 0xFF), int(c & 0xFF) }

// renderer lays out one pass of the document. The measuring pass has no pdf and draws
// nothing; it only learns where every anchor lands and how many pages there are, which the
// drawing pass then prints in the contents, the index and the footers.
type renderer struct {
	ctx     context.Context
	pdf     *fpdf.Fpdf // nil while measuring
	fs      *fonts
	v       *view
	opts    *Options
	tongues []Language
	page    int
	y       float64
	anchors map[string]int    // anchor → page, as laid out in this pass
	known   map[string]int    // anchor → page, from the measuring pass
	total   int               // page count, from the measuring pass
	links   map[string]int    // anchor → fpdf link
	forms   map[string]string // form XObject name → import key, of copied PDF pages
	running string            // the title repeated at the top of continuation pages
	done    int               // progress steps so far
}

func lineH(size float64) float64 { return size * lineSpacing / ptPerMM }

// newPage starts a page; fpdf draws the footer of the page it leaves. A page that continues
// a section or a claim says at its top which one, so a loose printed page still makes sense.
func (r *renderer) newPage() {
	r.page++
	r.y = marginTop
	if r.pdf == nil {
		return
	}
	r.pdf.AddPage()
	if r.running != "" {
		r.color(colorMuted)
		r.draw(r.fs.truncate(r.fs.line(r.running), italic, sizeFooter, contentW), marginX, runningY, sizeFooter, 0)
		r.color(colorInk)
	}
}

// startPage starts a page that opens something new, then names it for the pages that follow.
func (r *renderer) startPage(title string) {
	r.running = ""
	r.newPage()
	r.running = title
}

// ensure starts a new page unless h more millimetres fit on this one.
func (r *renderer) ensure(h float64) {
	if r.page == 0 || r.y+h > contentBot {
		r.newPage()
	}
}

// room is how much height is left on the page.
func (r *renderer) room() float64 { return contentBot - r.y }

// anchor marks the current position as the target of contents entries and page references.
func (r *renderer) anchor(name string) {
	r.anchors[name] = r.page
	if r.pdf != nil {
		r.pdf.SetLink(r.link(name), r.y, -1)
	}
}

// link is the fpdf link for an anchor, made on first use.
func (r *renderer) link(name string) int {
	if id, ok := r.links[name]; ok {
		return id
	}
	id := r.pdf.AddLink()
	r.links[name] = id
	return id
}

// pageOf is the printed page of an anchor ("" while measuring or when it is not in the PDF).
func (r *renderer) pageOf(name string) string {
	if p, ok := r.known[name]; ok && r.pdf != nil {
		return strconv.Itoa(p)
	}
	return ""
}

// bookmark adds an outline entry at the current position.
func (r *renderer) bookmark(title string, level int) {
	if r.pdf != nil {
		r.setFont(r.fs.latin[regular], sizeBody)
		r.pdf.Bookmark(r.fs.line(title), level, r.y)
	}
}

func (r *renderer) setFont(f *face, size float64) {
	r.pdf.SetFont(f.family, f.fpdfStyle, size)
}

func (r *renderer) color(c rgb) {
	if r.pdf != nil {
		r.pdf.SetTextColor(c.parts())
	}
}

// draw puts one laid-out line at x with its top at y; link, when not 0, covers the line.
func (r *renderer) draw(ln line, x, y, size float64, link int) {
	if r.pdf == nil {
		return
	}
	h := lineH(size)
	for _, rn := range ln.runs {
		r.setFont(rn.face, size)
		r.pdf.SetXY(x, y)
		r.pdf.CellFormat(rn.w, h, rn.text, "", 0, "L", false, 0, "")
		x += rn.w
	}
	if link != 0 {
		r.pdf.Link(x-ln.w, y, ln.w, h, link)
	}
}

// drawRight puts clean text flush right against x+w.
func (r *renderer) drawRight(s string, x, w, y float64, st style, size float64, link int) {
	ln := r.fs.shape(s, st, size)
	r.draw(ln, x+w-ln.w, y, size, link)
}

// rule draws a horizontal line across the content width.
func (r *renderer) rule(y float64, c rgb, width float64) {
	if r.pdf == nil {
		return
	}
	r.pdf.SetDrawColor(c.parts())
	r.pdf.SetLineWidth(width)
	r.pdf.Line(marginX, y, marginX+contentW, y)
}

// rect fills a rectangle, with a border unless border is noBorder.
func (r *renderer) rect(x, y, w, h float64, fill, border rgb) {
	if r.pdf == nil {
		return
	}
	r.pdf.SetFillColor(fill.parts())
	style := "F"
	if border != noBorder {
		r.pdf.SetDrawColor(border.parts())
		r.pdf.SetLineWidth(0.3)
		style = "FD"
	}
	r.pdf.Rect(x, y, w, h, style)
}

// lines draws wrapped lines at x, breaking pages as needed.
func (r *renderer) lines(lns []line, x, size float64) {
	h := lineH(size)
	for _, ln := range lns {
		r.ensure(h)
		r.draw(ln, x, r.y, size, 0)
		r.y += h
	}
}

// para wraps and draws text at x within w.
func (r *renderer) para(s string, x, w float64, st style, size float64, c rgb) {
	r.color(c)
	r.lines(r.fs.wrap(r.fs.clean(s), st, size, w), x, size)
	r.color(colorInk)
}

// step reports progress once per section or evidence item of the drawing pass.
func (r *renderer) step() error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if r.pdf != nil && r.opts.Progress != nil {
		r.done++
		r.opts.Progress(r.done, r.v.steps())
	}
	return nil
}
