package media

import (
	"archive/zip"
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"math/rand/v2"
	"runtime"
	"testing"
)

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		fw, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		content := "<xml/>"
		if name == "mimetype" {
			content = "application/vnd.oasis.opendocument.text"
		}
		if _, err := fw.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func randomBytes(seed uint64, n int) []byte {
	rng := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// Inspect takes no file name at all, so a photo saved as "diplome.pdf" or a
// PDF saved as "photo.jpg" is described by its content alone.
func TestInspect_SniffsMediaTypeFromContent(t *testing.T) {
	gifData := encodeGIF(t, &gif.GIF{Image: []*image.Paletted{solidPaletted(image.Rect(0, 0, 30, 20), color.Black)}, Delay: []int{0}})
	tests := []struct {
		name      string
		data      []byte
		mediaType string
		isImage   bool
		w, h      int
	}{
		{"jpeg photo", SamplePhoto(1, 64, 48, 1), TypeJPEG, true, 64, 48},
		{"png", encodePNG(t, quadrantImage(30, 10)), TypePNG, true, 30, 10},
		{"gif", gifData, TypeGIF, true, 30, 20},
		{"lossless webp", readTestdata(t, "gopher-doc.1bpp.lossless.webp"), TypeWebP, true, 75, 100},
		{"lossy webp", readTestdata(t, "blue-purple-pink.lossy.webp"), TypeWebP, true, 150, 100},
		{"pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"), TypePDF, false, 0, 0},
		{"french text", []byte("Attestation d’expérience\r\nSignée à Montréal.\n"), TypeText, false, 0, 0},
		{"text with byte order mark", []byte("\xEF\xBB\xBFNotes de stage\n"), TypeText, false, 0, 0},
		{"text starting like a bitmap", []byte("BMW dealership reference letter, 2019"), TypeText, false, 0, 0},
		{"latin-1 text is not utf-8", []byte("Sign\xE9e \xE0 Montr\xE9al"), TypeBytes, false, 0, 0},
		{"plain zip", zipOf(t, "notes.txt"), TypeZip, false, 0, 0},
		{"docx", zipOf(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml"), TypeDOCX, false, 0, 0},
		{"xlsx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), TypeXLSX, false, 0, 0},
		{"odt", zipOf(t, "mimetype", "content.xml"), "application/vnd.oasis.opendocument.text", false, 0, 0},
		{"damaged zip", []byte("PK\x03\x04 not really a zip"), TypeZip, false, 0, 0},
		{"legacy word document", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 64)...), TypeOLE, false, 0, 0},
		{"iphone heic photo", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), "image/heic", false, 0, 0},
		{"phone video", []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00isommp42"), "video/mp4", false, 0, 0},
		{"random bytes", randomBytes(1, 4096), TypeBytes, false, 0, 0},
		{"one nul byte", []byte{0}, TypeBytes, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Inspect(tt.data)
			if err != nil {
				t.Fatalf("Inspect: %v", err)
			}
			want := Info{MediaType: tt.mediaType, IsImage: tt.isImage, Width: tt.w, Height: tt.h}
			if got != want {
				t.Errorf("Inspect = %+v, want %+v", got, want)
			}
		})
	}
}

func TestInspect_RefusesBadFilesWithSentinelErrors(t *testing.T) {
	photo := SamplePhoto(2, 300, 200, 1)
	pngData := encodePNG(t, quadrantImage(300, 200))
	gifData := encodeGIF(t, &gif.GIF{Image: []*image.Paletted{solidPaletted(image.Rect(0, 0, 300, 200), color.White)}, Delay: []int{0}})
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"nil", nil, ErrEmpty},
		{"empty", []byte{}, ErrEmpty},
		{"one byte over the limit", make([]byte, MaxFileSize+1), ErrTooLarge},
		{"truncated jpeg", photo[:len(photo)/2], ErrCorruptImage},
		{"jpeg cut inside its header", photo[:20], ErrCorruptImage},
		{"truncated png", pngData[:len(pngData)/2], ErrCorruptImage},
		{"truncated gif", gifData[:len(gifData)-10], ErrCorruptImage},
		{"random bytes after a png signature", append([]byte("\x89PNG\r\n\x1A\n"), randomBytes(2, 2048)...), ErrCorruptImage},
		{"png header without pixels", append(pngHeader(100, 100, 0), pngChunk("IEND", nil)...), ErrCorruptImage},
		{"png claiming 30000x30000", pngHeader(30000, 30000, 0), ErrImageTooLarge},
		{"png claiming 1x200000000", pngHeader(1, 200_000_000, 0), ErrImageTooLarge},
		{"jpeg claiming 60000x60000", jpegClaiming(t, 60000, 60000), ErrImageTooLarge},
		{"gif claiming 65535x65535", []byte("GIF89a\xFF\xFF\xFF\xFF\x00\x00\x00"), ErrImageTooLarge},
		{"animated webp", animatedWebP(), ErrUnsupportedImage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Inspect(tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Inspect error = %v, want %v", err, tt.want)
			}
			if info.IsImage || info.Width != 0 || info.Height != 0 {
				t.Errorf("Inspect described a refused file as %+v", info)
			}
		})
	}
}

func TestInspect_CorruptImageKeepsTheDecoderError(t *testing.T) {
	photo := SamplePhoto(3, 120, 80, 1)
	_, err := Inspect(photo[:len(photo)-200])
	var decoderErr jpeg.FormatError
	if !errors.Is(err, ErrCorruptImage) || !errors.As(err, &decoderErr) {
		t.Fatalf("error %q should wrap both ErrCorruptImage and the decoder's error", err)
	}
}

func TestInspect_UnsupportedImageKeepsMediaType(t *testing.T) {
	info, err := Inspect(animatedWebP())
	if !errors.Is(err, ErrUnsupportedImage) {
		t.Fatalf("error = %v, want ErrUnsupportedImage", err)
	}
	if info.MediaType != TypeWebP || info.IsImage {
		t.Errorf("info = %+v, want the webp media type and IsImage false", info)
	}
}

func TestInspect_DecompressionBombIsRefusedWithoutAllocating(t *testing.T) {
	bomb := pngHeader(30000, 30000, 0)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Inspect(bomb)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrImageTooLarge) {
		t.Fatalf("error = %v, want ErrImageTooLarge", err)
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 1<<20 {
		t.Errorf("refusing the bomb allocated %d bytes, want under 1 MiB", allocated)
	}
}

func TestInspect_SizeIsUprightAfterEXIFOrientation(t *testing.T) {
	for o := 1; o <= 8; o++ {
		info, err := Inspect(SamplePhoto(4, 400, 200, o))
		if err != nil {
			t.Fatalf("orientation %d: %v", o, err)
		}
		wantW, wantH := 400, 200
		if o >= 5 {
			wantW, wantH = 200, 400
		}
		if info.Width != wantW || info.Height != wantH {
			t.Errorf("orientation %d: %dx%d, want %dx%d", o, info.Width, info.Height, wantW, wantH)
		}
	}
}

// jpegClaiming is a small JPEG whose frame header claims w×h.
func jpegClaiming(t *testing.T, w, h uint16) []byte {
	data := bytes.Clone(SamplePhoto(5, 16, 16, 1))
	i := bytes.Index(data, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no baseline frame header in sample photo")
	}
	data[i+5], data[i+6] = byte(h>>8), byte(h)
	data[i+7], data[i+8] = byte(w>>8), byte(w)
	return data
}

// animatedWebP is the extended header of an animated WebP; the x/image
// decoder would call it an invalid format.
func animatedWebP() []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0A\x00\x00\x00")
	b = append(b, 0x02, 0, 0, 0, 99, 0, 0, 99, 0, 0)
	b = append(b, "ANIM\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00"...)
	b[4] = byte(len(b) - 8)
	return b
}
