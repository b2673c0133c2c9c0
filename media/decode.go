package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// format is an image encoding this package decodes.
type format int

const (
	formatNone format = iota
	formatJPEG
	formatPNG
	formatGIF
	formatWebP
)

// formatOf maps a sniffed media type to a decodable format. The decoders are
// called directly rather than through image.Decode, so the choice follows the
// sniffed content and not whatever formats other packages registered.
func formatOf(mediaType string) format {
	switch mediaType {
	case TypeJPEG:
		return formatJPEG
	case TypePNG:
		return formatPNG
	case TypeGIF:
		return formatGIF
	case TypeWebP:
		return formatWebP
	}
	return formatNone
}

// decodeConfig reads only the image header and refuses an image with more
// than MaxPixels pixels before any pixel memory is allocated.
func decodeConfig(f format, data []byte) (image.Config, error) {
	var (
		cfg image.Config
		err error
	)
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		cfg, err = jpeg.DecodeConfig(r)
	case formatPNG:
		cfg, err = png.DecodeConfig(r)
	case formatGIF:
		cfg, err = gif.DecodeConfig(r)
	case formatWebP:
		if isAnimatedWebP(data) {
			return cfg, fmt.Errorf("%w: animated webp", ErrUnsupportedImage)
		}
		cfg, err = webp.DecodeConfig(r)
	default:
		return cfg, ErrUnsupportedImage
	}
	if err != nil {
		return image.Config{}, decodeError("read image header", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return image.Config{}, fmt.Errorf("%w: size %dx%d", ErrCorruptImage, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return image.Config{}, fmt.Errorf("%w: %dx%d, limit %d", ErrImageTooLarge, cfg.Width, cfg.Height, MaxPixels)
	}
	return cfg, nil
}

// decodeImage decodes the pixels; call it only after decodeConfig accepted
// the header. A GIF gives its first frame.
func decodeImage(f format, data []byte) (image.Image, error) {
	var (
		img image.Image
		err error
	)
	r := bytes.NewReader(data)
	switch f {
	case formatJPEG:
		img, err = jpeg.Decode(r)
	case formatPNG:
		img, err = png.Decode(r)
	case formatGIF:
		img, err = gif.Decode(r)
	case formatWebP:
		img, err = webp.Decode(r)
	default:
		return nil, ErrUnsupportedImage
	}
	if err != nil {
		return nil, decodeError("decode image", err)
	}
	return img, nil
}

// decodeError tells a valid image in a variant the decoders lack (12-bit or
// arithmetic-coded JPEG) from damaged bytes, keeping the decoder's error.
func decodeError(context string, err error) error {
	var jpegErr jpeg.UnsupportedError
	var pngErr png.UnsupportedError
	if errors.As(err, &jpegErr) || errors.As(err, &pngErr) {
		return fmt.Errorf("%s: %w: %w", context, ErrUnsupportedImage, err)
	}
	return fmt.Errorf("%s: %w: %w", context, ErrCorruptImage, err)
}

// isAnimatedWebP checks the animation flag of an extended (VP8X) WebP, which
// the x/image decoder cannot decode and would report as an invalid format.
func isAnimatedWebP(data []byte) bool {
	const animationFlag = 1 << 1
	if len(data) < 21 || string(data[12:16]) != "VP8X" {
		return false
	}
	return binary.LittleEndian.Uint32(data[16:20]) >= 10 && data[20]&animationFlag != 0
}
