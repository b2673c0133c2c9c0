package pdf

import (
	"strconv"
	"strings"
)

// footerNameW is the widest the learner's name may run before it is cut with an ellipsis,
// short of the document ID centred on the page.
const footerNameW = 68.0

// footer is drawn by fpdf on every page as it closes: learner, document ID, "Page X of Y" in
// the output language(s). Y comes from the measuring pass, so it is right on page 1.
func (r *renderer) footer() {
	page := strconv.Itoa(r.pdf.PageNo())
	total := strconv.Itoa(r.total)
	r.rule(footerRuleY, colorRule, 0.2)
	r.color(colorMuted)
	name := r.fs.truncate(r.fs.line(r.v.learnerName()), regular, sizeFooter, footerNameW)
	r.draw(name, marginX, footerTextY, sizeFooter, 0)
	doc := r.fixed(func(l *Labels) string { return with(l.FooterDocument, "Id", r.v.docID) })
	ln := r.fs.shape(r.fs.line(doc), regular, sizeFooter)
	r.draw(ln, marginX+(contentW-ln.w)/2, footerTextY, sizeFooter, 0)
	var parts []string
	for _, t := range r.tongues {
		parts = append(parts, with(r.opts.labels(t).FooterPage, "Page", page, "Total", total))
	}
	r.drawRight(r.fs.line(strings.Join(parts, " · ")), marginX, contentW, footerTextY, bold, sizeFooter, 0)
	r.color(colorInk)
}
