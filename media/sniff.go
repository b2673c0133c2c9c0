package media

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"strings"
	"unicode/utf8"
)

// Media types that sniff reports and the rest of Passerelle compares against.
const (
	TypeJPEG  = "image/jpeg"                                                                // camera and phone photos
	TypePNG   = "image/png"                                                                 // screenshots and scans
	TypeGIF   = "image/gif"                                                                 // old scans and web images
	TypeWebP  = "image/webp"                                                                // images saved from the web
	TypePDF   = "application/pdf"                                                           // certificates and transcripts
	TypeText  = "text/plain; charset=utf-8"                                                 // notes and reflections
	TypeZip   = "application/zip"                                                           // archives of several files
	TypeDOCX  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"   // Word letters
	TypeXLSX  = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"         // Excel logs
	TypePPTX  = "application/vnd.openxmlformats-officedocument.presentationml.presentation" // slide decks
	TypeOLE   = "application/x-ole-storage"                                                 // legacy .doc, .xls, .ppt
	TypeBytes = "application/octet-stream"                                                  // anything unrecognised
)

// magic is a signature at the start of a file.
type magic struct{ signature, mediaType string }

// magics lists the signatures that sniff checks first, in order.
func magics() []magic {
	return []magic{
		{"\xFF\xD8\xFF", TypeJPEG},
		{"\x89PNG\r\n\x1A\n", TypePNG},
		{"GIF87a", TypeGIF},
		{"GIF89a", TypeGIF},
		{"%PDF-", TypePDF},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", TypeOLE},
		{"II*\x00", "image/tiff"},
		{"MM\x00*", "image/tiff"},
		{"ID3\x02", "audio/mpeg"},
		{"ID3\x03", "audio/mpeg"},
		{"ID3\x04", "audio/mpeg"},
		{"OggS\x00", "application/ogg"},
		{"\x1A\x45\xDF\xA3", "video/webm"},
	}
}

// riffType names the form type of a RIFF container.
func riffType(form string) string {
	switch form {
	case "WEBP":
		return TypeWebP
	case "WAVE":
		return "audio/wav"
	case "AVI ":
		return "video/x-msvideo"
	}
	return ""
}

// ftypType names the major brand of an ISO base media file: phones save
// photos as HEIC and videos as MP4 or QuickTime in this container.
func ftypType(brand string) string {
	switch brand {
	case "heic", "heix", "hevc", "heim", "heis":
		return "image/heic"
	case "mif1", "msf1":
		return "image/heif"
	case "avif":
		return "image/avif"
	case "isom", "iso2", "mp41", "mp42", "avc1", "M4V ":
		return "video/mp4"
	case "M4A ":
		return "audio/mp4"
	case "qt  ":
		return "video/quicktime"
	}
	return ""
}

// officeType names the Office Open XML document that a zip entry identifies.
func officeType(entry string) string {
	switch entry {
	case "word/document.xml":
		return TypeDOCX
	case "xl/workbook.xml":
		return TypeXLSX
	case "ppt/presentation.xml":
		return TypePPTX
	}
	return ""
}

// isBMP checks the BMP signature and its header size, since "BM" alone
// also starts ordinary text.
func isBMP(data []byte) bool {
	if len(data) < 18 || string(data[:2]) != "BM" {
		return false
	}
	switch binary.LittleEndian.Uint32(data[14:18]) {
	case 12, 40, 52, 56, 108, 124:
		return true
	}
	return false
}

// sniff names the media type of data from its content alone.
func sniff(data []byte) string {
	for _, m := range magics() {
		if bytes.HasPrefix(data, []byte(m.signature)) {
			return m.mediaType
		}
	}
	if isBMP(data) {
		return "image/bmp"
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		if t := riffType(string(data[8:12])); t != "" {
			return t
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		if t := ftypType(string(data[8:12])); t != "" {
			return t
		}
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return sniffZip(data)
	}
	if isText(data) {
		return TypeText
	}
	return TypeBytes
}

// sniffZip tells Office and OpenDocument files from other zip archives by
// their entries; a damaged archive is still reported as a zip.
func sniffZip(data []byte) string {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return TypeZip
	}
	for _, f := range r.File {
		if t := officeType(f.Name); t != "" {
			return t
		}
	}
	if len(r.File) > 0 && r.File[0].Name == "mimetype" {
		if t := openDocumentType(r.File[0]); t != "" {
			return t
		}
	}
	return TypeZip
}

// openDocumentType reads the mimetype entry that OpenDocument and EPUB files
// store first in their archive.
func openDocumentType(f *zip.File) string {
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 100))
	if err != nil {
		return ""
	}
	t := string(b)
	if strings.HasPrefix(t, "application/vnd.oasis.opendocument.") || t == "application/epub+zip" {
		return t
	}
	return ""
}

// isText reports UTF-8 text without the control bytes that mark binary data
// (the same set as the WHATWG sniffing standard), checked over the whole file.
func isText(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1B {
			return false
		}
	}
	return utf8.Valid(data)
}
