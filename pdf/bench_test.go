package pdf_test

import (
	"context"
	"io"
	"testing"

	"passerelle/pdf"
)

// BenchmarkRender_Demo is the demo portfolio with its awkward additions, bilingual; the
// full comparison with Chromium, on a large portfolio too, is go run ./bench/pdf.
func BenchmarkRender_Demo(b *testing.B) {
	doc := demoDocument(b)
	opts := options(b, pdf.Bilingual)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Render(context.Background(), doc, opts, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender_Large is 200 experiences, 60 claims and 80 small photos: the layout's cost.
func BenchmarkRender_Large(b *testing.B) {
	doc := largeOnce()
	opts := options(b, pdf.Bilingual)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pdf.Render(context.Background(), doc, opts, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
