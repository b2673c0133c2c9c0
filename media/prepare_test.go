package media

import (
	"bytes"
	"errors"
	"testing"
)

// Prepare decodes once what Inspect and DisplayCopy decode separately; adding a file must
// record the same description and the same display copy either way, and refuse what they refuse.
func TestPrepare_SameAsInspectThenDisplayCopy(t *testing.T) {
	photo := SamplePhoto(7, 2400, 1800, 6) // EXIF "rotate 90": the display copy stands upright
	tests := []struct {
		name    string
		data    []byte
		image   bool
		wantErr error
	}{
		{"rotated phone photo", photo, true, nil},
		{"png with quadrants", encodePNG(t, quadrantImage(300, 200)), true, nil},
		{"pdf is not an image", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n"), false, nil},
		{"truncated jpeg", photo[:len(photo)/2], false, ErrCorruptImage},
		{"png claiming 30000x30000", pngHeader(30000, 30000, 0), false, ErrImageTooLarge},
		{"animated webp keeps its type", animatedWebP(), false, ErrUnsupportedImage},
		{"empty", nil, false, ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, display, w, h, err := Prepare(tt.data)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Prepare error = %v, want %v", err, tt.wantErr)
			}
			wantInfo, inspectErr := Inspect(tt.data)
			if !errors.Is(inspectErr, tt.wantErr) {
				t.Fatalf("Inspect error = %v, want %v", inspectErr, tt.wantErr)
			}
			if info != wantInfo {
				t.Errorf("Prepare info = %+v, Inspect says %+v", info, wantInfo)
			}
			if info.IsImage != tt.image {
				t.Errorf("IsImage = %v, want %v", info.IsImage, tt.image)
			}
			if !tt.image {
				if display != nil || w != 0 || h != 0 {
					t.Errorf("a display copy (%d bytes, %dx%d) for a file that is not shown", len(display), w, h)
				}
				return
			}
			wantDisplay, ww, wh, err := DisplayCopy(tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(display, wantDisplay) || w != ww || h != wh {
				t.Errorf("display copy %dx%d (%d bytes), DisplayCopy makes %dx%d (%d bytes)", w, h, len(display), ww, wh, len(wantDisplay))
			}
			if (w > h) != (info.Width > info.Height) {
				t.Errorf("display copy %dx%d is not oriented like the upright image %dx%d", w, h, info.Width, info.Height)
			}
		})
	}
}
