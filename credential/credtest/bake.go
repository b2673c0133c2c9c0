// Package credtest builds the credentials Passerelle's tests need — signed with deterministic
// test keys, baked into PNG and SVG — so the verifier, the import and the end-to-end tests
// check real bytes instead of files copied from the network.
package credtest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"html"
	"image"
	"image/color"
	"image/png"
	"strings"
)

// The PNG keywords and SVG namespaces of baked credentials.
const (
	KeywordOB2 = "openbadges"
	KeywordOB3 = "openbadgecredential"
	KeywordCLR = "clrcredential"
	NSOB2      = "http://openbadges.org"
	NSOB3      = "https://purl.imsglobal.org/ob/v3p0"
	NSCLR      = "https://purl.imsglobal.org/clr/v2p0"
)

// Where BakePNG puts the credential chunk: real OB 2.0 badges have it right after IHDR, the
// 1EdTech OB 3.0 samples just before IEND.
const (
	AfterIHDR  = false
	BeforeIEND = true
)

// PlainPNG is a small badge picture with no credential in it.
func PlainPNG() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			img.Set(x, y, color.NRGBA{R: uint8(30 * x), G: 90, B: uint8(30 * y), A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // encoding an in-memory image cannot fail
	}
	return b.Bytes()
}

// Chunk encodes one PNG chunk with its CRC.
func Chunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	_ = binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

// ITXt is an uncompressed iTXt chunk's data: keyword, flags, empty language and translated
// keyword, then the UTF-8 text, as the baking specifications write it.
func ITXt(keyword string, text []byte) []byte {
	d := append([]byte(keyword), 0, 0, 0, 0, 0)
	return append(d, text...)
}

// BakePNG puts text in an iTXt chunk with keyword into png, right after IHDR or just before
// IEND.
func BakePNG(png []byte, keyword string, text []byte, beforeIEND bool) []byte {
	return InsertChunk(png, Chunk("iTXt", ITXt(keyword, text)), beforeIEND)
}

// InsertChunk puts an encoded chunk into png right after IHDR or just before IEND.
func InsertChunk(png, chunk []byte, beforeIEND bool) []byte {
	const sig = 8
	ihdrEnd := sig + 12 + int(binary.BigEndian.Uint32(png[sig:sig+4]))
	at := ihdrEnd
	if beforeIEND {
		at = len(png) - 12 // IEND has no data: its chunk is the last 12 bytes
	}
	out := append([]byte{}, png[:at]...)
	out = append(out, chunk...)
	return append(out, png[at:]...)
}

// BakeSVG puts a credential into an SVG badge in the namespace ns: as the verify attribute
// when verify is given (a JWS, or the hosted assertion URL), and as CDATA when body is given.
func BakeSVG(ns, verify, body string) []byte {
	elem := "credential"
	if ns == NSOB2 {
		elem = "assertion"
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:badge="` + ns + `" width="64" height="64" viewBox="0 0 64 64">` + "\n")
	b.WriteString(`  <badge:` + elem)
	if verify != "" {
		b.WriteString(` verify="` + html.EscapeString(verify) + `"`)
	}
	b.WriteString(">")
	if body != "" {
		b.WriteString("<![CDATA[" + body + "]]>")
	}
	b.WriteString(`</badge:` + elem + ">\n")
	b.WriteString(`  <circle cx="32" cy="32" r="28" fill="#2a6f97"/>` + "\n</svg>\n")
	return []byte(b.String())
}
