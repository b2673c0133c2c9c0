package media

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"testing"
)

// tiff builds a TIFF structure with the given byte order and IFD0 entries.
func tiff(order string, entries ...[12]byte) []byte {
	b := []byte(order)
	if order == "II" {
		b = append(b, 42, 0, 8, 0, 0, 0, byte(len(entries)), 0)
	} else {
		b = append(b, 0, 42, 0, 0, 0, 8, 0, byte(len(entries)))
	}
	for _, e := range entries {
		b = append(b, e[:]...)
	}
	return append(b, 0, 0, 0, 0)
}

func TestTIFFOrientation_ReadsTagOrFallsBackToUpright(t *testing.T) {
	leShort6 := [12]byte{0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0}
	beShort8 := [12]byte{0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0}
	beLong3 := [12]byte{0x01, 0x12, 0, 4, 0, 0, 0, 1, 0, 0, 0, 3}
	beOther := [12]byte{0x01, 0x0F, 0, 2, 0, 0, 0, 6, 0, 0, 0, 30} // Make
	tests := []struct {
		name string
		tiff []byte
		want int
		ok   bool
	}{
		{"little-endian short", tiff("II", leShort6), 6, true},
		{"big-endian short", tiff("MM", beShort8), 8, true},
		{"long instead of short", tiff("MM", beLong3), 3, true},
		{"tag after another", tiff("MM", beOther, beShort8), 8, true},
		{"no orientation tag", tiff("MM", beOther), 1, false},
		{"value zero", tiff("MM", [12]byte{0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0}), 1, false},
		{"value nine", tiff("MM", [12]byte{0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 9, 0, 0}), 1, false},
		{"count of two", tiff("MM", [12]byte{0x01, 0x12, 0, 3, 0, 0, 0, 2, 0, 6, 0, 6}), 1, false},
		{"ascii type", tiff("MM", [12]byte{0x01, 0x12, 0, 2, 0, 0, 0, 1, '6', 0, 0, 0}), 1, false},
		{"unknown byte order", append([]byte("XX"), tiff("MM", beShort8)[2:]...), 1, false},
		{"bad magic number", append([]byte("MM\x00\x2B"), tiff("MM", beShort8)[4:]...), 1, false},
		{"ifd offset past the end", []byte("MM\x00\x2A\xFF\xFF\xFF\xF0"), 1, false},
		{"ifd offset inside the header", []byte("MM\x00\x2A\x00\x00\x00\x02\x00\x01"), 1, false},
		{"entry count larger than the data", []byte("MM\x00\x2A\x00\x00\x00\x08\xFF\xFF\x01\x12"), 1, false},
		{"truncated header", []byte("MM\x00"), 1, false},
		{"empty", nil, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tiffOrientation(tt.tiff)
			if got != tt.want || ok != tt.ok {
				t.Errorf("tiffOrientation = %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestJPEGOrientation_FindsExifSegmentOrFallsBackToUpright(t *testing.T) {
	plain := SamplePhoto(6, 32, 16, 1)
	app1 := func(payload string) []byte {
		n := len(payload) + 2
		return append([]byte{0xFF, 0xE1, byte(n >> 8), byte(n)}, payload...)
	}
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no exif", plain, 1},
		{"exif orientation 6", SamplePhoto(6, 32, 16, 6), 6},
		{"exif after an xmp app1", withEXIF(withEXIF(plain, exifSegment(3)), app1("http://ns.adobe.com/xap/1.0/\x00<x/>")), 3},
		{"malformed exif then a good one", withEXIF(withEXIF(plain, exifSegment(5)), app1("Exif\x00\x00MM\x00\x2A\xFF")), 5},
		{"fill bytes before the marker", append([]byte{0xFF, 0xD8, 0xFF, 0xFF}, exifSegment(7)[1:]...), 7},
		{"invalid orientation value", SamplePhoto(6, 32, 16, 9), 1},
		{"segment length zero", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 0, 'E', 'x'}, 1},
		{"segment length one", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 1, 'E', 'x'}, 1},
		{"segment longer than the file", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x', 'i', 'f'}, 1},
		{"exif segment cut short", withEXIF([]byte{0xFF, 0xD8}, exifSegment(6)[:20]), 1},
		{"garbage instead of a marker", []byte{0xFF, 0xD8, 0x12, 0x34, 0x56, 0x78}, 1},
		{"only fill bytes", append([]byte{0xFF, 0xD8}, bytes.Repeat([]byte{0xFF}, 100)...), 1},
		{"not a jpeg", []byte("MM\x00\x2A"), 1},
		{"exif after the image data is ignored", append(bytes.Clone(plain[:len(plain)-2]), exifSegment(6)...), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jpegOrientation(tt.data); got != tt.want {
				t.Errorf("jpegOrientation = %d, want %d", got, tt.want)
			}
		})
	}
}

// The expected corners were checked against ImageMagick's -auto-orient.
func TestDisplayCopy_AppliesEXIFOrientation(t *testing.T) {
	// Where each colour of the stored 400×200 quadrant image must appear
	// once the photo is shown upright: top-left, top-right, bottom-left,
	// bottom-right.
	tests := []struct {
		orientation int
		w, h        int
		want        [4]color.RGBA
	}{
		{1, 400, 200, [4]color.RGBA{red, green, blue, yellow}},
		{2, 400, 200, [4]color.RGBA{green, red, yellow, blue}},
		{3, 400, 200, [4]color.RGBA{yellow, blue, green, red}},
		{4, 400, 200, [4]color.RGBA{blue, yellow, red, green}},
		{5, 200, 400, [4]color.RGBA{red, blue, green, yellow}},
		{6, 200, 400, [4]color.RGBA{blue, red, yellow, green}},
		{7, 200, 400, [4]color.RGBA{yellow, green, blue, red}},
		{8, 200, 400, [4]color.RGBA{green, yellow, red, blue}},
	}
	stored := encodeJPEG(t, quadrantImage(400, 200))
	for _, tt := range tests {
		t.Run(fmt.Sprintf("orientation %d", tt.orientation), func(t *testing.T) {
			data := stored
			if tt.orientation != 1 {
				data = withEXIF(stored, exifSegment(uint16(tt.orientation)))
			}
			out, w, h, err := DisplayCopy(data)
			if err != nil {
				t.Fatal(err)
			}
			if w != tt.w || h != tt.h {
				t.Fatalf("%dx%d, want %dx%d", w, h, tt.w, tt.h)
			}
			m := decodeOutput(t, out, w, h)
			corners := [4]image.Point{{10, 10}, {w - 10, 10}, {10, h - 10}, {w - 10, h - 10}}
			for i, p := range corners {
				if got := m.At(p.X, p.Y); !near(got, tt.want[i], 24) {
					t.Errorf("pixel %v is %v, want %v", p, got, tt.want[i])
				}
			}
		})
	}
}

func TestDisplayCopy_MalformedEXIFIsIgnored(t *testing.T) {
	stored := encodeJPEG(t, quadrantImage(400, 200))
	segments := [][]byte{
		exifSegment(0),
		exifSegment(9),
		exifSegment(0xFFFF),
		{0xFF, 0xE1, 0x00, 0x0A, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M'},
		{0xFF, 0xE1, 0x00, 0x12, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0},
	}
	for i, seg := range segments {
		out, w, h, err := DisplayCopy(withEXIF(stored, seg))
		if err != nil {
			t.Fatalf("segment %d: %v", i, err)
		}
		m := decodeOutput(t, out, w, h)
		if w != 400 || h != 200 || !near(m.At(10, 10), red, 24) {
			t.Errorf("segment %d: got %dx%d with top-left %v, want the stored 400x200 upright", i, w, h, m.At(10, 10))
		}
	}
}
