package pdf

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// ReportPage is a program's outcome report in one language, as a funder reads it: every text
// already in that language and every small group already suppressed by the caller (this
// package counts nothing and hides nothing; it draws what it is given).
type ReportPage struct {
	// Lang is the page's language ("en" or "fr"), for /Lang and the order of pages.
	Lang     string
	Title    string
	Subtitle string
	Facts    []ReportFact
	Charts   []ReportChart
	// Note says which groups are not shown and why, under the charts.
	Note string
}

// ReportFact is one headline figure ("Learners: 200"), or its suppression text.
type ReportFact struct{ Label, Value string }

// ReportChart is one horizontal bar chart: a heading and one bar per group.
type ReportChart struct {
	Title string
	Bars  []ReportBar
}

// ReportBar is one group: its label and count, or, when Hidden is set, no bar at all and
// Hidden's text ("fewer than 5: not shown") in its place.
type ReportBar struct {
	Label  string
	Count  int
	Hidden string
}

// Geometry of the report's charts, in millimetres.
const (
	reportLabelW = 74.0
	reportValueW = 14.0
	reportBarH   = 3.0
	reportRowH   = 4.4
	reportBarX   = marginX + reportLabelW + 2
	reportBarW   = contentW - reportLabelW - 2 - reportValueW
)

// colorBar is the bars' fill: the accent, dark enough on white for print and low vision.
const colorBar rgb = 0x2F6DA3

// RenderReport draws the report pages (one language after the other) with the portfolio's
// fonts, and writes the PDF to w. date is the document's date (injected, for repeatable files).
func RenderReport(ctx context.Context, pages []ReportPage, date time.Time, w io.Writer) error {
	if len(pages) == 0 {
		return fmt.Errorf("render report: no page")
	}
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	doc, err := newDocument(fs)
	if err != nil {
		return err
	}
	rw := &reportWriter{pdf: doc, fs: fs}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		rw.page(p)
		if doc.Err() {
			return fmt.Errorf("render report: %w", doc.Error())
		}
	}
	title := fs.line(pages[0].Title)
	doc.SetTitle(title, true)
	doc.SetSubject(fs.line(pages[0].Subtitle), true)
	doc.SetCreator("Passerelle", true)
	doc.SetProducer(producer, true)
	doc.SetLang(pages[0].Lang + "-CA")
	doc.SetCreationDate(date)
	doc.SetModificationDate(date)
	if err := doc.Output(w); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// reportWriter lays out report pages top to bottom, starting a new page when one is full.
type reportWriter struct {
	pdf *fpdf.Fpdf
	fs  *fonts
	y   float64
}

func (w *reportWriter) newPage() {
	w.pdf.AddPage()
	w.y = marginTop
}

// ensure starts a new page when h more millimetres would not fit.
func (w *reportWriter) ensure(h float64) {
	if w.y+h > contentBot {
		w.newPage()
	}
}

func (w *reportWriter) text(s string, x, y float64, st style, size float64, c rgb) float64 {
	ln := w.fs.shape(w.fs.line(s), st, size)
	w.pdf.SetTextColor(c.parts())
	for _, rn := range ln.runs {
		w.pdf.SetFont(rn.face.family, rn.face.fpdfStyle, size)
		w.pdf.SetXY(x, y)
		w.pdf.CellFormat(rn.w, lineH(size), rn.text, "", 0, "L", false, 0, "")
		x += rn.w
	}
	return ln.w
}

func (w *reportWriter) para(s string, st style, size float64, c rgb) {
	for _, ln := range w.fs.wrap(w.fs.clean(s), st, size, contentW) {
		w.ensure(lineH(size))
		w.text(ln.text(), marginX, w.y, st, size, c)
		w.y += lineH(size)
	}
}

// page draws one language's report: title, headline figures, charts, the suppression note.
func (w *reportWriter) page(p ReportPage) {
	w.newPage()
	w.para(p.Title, bold, sizeH1, colorAccent)
	w.para(p.Subtitle, regular, sizeSmall, colorMuted)
	w.y += sectionGap / 2
	for _, f := range p.Facts { // a label column, the figure beside it: no colon to typeset per language
		lines := w.fs.wrap(w.fs.clean(f.Label), regular, sizeBody, reportLabelW+reportBarW/2)
		w.ensure(lineH(sizeBody) * float64(len(lines)))
		for i, ln := range lines {
			w.text(ln.text(), marginX, w.y+float64(i)*lineH(sizeBody), regular, sizeBody, colorInk)
		}
		w.text(f.Value, reportBarX+reportBarW/2, w.y+float64(len(lines)-1)*lineH(sizeBody), bold, sizeBody, colorInk)
		w.y += lineH(sizeBody)*float64(len(lines)) + 1
	}
	for _, c := range p.Charts {
		w.chart(c)
	}
	w.y += sectionGap / 2
	w.para(p.Note, italic, sizeSmall, colorMuted)
}

// chart draws one bar chart: each group's label, then its bar and count, or the text that
// says it is not shown (no bar, no number).
func (w *reportWriter) chart(c ReportChart) {
	w.y += sectionGap * 0.7
	w.ensure(lineH(sizeH2) + reportRowH*2)
	w.para(c.Title, bold, sizeH2, colorInk)
	w.y += 1
	most := 1
	for _, b := range c.Bars {
		if b.Hidden == "" && b.Count > most {
			most = b.Count
		}
	}
	for _, b := range c.Bars {
		w.ensure(reportRowH)
		label := w.fs.truncate(w.fs.line(b.Label), regular, sizeSmall, reportLabelW)
		w.text(label.text(), marginX, w.y, regular, sizeSmall, colorInk)
		if b.Hidden != "" {
			w.text(b.Hidden, reportBarX, w.y, italic, sizeSmall, colorMuted)
		} else {
			bw := reportBarW * float64(b.Count) / float64(most)
			if b.Count > 0 && bw < 0.6 {
				bw = 0.6
			}
			w.pdf.SetFillColor(colorBar.parts())
			w.pdf.Rect(reportBarX, w.y+(reportRowH-reportBarH)/2-0.4, bw, reportBarH, "F")
			w.text(strconv.Itoa(b.Count), reportBarX+bw+1.5, w.y, bold, sizeSmall, colorInk)
		}
		w.y += reportRowH
	}
}
