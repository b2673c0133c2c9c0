// Package media checks the bytes of a learner's evidence file and makes the
// small, upright display copy that screens and the PDF show, so that a
// portfolio never stores a file it cannot describe and never embeds a 12 MP
// photo lying on its side.
package media

import (
	"errors"
	"fmt"
	"image"
)

// MaxFileSize caps one evidence file so a portfolio stays small enough to
// copy, back up and send by email.
const MaxFileSize = 50 << 20 // 50 MiB

// DisplayMaxSide is the longest side of a display copy: sharp on a screen and
// a printed page while keeping a 100-page portfolio PDF to a few megabytes.
const DisplayMaxSide = 1600 // px

// MaxPixels refuses images whose decoded form would take gigabytes of memory
// (decompression bombs), checked from the header before any pixel is decoded.
const MaxPixels = 100_000_000

// DisplayQuality is the JPEG quality of display copies: no visible artefacts
// on photos of documents at a third of the original size.
const DisplayQuality = 80

// Sentinel errors, for the caller to map to translated messages with errors.Is.
var (
	// ErrEmpty means the file has no bytes, usually a failed copy or upload.
	ErrEmpty = errors.New("file is empty")
	// ErrTooLarge means the file is over MaxFileSize.
	ErrTooLarge = errors.New("file is too large")
	// ErrCorruptImage means the bytes look like an image but do not decode,
	// most often a truncated download or copy.
	ErrCorruptImage = errors.New("image is damaged")
	// ErrImageTooLarge means the image claims more than MaxPixels pixels.
	ErrImageTooLarge = errors.New("image has too many pixels")
	// ErrUnsupportedImage means the image is in a format or variant this
	// package cannot decode (HEIC, animated WebP, arithmetic-coded JPEG...).
	ErrUnsupportedImage = errors.New("image format is not supported")
)

// Info is what the portfolio records about a file's bytes.
type Info struct {
	// MediaType is sniffed from the content, never from the file name.
	MediaType string
	// IsImage reports a raster image that DisplayCopy can turn into a
	// display copy (JPEG, PNG, GIF, WebP).
	IsImage bool
	// Width and Height are the image's upright size, after EXIF
	// orientation; 0 for anything that is not an image.
	Width, Height int
}

// Inspect validates an evidence file's bytes and describes them. Images are
// decoded in full, after a header check against MaxPixels, so a truncated
// photo is refused when it is added rather than when the PDF is made.
// With ErrUnsupportedImage the returned Info still carries the MediaType
// (IsImage false), so the caller may keep the file as an opaque attachment.
func Inspect(data []byte) (Info, error) {
	d, err := decodeFile(data)
	return d.info, err
}

// Prepare is Inspect and DisplayCopy with a single decode, for adding a file:
// a 12 MP photo is decoded once instead of twice. display is nil, and w and h
// 0, for a file that is not an image.
func Prepare(data []byte) (info Info, display []byte, w, h int, err error) {
	d, err := decodeFile(data)
	if err != nil || !d.info.IsImage {
		return d.info, nil, 0, 0, err
	}
	display, w, h, err = d.displayCopy()
	if err != nil {
		return Info{}, nil, 0, 0, err
	}
	return d.info, display, w, h, nil
}

// decoded is a file read once: what Inspect reports of it and, for an image,
// the pixels the display copy is drawn from.
type decoded struct {
	info        Info
	cfg         image.Config
	img         image.Image
	orientation int
}

// decodeFile checks the size, sniffs the type and, for an image, checks the
// header against MaxPixels and decodes the pixels.
func decodeFile(data []byte) (decoded, error) {
	if err := checkSize(data); err != nil {
		return decoded{}, err
	}
	d := decoded{info: Info{MediaType: sniff(data)}}
	f := formatOf(d.info.MediaType)
	if f == formatNone {
		return d, nil
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return decoded{info: infoOnError(d.info, err)}, err
	}
	img, err := decodeImage(f, data)
	if err != nil {
		return decoded{info: infoOnError(d.info, err)}, err
	}
	d.cfg, d.img, d.orientation = cfg, img, orientationOf(f, data)
	d.info.IsImage = true
	d.info.Width, d.info.Height = cfg.Width, cfg.Height
	if swapsSides(d.orientation) {
		d.info.Width, d.info.Height = d.info.Height, d.info.Width
	}
	return d, nil
}

// infoOnError keeps the media type only where the caller can still use it.
func infoOnError(info Info, err error) Info {
	if errors.Is(err, ErrUnsupportedImage) {
		return info
	}
	return Info{}
}

// checkSize refuses empty and oversized files before any parsing.
func checkSize(data []byte) error {
	switch {
	case len(data) == 0:
		return ErrEmpty
	case len(data) > MaxFileSize:
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), MaxFileSize)
	}
	return nil
}
