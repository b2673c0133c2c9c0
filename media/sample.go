package media

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
)

// sampleMaxSide bounds SamplePhoto so a typo in a demo cannot ask for
// gigabytes of pixels.
const sampleMaxSide = 10000

// sampleQuality is a phone camera's usual JPEG quality.
const sampleQuality = 90

// SamplePhoto draws a deterministic photo-like JPEG from a seed (sky and
// ground gradients, a sun, blocks, sensor noise, and a sheet of paper with
// text-like strokes and a signature, as in a photo of a certificate), so
// demos and tests have realistic images without shipping binaries. Each side
// is clamped to 1..10000. The pixels are stored w×h as given; an orientation
// other than 1 embeds a minimal EXIF APP1 segment carrying that value (as a
// 16-bit number, so tests can also write invalid ones), which viewers apply.
func SamplePhoto(seed int64, w, h int, orientation int) []byte {
	w, h = min(max(w, 1), sampleMaxSide), min(max(h, 1), sampleMaxSide)
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7061737365726c6c))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	drawScenery(m, rng)
	drawSun(m, rng)
	for range 3 + rng.IntN(4) {
		block := randomRect(rng, w, h, 0.05, 0.25)
		block.Min.Y = max(block.Min.Y, h/3)
		fillRect(m, block, randomColor(rng, 40, 160))
	}
	drawPaper(m, rng)
	addNoise(m, uint32(seed))
	var buf bytes.Buffer
	// Encoding an in-memory RGBA image within JPEG's size limits cannot fail.
	_ = jpeg.Encode(&buf, m, &jpeg.Options{Quality: sampleQuality})
	if orientation == orientNormal {
		return buf.Bytes()
	}
	return withEXIF(buf.Bytes(), exifSegment(uint16(orientation)))
}

// drawScenery fills a sky gradient above a random horizon and ground below.
func drawScenery(m *image.RGBA, rng *rand.Rand) {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	skyTop, skyLow := randomColor(rng, 60, 140), randomColor(rng, 150, 240)
	groundTop, groundLow := randomColor(rng, 60, 160), randomColor(rng, 20, 90)
	horizon := h * (40 + rng.IntN(25)) / 100
	for y := range h {
		var c color.RGBA
		if y < horizon {
			c = mix(skyTop, skyLow, float64(y)/float64(max(horizon, 1)))
		} else {
			c = mix(groundTop, groundLow, float64(y-horizon)/float64(max(h-horizon, 1)))
		}
		row := m.Pix[y*m.Stride : y*m.Stride+4*w]
		for x := 0; x < len(row); x += 4 {
			row[x], row[x+1], row[x+2], row[x+3] = c.R, c.G, c.B, 0xFF
		}
	}
}

// drawSun draws a filled disc in the upper part of the picture.
func drawSun(m *image.RGBA, rng *rand.Rand) {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	r := float64(min(w, h)) * (0.05 + 0.08*rng.Float64())
	cx, cy := rng.Float64()*float64(w), rng.Float64()*float64(h)/3
	c := color.RGBA{255, uint8(200 + rng.IntN(55)), uint8(80 + rng.IntN(100)), 255}
	for y := max(0, int(cy-r)); y < min(h, int(cy+r)+1); y++ {
		for x := max(0, int(cx-r)); x < min(w, int(cx+r)+1); x++ {
			if dx, dy := float64(x)-cx, float64(y)-cy; dx*dx+dy*dy <= r*r {
				m.SetRGBA(x, y, c)
			}
		}
	}
}

// drawPaper draws an off-white sheet with lines of letter-like strokes and a
// wavy signature: the fine detail a display copy must keep legible.
func drawPaper(m *image.RGBA, rng *rand.Rand) {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	sheet := randomRect(rng, w, h, 0.35, 0.6)
	fillRect(m, sheet, color.RGBA{246, 243, 232, 255})
	ink := color.RGBA{30, 32, 60, 255}
	margin := max(1, sheet.Dx()/12)
	line := max(3, sheet.Dy()/28)
	for y := sheet.Min.Y + margin; y+line < sheet.Max.Y-3*line; y += line * 3 / 2 {
		for x := sheet.Min.X + margin; x+line < sheet.Max.X-margin; {
			for range 2 + rng.IntN(7) {
				drawLetter(m, image.Rect(x, y, x+line*2/3, y+line), rng.IntN(8), ink)
				x += line * 3 / 4
			}
			x += line / 2
		}
	}
	amp, base := float64(line), sheet.Max.Y-2*line
	for x := sheet.Min.X + margin; x < sheet.Max.X-margin; x++ {
		y := base + int(amp*math.Sin(float64(x-sheet.Min.X)/(amp+1)))
		fillRect(m, image.Rect(x, y, x+1, y+max(1, line/8)), ink)
	}
}

// drawLetter draws a glyph-like shape in box: a stem plus bars chosen by the
// bits of shape, thin enough to show aliasing when resampling is poor.
func drawLetter(m *image.RGBA, box image.Rectangle, shape int, ink color.RGBA) {
	t := max(1, box.Dy()/8)
	fillRect(m, image.Rect(box.Min.X, box.Min.Y, box.Min.X+t, box.Max.Y), ink)
	for bit, y := range []int{box.Min.Y, (box.Min.Y + box.Max.Y - t) / 2, box.Max.Y - t} {
		if shape&(1<<bit) != 0 {
			fillRect(m, image.Rect(box.Min.X, y, box.Max.X, y+t), ink)
		}
	}
}

// addNoise adds deterministic luminance noise, as a camera sensor would, so
// the JPEG has the texture of a real photo.
func addNoise(m *image.RGBA, seed uint32) {
	for i := 0; i+3 < len(m.Pix); i += 4 {
		x := uint32(i)*2654435761 ^ seed*0x9E3779B9
		x ^= x >> 15
		x *= 0x2C1B3C6D
		x ^= x >> 12
		n := int(x&15) - 8
		for c := range 3 {
			m.Pix[i+c] = uint8(min(255, max(0, int(m.Pix[i+c])+n)))
		}
	}
}

// randomRect picks a rectangle inside w×h whose sides are between the given
// fractions of the picture's.
func randomRect(rng *rand.Rand, w, h int, minFrac, maxFrac float64) image.Rectangle {
	rw := int(float64(w) * (minFrac + (maxFrac-minFrac)*rng.Float64()))
	rh := int(float64(h) * (minFrac + (maxFrac-minFrac)*rng.Float64()))
	x, y := rng.IntN(max(1, w-rw)), rng.IntN(max(1, h-rh))
	return image.Rect(x, y, x+rw, y+rh)
}

// fillRect paints r, clipped to the image, with one colour.
func fillRect(m *image.RGBA, r image.Rectangle, c color.RGBA) {
	r = r.Intersect(m.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			m.SetRGBA(x, y, c)
		}
	}
}

// randomColor picks an opaque colour with channels in [lo, hi).
func randomColor(rng *rand.Rand, lo, hi int) color.RGBA {
	ch := func() uint8 { return uint8(lo + rng.IntN(hi-lo)) }
	return color.RGBA{ch(), ch(), ch(), 255}
}

// mix blends a towards b by t in [0, 1].
func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(p, q uint8) uint8 { return uint8(float64(p) + (float64(q)-float64(p))*t) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}
