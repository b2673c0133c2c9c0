package media

import (
	"errors"
	"image"
	"image/color"
	"image/gif"
	"testing"
)

// gradient16 is a 16-bit image with alpha whose colour changes smoothly,
// as scanners and image editors write them.
func gradient16(w, h int) *image.NRGBA64 {
	m := image.NewNRGBA64(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetNRGBA64(x, y, color.NRGBA64{uint16(x * 0xFFFF / w), uint16(y * 0xFFFF / h), 0x8000, 0xFFFF})
		}
	}
	return m
}

func TestDisplayCopy_FitsLongestSideWithoutUpscaling(t *testing.T) {
	tests := []struct {
		name         string
		data         []byte
		wantW, wantH int
	}{
		{"12 MP landscape photo", SamplePhoto(10, 4000, 3000, 1), 1600, 1200},
		{"portrait photo", SamplePhoto(11, 1224, 1632, 1), 1200, 1600},
		{"photo lying on its side", SamplePhoto(12, 2000, 1000, 6), 800, 1600},
		{"exactly twice the limit", SamplePhoto(13, 3200, 1600, 1), 1600, 800},
		{"just over the limit", SamplePhoto(14, 1601, 900, 1), 1600, 899},
		{"long thin scan", SamplePhoto(15, 5000, 10, 1), 1600, 3},
		{"small photo is not upscaled", SamplePhoto(16, 1000, 800, 1), 1000, 800},
		{"at the limit is kept", SamplePhoto(17, 1600, 1600, 1), 1600, 1600},
		{"one pixel", SamplePhoto(18, 1, 1, 1), 1, 1},
		{"16-bit png", encodePNG(t, gradient16(2000, 1500)), 1600, 1200},
		{"interlaced png", encodeInterlacedPNG(t, toNRGBA(quadrantImage(2000, 1000))), 1600, 800},
		{"small interlaced png", encodeInterlacedPNG(t, toNRGBA(quadrantImage(5, 3))), 5, 3},
		{"gray jpeg", encodeJPEG(t, image.NewGray(image.Rect(0, 0, 1700, 20))), 1600, 19},
		{"lossless webp", readTestdata(t, "gopher-doc.1bpp.lossless.webp"), 75, 100},
		{"lossy webp", readTestdata(t, "blue-purple-pink.lossy.webp"), 150, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, w, h, err := DisplayCopy(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if w != tt.wantW || h != tt.wantH {
				t.Errorf("display copy is %dx%d, want %dx%d", w, h, tt.wantW, tt.wantH)
			}
			decodeOutput(t, out, w, h)
		})
	}
}

func TestDisplayCopy_KeepsColoursWhenResampling(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"jpeg", encodeJPEG(t, quadrantImage(2400, 1200))},
		{"interlaced png", encodeInterlacedPNG(t, toNRGBA(quadrantImage(2400, 1200)))},
		{"small interlaced png", encodeInterlacedPNG(t, toNRGBA(quadrantImage(40, 20)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, w, h, err := DisplayCopy(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			m := decodeOutput(t, out, w, h)
			for _, c := range []struct {
				p    image.Point
				want color.RGBA
			}{{image.Pt(w/4, h/4), red}, {image.Pt(3*w/4, h/4), green}, {image.Pt(w/4, 3*h/4), blue}, {image.Pt(3*w/4, 3*h/4), yellow}} {
				if got := m.At(c.p.X, c.p.Y); !near(got, c.want, 24) {
					t.Errorf("pixel %v is %v, want %v", c.p, got, c.want)
				}
			}
		})
	}
}

func TestDisplayCopy_SixteenBitPNGKeepsItsGradient(t *testing.T) {
	out, w, h, err := DisplayCopy(encodePNG(t, gradient16(2400, 1800)))
	if err != nil {
		t.Fatal(err)
	}
	m := decodeOutput(t, out, w, h)
	want := color.RGBA{uint8(255 * 3 / 4), uint8(255 / 4), 0x80, 255}
	if got := m.At(3*w/4, h/4); !near(got, want, 12) {
		t.Errorf("pixel at three quarters across is %v, want about %v", got, want)
	}
}

func TestDisplayCopy_FlattensTransparencyOnWhite(t *testing.T) {
	half := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for i := 0; i < len(half.Pix); i += 4 {
		copy(half.Pix[i:], []byte{255, 0, 0, 128}) // red at half opacity
	}
	firstFrame := solidPaletted(image.Rect(0, 0, 40, 20), color.RGBA{0, 0, 255, 255})
	transparentFrame := image.NewPaletted(image.Rect(0, 0, 40, 20), color.Palette{color.Transparent, color.Black})
	offsetFrame := solidPaletted(image.Rect(20, 0, 40, 20), color.RGBA{0, 0, 255, 255})
	tests := []struct {
		name string
		data []byte
		at   image.Point
		want color.RGBA
	}{
		{"transparent png", encodePNG(t, image.NewNRGBA(image.Rect(0, 0, 40, 20))), image.Pt(20, 10), color.RGBA{255, 255, 255, 255}},
		{"half-transparent red png", encodePNG(t, half), image.Pt(20, 10), color.RGBA{255, 127, 127, 255}},
		{"16-bit png with alpha", encodePNG(t, image.NewNRGBA64(image.Rect(0, 0, 40, 20))), image.Pt(20, 10), color.RGBA{255, 255, 255, 255}},
		{"transparent gif", encodeGIF(t, &gif.GIF{Image: []*image.Paletted{transparentFrame}, Delay: []int{0}}), image.Pt(20, 10), color.RGBA{255, 255, 255, 255}},
		{"gif shows its first frame", encodeGIF(t, &gif.GIF{
			Image: []*image.Paletted{firstFrame, solidPaletted(image.Rect(0, 0, 40, 20), color.RGBA{255, 0, 0, 255})},
			Delay: []int{10, 10},
		}), image.Pt(20, 10), color.RGBA{0, 0, 255, 255}},
		{"gif frame smaller than its screen", encodeGIF(t, &gif.GIF{
			Image:  []*image.Paletted{offsetFrame},
			Delay:  []int{0},
			Config: image.Config{ColorModel: offsetFrame.Palette, Width: 40, Height: 20},
		}), image.Pt(5, 10), color.RGBA{255, 255, 255, 255}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, w, h, err := DisplayCopy(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if w != 40 || h != 20 {
				t.Fatalf("display copy is %dx%d, want 40x20", w, h)
			}
			m := decodeOutput(t, out, w, h)
			if got := m.At(tt.at.X, tt.at.Y); !near(got, tt.want, 16) {
				t.Errorf("pixel %v is %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}

func TestDisplayCopy_RefusesWhatItCannotShow(t *testing.T) {
	photo := SamplePhoto(20, 300, 200, 1)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"too large", make([]byte, MaxFileSize+1), ErrTooLarge},
		{"pdf", []byte("%PDF-1.7\n"), ErrUnsupportedImage},
		{"text", []byte("hello"), ErrUnsupportedImage},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), ErrUnsupportedImage},
		{"animated webp", animatedWebP(), ErrUnsupportedImage},
		{"truncated jpeg", photo[:len(photo)/3], ErrCorruptImage},
		{"png bomb", pngHeader(30000, 30000, 0), ErrImageTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, w, h, err := DisplayCopy(tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if out != nil || w != 0 || h != 0 {
				t.Errorf("returned %d bytes, %dx%d with the error", len(out), w, h)
			}
		})
	}
}

func TestFitWithin_NeverUpscalesNorReturnsZero(t *testing.T) {
	tests := []struct{ w, h, wantW, wantH int }{
		{4000, 3000, 1600, 1200},
		{3000, 4000, 1200, 1600},
		{1600, 10, 1600, 10},
		{100000, 1, 1600, 1},
		{1, 100000, 1, 1600},
		{10, 10, 10, 10},
	}
	for _, tt := range tests {
		if w, h := fitWithin(tt.w, tt.h, DisplayMaxSide); w != tt.wantW || h != tt.wantH {
			t.Errorf("fitWithin(%d, %d) = %d, %d; want %d, %d", tt.w, tt.h, w, h, tt.wantW, tt.wantH)
		}
	}
}

func toNRGBA(m *image.RGBA) *image.NRGBA {
	return &image.NRGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect} // opaque, so equal
}
