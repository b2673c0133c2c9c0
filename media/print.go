package media

import (
	"bytes"
	"fmt"
	"image/jpeg"
)

// PrintMaxSide is the longest side of the print copy the PDF embeds: about 150 dpi across a
// letter page's text width, sharp enough to read a certificate, small enough that 80 photos
// keep a portfolio PDF near 5 MB.
const PrintMaxSide = 800

// PrintQuality is the JPEG quality of print copies.
const PrintQuality = 75

// PrintCopy makes the print copy from the display copy (already upright and opaque), once,
// when the evidence is added, so an export never resamples a photo.
func PrintCopy(display []byte) (jpegBytes []byte, w, h int, err error) {
	img, err := jpeg.Decode(bytes.NewReader(display))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("%w: display copy: %v", ErrCorruptImage, err)
	}
	b := img.Bounds()
	pw, ph := fitWithin(b.Dx(), b.Dy(), PrintMaxSide)
	if pw == b.Dx() && ph == b.Dy() {
		return display, pw, ph, nil
	}
	out := resample(img, pw, ph)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: PrintQuality}); err != nil {
		return nil, 0, 0, fmt.Errorf("encode print copy: %w", err)
	}
	return buf.Bytes(), out.Bounds().Dx(), out.Bounds().Dy(), nil
}
