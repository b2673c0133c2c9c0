package pdf

import (
	"bytes"
	"context"
	"errors"
	"image/jpeg"
	"strconv"
	"strings"
	"unicode/utf8"

	"passerelle/media"
)

// showKind is what an evidence item's appendix page holds.
type showKind int

const (
	showNote  showKind = iota // a clearly marked page saying why the file is not reproduced
	showImage                 // the JPEG display copy, fitted to the page
	showText                  // the text of a plain-text file
	showPDF                   // the pages of a PDF, each on its own page
)

// showing is decided once per export, before layout, so both passes agree and slow work
// (parsing a PDF, a missing display copy) is done once.
type showing struct {
	kind      showKind
	jpeg      []byte
	w, h      int // pixels
	text      string
	truncated bool
	src       *source
	note      func(*Labels) string
}

// decide chooses what each item shows, within the per-file and whole-export page limits.
func decide(ctx context.Context, v *view, opts *Options) error {
	merged := 0
	for _, it := range v.evidence {
		if err := ctx.Err(); err != nil {
			return err
		}
		show, err := decideOne(ctx, it, opts.maxPDFPages(), &merged)
		if err != nil {
			return err
		}
		it.show = show
	}
	return nil
}

func decideOne(ctx context.Context, it *item, maxPages int, merged *int) (showing, error) {
	mt := strings.ToLower(it.MediaType)
	if _, _, ok := usableJPEG(it.Display); ok || strings.HasPrefix(mt, "image/") {
		return decideImage(it)
	}
	if !strings.HasPrefix(mt, "text/plain") && mt != "application/pdf" {
		format := it.MediaType
		return noteOf(func(l *Labels) string { return with(l.NotShown, "Format", format) }), nil
	}
	data, err := it.original()
	if err != nil {
		return showing{}, err
	}
	if mt != "application/pdf" {
		return decideText(data), nil
	}
	return decidePDF(ctx, data, maxPages, merged), nil
}

// decidePDF reproduces a PDF's pages within the per-file and whole-export limits.
func decidePDF(ctx context.Context, data []byte, maxPages int, merged *int) showing {
	src, err := openSource(ctx, data)
	switch {
	case err != nil:
		return noteOf(func(l *Labels) string { return l.PDFUnreadable })
	case src.pages > maxPages:
		pages := strconv.Itoa(src.pages)
		return noteOf(func(l *Labels) string {
			return with(l.PDFTooLong, "Pages", pages, "Limit", strconv.Itoa(maxPages))
		})
	case *merged+src.pages > MaxMergedPages:
		return noteOf(func(l *Labels) string { return with(l.PDFBudget, "Limit", strconv.Itoa(MaxMergedPages)) })
	}
	*merged += src.pages
	return showing{kind: showPDF, src: src}
}

func noteOf(msg func(*Labels) string) showing { return showing{kind: showNote, note: msg} }

// decideImage uses the display copy made when the evidence was added; without one (an older
// portfolio, a caller that did not pass it) it makes one now, and a file that does not
// decode gets a marked page instead of failing the export.
func decideImage(it *item) (showing, error) {
	if w, h, ok := usableJPEG(it.Display); ok {
		return showing{kind: showImage, jpeg: it.Display, w: w, h: h}, nil
	}
	data, err := it.original()
	if err != nil {
		return showing{}, err
	}
	copy, w, h, err := media.DisplayCopy(data)
	if err == nil {
		if _, _, ok := usableJPEG(copy); ok {
			return showing{kind: showImage, jpeg: copy, w: w, h: h}, nil
		}
	}
	if errors.Is(err, media.ErrUnsupportedImage) {
		format := it.MediaType
		return noteOf(func(l *Labels) string { return with(l.NotShown, "Format", format) }), nil
	}
	return noteOf(func(l *Labels) string { return l.ImageDamaged }), nil
}

// usableJPEG checks what fpdf needs without decoding pixels: a readable header with a size,
// and the end-of-image marker that a truncated copy lacks.
func usableJPEG(b []byte) (int, int, bool) {
	if len(b) < 4 {
		return 0, 0, false
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, false
	}
	tail := b[max(0, len(b)-64):]
	if !bytes.Contains(tail, []byte{0xFF, 0xD9}) {
		return 0, 0, false
	}
	return cfg.Width, cfg.Height, true
}

// decideText prints a plain-text file, up to MaxTextEvidenceRunes.
func decideText(data []byte) showing {
	if !utf8.Valid(data) {
		return noteOf(func(l *Labels) string { return with(l.NotShown, "Format", "text/plain") })
	}
	s := string(data)
	if utf8.RuneCountInString(s) <= MaxTextEvidenceRunes {
		return showing{kind: showText, text: s}
	}
	return showing{kind: showText, text: string([]rune(s)[:MaxTextEvidenceRunes]), truncated: true}
}
