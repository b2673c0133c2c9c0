package media

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// Colours of the four quadrants of quadrantImage, far apart so JPEG
// compression cannot blur one into another.
var (
	red    = color.RGBA{220, 30, 30, 255}
	green  = color.RGBA{30, 200, 40, 255}
	blue   = color.RGBA{30, 40, 220, 255}
	yellow = color.RGBA{240, 230, 30, 255}
)

// quadrantImage is w×h with red top-left, green top-right, blue bottom-left
// and yellow bottom-right.
func quadrantImage(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := red
			switch {
			case x >= w/2 && y < h/2:
				c = green
			case x < w/2 && y >= h/2:
				c = blue
			case x >= w/2 && y >= h/2:
				c = yellow
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeGIF(t testing.TB, g *gif.GIF) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// solidPaletted is a one-colour GIF frame covering r.
func solidPaletted(r image.Rectangle, c color.Color) *image.Paletted {
	m := image.NewPaletted(r, color.Palette{c, color.Transparent})
	return m // every index is 0, the given colour
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pngChunk frames one PNG chunk with its length and CRC.
func pngChunk(kind string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, kind...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(kind), data...)))
}

// pngHeader is a PNG signature and an IHDR chunk for an 8-bit RGBA image.
func pngHeader(w, h uint32, interlace byte) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, interlace) // depth, RGBA, deflate, filter, interlace
	return append([]byte("\x89PNG\r\n\x1A\n"), pngChunk("IHDR", ihdr)...)
}

// encodeInterlacedPNG writes m as an Adam7-interlaced 8-bit RGBA PNG, which
// the standard encoder never produces but scanners and old tools do.
func encodeInterlacedPNG(t testing.TB, m *image.NRGBA) []byte {
	t.Helper()
	w, h := m.Rect.Dx(), m.Rect.Dy()
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw bytes.Buffer
	for _, p := range passes {
		if p[0] >= w || p[1] >= h {
			continue // an empty pass has no scanlines at all
		}
		for y := p[1]; y < h; y += p[3] {
			raw.WriteByte(0) // filter: none
			for x := p[0]; x < w; x += p[2] {
				raw.Write(m.Pix[m.PixOffset(x, y) : m.PixOffset(x, y)+4])
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	if _, err := zw.Write(raw.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out := pngHeader(uint32(w), uint32(h), 1)
	out = append(out, pngChunk("IDAT", z.Bytes())...)
	return append(out, pngChunk("IEND", nil)...)
}

// decodeOutput checks that DisplayCopy's bytes are a JPEG of the size it
// reported and returns the decoded pixels.
func decodeOutput(t *testing.T, out []byte, w, h int) image.Image {
	t.Helper()
	if sniff(out) != TypeJPEG {
		t.Fatalf("output sniffed as %q, want JPEG", sniff(out))
	}
	m, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output does not decode: %v", err)
	}
	if got := m.Bounds().Size(); got != image.Pt(w, h) {
		t.Fatalf("output is %v, DisplayCopy reported %dx%d", got, w, h)
	}
	return m
}

// near reports whether two colours differ by at most tol in every channel.
func near(a, b color.Color, tol int) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(p, q uint32) bool { return abs(int(p>>8)-int(q>>8)) <= tol }
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
