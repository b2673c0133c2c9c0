package media

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"golang.org/x/image/draw"
)

// BenchmarkDisplayCopy12MP is the cost of adding one phone photo.
func BenchmarkDisplayCopy12MP(b *testing.B) {
	photo := SamplePhoto(40, 4000, 3000, 6)
	b.SetBytes(int64(len(photo)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := DisplayCopy(photo); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInspect12MP is the cost of validating one phone photo, most of it
// a full decode.
func BenchmarkInspect12MP(b *testing.B) {
	photo := SamplePhoto(41, 4000, 3000, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Inspect(photo); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResample12MP compares the resampling choices on a decoded 12 MP
// photo, the measurement behind resample's design.
func BenchmarkResample12MP(b *testing.B) {
	src, err := jpeg.Decode(bytes.NewReader(SamplePhoto(42, 4000, 3000, 1)))
	if err != nil {
		b.Fatal(err)
	}
	direct := func(k draw.Interpolator) func() {
		return func() {
			dst := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
			k.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
		}
	}
	cases := []struct {
		name string
		run  func()
	}{
		{"CatmullRom", direct(draw.CatmullRom)},
		{"ApproxBiLinear", direct(draw.ApproxBiLinear)},
		{"HalvingThenApproxBiLinear", func() { resample(src, 1600, 1200) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.run()
			}
		})
	}
}

// BenchmarkAddPhoto12MP compares what adding a phone photo costs with one decode (Prepare)
// and with two (Inspect, then DisplayCopy).
func BenchmarkAddPhoto12MP(b *testing.B) {
	photo := SamplePhoto(43, 4000, 3000, 6)
	b.Run("Prepare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, _, _, err := Prepare(photo); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("InspectThenDisplayCopy", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Inspect(photo); err != nil {
				b.Fatal(err)
			}
			if _, _, _, err := DisplayCopy(photo); err != nil {
				b.Fatal(err)
			}
		}
	})
}
