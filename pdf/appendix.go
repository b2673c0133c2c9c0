package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Appendix geometry, in millimetres.
const (
	minFigureH   = 70.0        // less room than this and the image goes to the next page
	maxImageMMPx = 25.4 / 72.0 // never enlarge an image beyond 72 dpi: a small photo stays small
	sourceHeadH  = 8.0         // the line above a reproduced PDF page
)

// appendix shows every evidence item: images, text, the pages of PDFs, or a marked page
// that says why a file is not reproduced.
func (r *renderer) appendix() error {
	if err := r.section(anchorAppendix, func(l *Labels) string { return l.Appendix }); err != nil {
		return err
	}
	if len(r.v.evidence) == 0 {
		r.fixedText(func(l *Labels) string { return l.None }, italic, sizeBody, colorMuted)
	}
	for i, it := range r.v.evidence {
		if err := r.step(); err != nil {
			return err
		}
		if i > 0 {
			r.startPage("")
		}
		r.running = "E" + strconv.Itoa(it.n) + " — " + it.Title
		if err := r.evidencePage(it); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) evidencePage(it *item) error {
	title := "E" + strconv.Itoa(it.n) + " — " + it.Title
	r.bookmark(title, 1)
	r.anchor(evAnchor(it.n))
	r.heading(title, sizeH2, colorAccent)
	if note := r.checkFailedNote(it); note != "" {
		r.para(note, marginX, contentW, bold, sizeBody, colorWarn)
		r.y += paraGap
	}
	r.fixedField(func(l *Labels) string { return l.Kind }, r.fixed(func(l *Labels) string { return named(l.EvidenceKind, it.Kind) }))
	r.fixedField(func(l *Labels) string { return l.Date }, it.Date)
	r.fixedField(func(l *Labels) string { return l.Verifier }, strings.Join(nonEmpty(it.VerifierName, it.VerifierRole), ", "))
	r.fixedField(func(l *Labels) string { return l.VerifierContact }, it.VerifierContact)
	r.fixedField(func(l *Labels) string { return l.File }, it.fileName)
	r.fixedField(func(l *Labels) string { return l.Format }, it.MediaType)
	r.fixedField(func(l *Labels) string { return l.Size }, r.byteSize(it.size()))
	r.fixedField(func(l *Labels) string { return l.SHA256 }, strings.ToLower(it.SHA256))
	if len(it.AddedAt) >= 10 {
		r.fixedField(func(l *Labels) string { return l.AddedOn }, it.AddedAt[:10])
	}
	whereOriginal := r.fixed(func(l *Labels) string { return l.OriginalAttached })
	if !it.attached {
		whereOriginal = r.fixed(func(l *Labels) string { return l.OriginalNotAttached })
	}
	r.y += paraGap
	switch it.show.kind {
	case showImage:
		r.para(whereOriginal, marginX, contentW, italic, sizeSmall, colorMuted)
		r.y += paraGap
		r.image(it)
	case showText:
		r.para(whereOriginal, marginX, contentW, italic, sizeSmall, colorMuted)
		r.y += paraGap
		r.rule(r.y, colorRule, 0.2)
		r.y += paraGap
		r.para(it.show.text, marginX, contentW, regular, sizeBody, colorInk)
		if it.show.truncated {
			r.y += paraGap
			r.fixedText(func(l *Labels) string { return l.TextTruncated }, italic, sizeSmall, colorWarn)
		}
	case showPDF:
		r.para(whereOriginal, marginX, contentW, italic, sizeSmall, colorMuted)
		r.fixedText(func(l *Labels) string { return with(l.PDFFollows, "Pages", strconv.Itoa(it.show.src.pages)) }, italic, sizeSmall, colorMuted)
		return r.sourcePages(it)
	default:
		r.notice(r.fixed(func(l *Labels) string { return l.NotReproduced }),
			append(r.each(it.show.note), whereOriginal))
	}
	return nil
}

// image fits the display copy into what is left of the page, or a fresh page when too little
// is left, never enlarging it beyond 72 dpi.
func (r *renderer) image(it *item) {
	if r.room() < minFigureH {
		r.newPage()
	}
	pxW, pxH := float64(it.show.w), float64(it.show.h)
	scale := min(contentW/pxW, r.room()/pxH, maxImageMMPx)
	w, h := pxW*scale, pxH*scale
	x := marginX + (contentW-w)/2
	if r.pdf != nil {
		name := "evidence-" + strconv.Itoa(it.n)
		opts := fpdf.ImageOptions{ImageType: "JPG"}
		r.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(it.show.jpeg))
		r.pdf.ImageOptions(name, x, r.y, w, h, false, opts, 0, "")
		r.pdf.SetDrawColor(colorRule.parts())
		r.pdf.SetLineWidth(0.2)
		r.pdf.Rect(x, r.y, w, h, "D")
	}
	r.y += h
}

// sourcePages reproduces each page of an evidence PDF on its own portfolio page, under a line
// that says whose page it is, so the footer and page numbers still frame it.
func (r *renderer) sourcePages(it *item) error {
	src := it.show.src
	for p := 1; p <= src.pages; p++ {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		r.startPage("") // the line above the page names it
		head := "E" + strconv.Itoa(it.n) + " " + it.Title + " — " + r.fixed(func(l *Labels) string {
			return with(l.PDFPage, "Page", strconv.Itoa(p), "Pages", strconv.Itoa(src.pages))
		})
		r.color(colorMuted)
		r.draw(r.fs.truncate(r.fs.line(head), italic, sizeSmall, contentW), marginX, r.y, sizeSmall, 0)
		r.color(colorInk)
		r.y += sourceHeadH
		if r.pdf == nil {
			continue
		}
		f, err := src.pageForm("E"+strconv.Itoa(it.n), p)
		if err != nil {
			r.notice(r.fixed(func(l *Labels) string { return l.NotReproduced }), r.each(func(l *Labels) string { return l.PDFUnreadable }))
			continue
		}
		r.placeForm(f, marginX, r.y, contentW, contentBot-r.y)
		r.forms[f.name] = f.key
	}
	r.y = contentBot
	return nil
}

// placeForm draws a copied page centred in the box, scaled to fit and turned upright the way
// its /Rotate asks.
func (r *renderer) placeForm(f form, x, y, w, h float64) {
	llx, lly, urx, ury := f.box.LL.X, f.box.LL.Y, f.box.UR.X, f.box.UR.Y
	bw, bh := urx-llx, ury-lly
	if f.rotate == 90 || f.rotate == 270 {
		bw, bh = bh, bw
	}
	s := min(w*ptPerMM/bw, h*ptPerMM/bh)
	dw, dh := bw*s/ptPerMM, bh*s/ptPerMM
	X := (x + (w-dw)/2) * ptPerMM
	Y := (pageH - (y + dh)) * ptPerMM
	m := [6]float64{s, 0, 0, s, X - s*llx, Y - s*lly}
	switch f.rotate {
	case 90:
		m = [6]float64{0, -s, s, 0, X - s*lly, Y + s*urx}
	case 180:
		m = [6]float64{-s, 0, 0, -s, X + s*urx, Y + s*ury}
	case 270:
		m = [6]float64{0, s, -s, 0, X + s*ury, Y - s*llx}
	}
	r.pdf.RawWriteStr(fmt.Sprintf("q %.5f %.5f %.5f %.5f %.4f %.4f cm %s Do Q\n", m[0], m[1], m[2], m[3], m[4], m[5], f.name))
	r.pdf.SetDrawColor(colorRule.parts())
	r.pdf.SetLineWidth(0.2)
	r.pdf.Rect(x+(w-dw)/2, y, dw, dh, "D")
}

// byteSize is "2.9 MB" in English and "2,9 Mo" in French.
func (r *renderer) byteSize(n int64) string {
	var parts []string
	for _, t := range r.tongues {
		units, dec := []string{"B", "KB", "MB", "GB"}, "."
		if t == French {
			units, dec = []string{"o", "ko", "Mo", "Go"}, ","
		}
		f, u := float64(n), 0
		for f >= 1000 && u < len(units)-1 {
			f, u = f/1000, u+1
		}
		s := strconv.FormatFloat(f, 'f', 1, 64)
		if u == 0 {
			s = strconv.FormatInt(n, 10)
		}
		s = strings.Replace(s, ".", dec, 1) + "\u00A0" + units[u]
		if len(parts) == 0 || parts[len(parts)-1] != s {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " / ")
}
