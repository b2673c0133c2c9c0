package media

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"testing"
)

// sentinels are the errors the caller maps to messages; every error from
// Inspect and DisplayCopy must wrap one of them.
var sentinels = []error{ErrEmpty, ErrTooLarge, ErrCorruptImage, ErrImageTooLarge, ErrUnsupportedImage}

func wrapsSentinel(err error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// addSeeds gives the fuzzers one small example of each kind of input.
func addSeeds(f *testing.F) {
	photo := SamplePhoto(30, 24, 16, 6)
	f.Add(photo)
	f.Add(photo[:len(photo)/2])
	f.Add(encodePNG(f, quadrantImage(9, 5)))
	f.Add(encodePNG(f, gradient16(6, 4)))
	f.Add(encodeInterlacedPNG(f, toNRGBA(quadrantImage(9, 5))))
	f.Add(encodeGIF(f, &gif.GIF{Image: []*image.Paletted{solidPaletted(image.Rect(1, 1, 4, 3), color.White)}, Delay: []int{0}}))
	f.Add(readTestdata(f, "gopher-doc.1bpp.lossless.webp"))
	f.Add(animatedWebP())
	f.Add(pngHeader(30000, 30000, 0))
	f.Add(withEXIF([]byte{0xFF, 0xD8, 0xFF, 0xD9}, exifSegment(5)))
	f.Add([]byte("%PDF-1.4\n"))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Lettre de référence\n"))
}

func FuzzInspect(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(data)
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if info.MediaType == "" {
			t.Fatal("no media type")
		}
		if info.IsImage != (info.Width > 0 && info.Height > 0) {
			t.Fatalf("inconsistent info %+v", info)
		}
		if int64(info.Width)*int64(info.Height) > MaxPixels {
			t.Fatalf("accepted %dx%d", info.Width, info.Height)
		}
	})
}

func FuzzDisplayCopy(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		out, w, h, err := DisplayCopy(data)
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if w < 1 || h < 1 || w > DisplayMaxSide || h > DisplayMaxSide {
			t.Fatalf("display copy is %dx%d", w, h)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(out))
		if err != nil || cfg.Width != w || cfg.Height != h {
			t.Fatalf("output is not a %dx%d JPEG: %+v, %v", w, h, cfg, err)
		}
	})
}

func FuzzJPEGOrientation(f *testing.F) {
	f.Add(SamplePhoto(31, 8, 8, 7))
	f.Add(withEXIF([]byte{0xFF, 0xD8}, exifSegment(3)))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xFF, 0xFF, 0xE1, 0, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := jpegOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}
