package media

import (
	"bytes"
	"encoding/binary"
)

// EXIF orientation values this package understands (TIFF tag 0x0112): how
// the stored pixels must be turned for a person to see the photo upright.
const (
	orientNormal     = 1
	orientLast       = 8
	orientationTag   = 0x0112
	tiffTypeShort    = 3
	tiffTypeLong     = 4
	tiffHeaderLength = 8
	ifdEntryLength   = 12
)

// exifHeader opens the payload of an APP1 segment that carries EXIF.
const exifHeader = "Exif\x00\x00"

// orientationOf returns the EXIF orientation of an image, 1 when it has none
// or when its EXIF is malformed. Only JPEG carries it in practice: phones
// write it there instead of rotating the pixels.
func orientationOf(f format, data []byte) int {
	if f != formatJPEG {
		return orientNormal
	}
	return jpegOrientation(data)
}

// swapsSides reports the orientations that turn the image a quarter turn.
func swapsSides(orientation int) bool {
	return orientation >= 5 && orientation <= orientLast
}

// jpegOrientation walks the JPEG marker segments before the image data and
// reads the orientation from the first APP1 Exif segment that has one. Every
// step moves forward, so it ends on any input.
func jpegOrientation(data []byte) int {
	if len(data) < 2 || data[0] != 0xFF || data[1] != 0xD8 {
		return orientNormal
	}
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return orientNormal
		}
		marker := data[i+1]
		if marker == 0xFF { // fill byte before a marker
			i++
			continue
		}
		i += 2
		switch {
		case marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7):
			continue // markers without a length
		case marker == 0xDA || marker == 0xD9:
			return orientNormal // image data or end: no EXIF follows
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return orientNormal
		}
		payload := data[i+2 : i+n]
		if marker == 0xE1 && bytes.HasPrefix(payload, []byte(exifHeader)) {
			if o, ok := tiffOrientation(payload[len(exifHeader):]); ok {
				return o
			}
		}
		i += n
	}
	return orientNormal
}

// tiffOrientation reads tag 0x0112 from IFD0 of a TIFF structure, checking
// every offset against the buffer; ok is false when the tag is absent or bad.
func tiffOrientation(b []byte) (orientation int, ok bool) {
	if len(b) < tiffHeaderLength {
		return orientNormal, false
	}
	var bo binary.ByteOrder
	switch string(b[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return orientNormal, false
	}
	if bo.Uint16(b[2:]) != 42 {
		return orientNormal, false
	}
	off := uint64(bo.Uint32(b[4:]))
	if off < tiffHeaderLength || off+2 > uint64(len(b)) {
		return orientNormal, false
	}
	entries := int(bo.Uint16(b[off:]))
	for k := range entries {
		e := int(off) + 2 + ifdEntryLength*k
		if e+ifdEntryLength > len(b) {
			return orientNormal, false
		}
		if bo.Uint16(b[e:]) != orientationTag {
			continue
		}
		if bo.Uint32(b[e+4:]) != 1 {
			return orientNormal, false
		}
		v := 0
		switch bo.Uint16(b[e+2:]) {
		case tiffTypeShort:
			v = int(bo.Uint16(b[e+8:]))
		case tiffTypeLong:
			v = int(bo.Uint32(b[e+8:]))
		}
		if v < orientNormal || v > orientLast {
			return orientNormal, false
		}
		return v, true
	}
	return orientNormal, false
}

// exifSegment builds the smallest APP1 segment that carries an orientation:
// a big-endian TIFF header and an IFD0 with the one tag.
func exifSegment(orientation uint16) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xE1, 0, 34})
	b.WriteString(exifHeader)
	b.WriteString("MM\x00\x2A")
	b.Write([]byte{0, 0, 0, tiffHeaderLength})
	b.Write([]byte{0, 1})                         // one entry
	b.Write([]byte{0x01, 0x12, 0, tiffTypeShort}) // orientation, SHORT
	b.Write([]byte{0, 0, 0, 1})                   // count
	b.Write([]byte{byte(orientation >> 8), byte(orientation), 0, 0})
	b.Write([]byte{0, 0, 0, 0}) // no next IFD
	return b.Bytes()
}

// withEXIF inserts an APP1 segment right after the SOI marker of a JPEG.
func withEXIF(jpegData, segment []byte) []byte {
	out := make([]byte, 0, len(jpegData)+len(segment))
	out = append(out, jpegData[:2]...)
	out = append(out, segment...)
	return append(out, jpegData[2:]...)
}
