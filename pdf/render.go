package pdf

import (
	"context"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"
)

// Result tells the export screen what was made and what was left out, so it can say so.
type Result struct {
	// DocumentID is printed on the cover and in every footer.
	DocumentID string
	// Pages is the page count.
	Pages int
	// Attached counts the original evidence files attached.
	Attached int
	// NotAttached are the titles of files over the attachment budget (listed, not carried).
	NotAttached []string
	// NotReproduced are the titles of items shown as a marked page instead of their content.
	NotReproduced []string
}

// Render lays out the portfolio and writes the PDF to w. Bad input (no target, a claim with
// no evidence, a damaged image, a 300-page PDF, emoji) gives a marked page, never an error;
// errors are a cancelled ctx, a failure to write, or a bug.
func Render(ctx context.Context, doc Document, opts Options, w io.Writer) (Result, error) {
	if _, err := ParseLanguage(string(opts.Language)); err != nil {
		return Result{}, err
	}
	for _, t := range opts.tongues() {
		if opts.labels(t).Title == "" {
			return Result{}, fmt.Errorf("%w: %s", ErrNoLabels, t)
		}
	}
	fs, err := loadFonts()
	if err != nil {
		return Result{}, err
	}
	v := newView(doc, &opts, fs)
	if err := decide(ctx, v, &opts); err != nil {
		return Result{}, err
	}
	measure := newRenderer(ctx, nil, fs, v, &opts)
	if err := measure.layout(); err != nil {
		return Result{}, err
	}
	pdf, err := newDocument(fs)
	if err != nil {
		return Result{}, err
	}
	draw := newRenderer(ctx, pdf, fs, v, &opts)
	draw.known, draw.total = measure.anchors, measure.page
	pdf.SetFooterFunc(draw.footer)
	if err := draw.layout(); err != nil {
		return Result{}, err
	}
	if draw.page != measure.page {
		return Result{}, fmt.Errorf("render PDF: layout changed between passes (%d then %d pages)", measure.page, draw.page)
	}
	draw.metadata().apply(pdf)
	attachments, err := v.attachments(fs)
	if err != nil {
		return Result{}, err
	}
	for _, it := range v.evidence {
		if it.show.kind == showPDF && it.show.src.objs != nil {
			pdf.ImportObjects(it.show.src.objs)
			pdf.ImportObjPos(it.show.src.pos)
		}
	}
	pdf.ImportTemplates(draw.forms)
	out := &outWriter{w: w}
	if err := pdf.Output(out); err != nil {
		return Result{}, fmt.Errorf("write PDF: %w", err)
	}
	if err := appendUpdate(out, attachments); err != nil {
		return Result{}, fmt.Errorf("write PDF: %w", err)
	}
	return v.result(draw.page), nil
}

func newRenderer(ctx context.Context, pdf *fpdf.Fpdf, fs *fonts, v *view, opts *Options) *renderer {
	return &renderer{ctx: ctx, pdf: pdf, fs: fs, v: v, opts: opts, tongues: opts.tongues(),
		anchors: map[string]int{}, links: map[string]int{}, forms: map[string]string{}}
}

// newDocument is an empty Letter document with the fonts registered and automatic page
// breaks off: the layout decides every break itself, identically in both passes.
func newDocument(fs *fonts) (*fpdf.Fpdf, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm",
		Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetDisplayMode("default", "continuous")
	if err := fs.register(pdf); err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	pdf.SetFont(familyLatin, "", sizeBody)
	return pdf, pdf.Error()
}

// layout runs every section in the order the issue sets, checking fpdf's sticky error after
// each so a failure stops the export at once.
func (r *renderer) layout() error {
	for _, section := range []func() error{r.cover, r.contents, r.profile, r.supports, r.experiences,
		r.credentials, r.claims, r.readiness, r.evidenceIndex, r.appendix, r.declaration} {
		if err := section(); err != nil {
			return err
		}
		if r.pdf != nil && r.pdf.Err() {
			return fmt.Errorf("render PDF: %w", r.pdf.Error())
		}
	}
	return nil
}

func (v *view) result(pages int) Result {
	res := Result{DocumentID: v.docID, Pages: pages}
	for _, it := range v.evidence {
		if it.attached {
			res.Attached++
		} else {
			res.NotAttached = append(res.NotAttached, it.Title)
		}
		if it.show.kind == showNote {
			res.NotReproduced = append(res.NotReproduced, it.Title)
		}
	}
	return res
}
