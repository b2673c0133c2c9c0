package credential

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"unicode/utf8"

	"passerelle/fault"
)

// Size limits: a badge image is small, and a credential larger than this is not one a learner
// earned but a file built to exhaust memory.
const (
	// MaxFileSize is the largest file Read accepts.
	MaxFileSize = 16 << 20
	// maxPayload is the largest credential text inside a file.
	maxPayload = 2 << 20
)

// The PNG keywords and SVG namespaces that mark a baked credential (1EdTech baking
// specifications; the CLR ones as the 1EdTech validator reads them).
const (
	pngKeywordOB2 = "openbadges"
	pngKeywordOB3 = "openbadgecredential"
	pngKeywordCLR = "clrcredential"
	nsOB2         = "http://openbadges.org"
	nsOB3         = "https://purl.imsglobal.org/ob/v3p0"
	nsCLR         = "https://purl.imsglobal.org/clr/v2p0"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// baked is what an image holds: the credential's text (JSON or compact JWS) and, for an
// OB 2.0 hosted badge, the assertion URL that is its source of truth.
type baked struct {
	text []byte
	url  string
}

// extractPNG scans a PNG chunk by chunk up to IEND and returns the first credential chunk:
// iTXt with an Open Badges or CLR keyword, or the legacy tEXt openbadges.
func extractPNG(data []byte) (baked, error) {
	if !bytes.HasPrefix(data, pngSignature) {
		return baked{}, errNotCredential()
	}
	rest := data[len(pngSignature):]
	for len(rest) >= 12 {
		n := binary.BigEndian.Uint32(rest[:4])
		if uint64(n) > uint64(len(rest)-12) {
			return baked{}, errDamagedImage()
		}
		typ := string(rest[4:8])
		body := rest[8 : 8+n]
		sum := binary.BigEndian.Uint32(rest[8+n : 12+n])
		rest = rest[12+n:]
		switch typ {
		case "IEND":
			return baked{}, errNoBadgeInImage()
		case "iTXt", "tEXt":
			if crc32.ChecksumIEEE([]byte(typ+string(body))) != sum {
				if isBadgeChunk(typ, body) {
					return baked{}, errDamagedImage()
				}
				continue
			}
			b, found, err := readTextChunk(typ, body)
			if err != nil {
				return baked{}, err
			}
			if found {
				return b, nil
			}
		}
	}
	return baked{}, errDamagedImage()
}

// isBadgeChunk tells whether a text chunk's keyword is one of the credential keywords.
func isBadgeChunk(typ string, body []byte) bool {
	kw, _, ok := bytes.Cut(body, []byte{0})
	if !ok {
		return false
	}
	switch string(kw) {
	case pngKeywordOB2:
		return true
	case pngKeywordOB3, pngKeywordCLR:
		return typ == "iTXt"
	}
	return false
}

// readTextChunk reads one iTXt or tEXt chunk; found is false when its keyword is not a
// credential's.
func readTextChunk(typ string, body []byte) (baked, bool, error) {
	if !isBadgeChunk(typ, body) {
		return baked{}, false, nil
	}
	_, rest, _ := bytes.Cut(body, []byte{0})
	if typ == "tEXt" {
		// Latin-1 text: pre-2013 badges hold the assertion URL only.
		return bakedText(latin1(rest))
	}
	if len(rest) < 2 {
		return baked{}, false, errDamagedImage()
	}
	if rest[0] != 0 {
		// The baking specification forbids compression; a reader that inflated it would
		// open a path to decompression bombs for no real badge.
		return baked{}, false, fault.New(fault.Unsupported, "file", "CredentialCompressedChunk")
	}
	rest = rest[2:]
	_, rest, ok := bytes.Cut(rest, []byte{0}) // language tag
	if !ok {
		return baked{}, false, errDamagedImage()
	}
	_, rest, ok = bytes.Cut(rest, []byte{0}) // translated keyword
	if !ok {
		return baked{}, false, errDamagedImage()
	}
	return bakedText(rest)
}

// bakedText turns a chunk's or an attribute's text into a credential text, or the URL-only
// refusal when it holds nothing but an address.
func bakedText(text []byte) (baked, bool, error) {
	text = bytes.TrimSpace(text)
	if len(text) > maxPayload {
		return baked{}, false, errTooLarge()
	}
	if len(text) == 0 {
		return baked{}, false, errNoBadgeInImage()
	}
	if isURL(string(text)) {
		return baked{}, false, errOnlyURL(string(text))
	}
	return baked{text: text}, true, nil
}

// latin1 converts ISO 8859-1 bytes (tEXt chunks) to UTF-8.
func latin1(b []byte) []byte {
	var out []byte
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// isURL tells an address from a credential: hosted OB 2.0 badges put their assertion URL where
// a signed one puts its JWS.
func isURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \n\t{")
}

// extractSVG finds the credential element by namespace URI (not by prefix, which an editor may
// rename): an OB 2.0 assertion, an OB 3.0 credential or a CLR 2.0 credential.
func extractSVG(data []byte) (baked, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "iso-8859-1") || strings.EqualFold(label, "latin1") {
			b, err := io.ReadAll(input)
			return bytes.NewReader(latin1(b)), err
		}
		return nil, errors.New("unsupported encoding " + label)
	}
	sawSVG := false
	for {
		tok, err := d.Token()
		if err != nil {
			if !sawSVG {
				return baked{}, errNotCredential()
			}
			if err == io.EOF {
				return baked{}, errNoBadgeInImage()
			}
			return baked{}, errDamagedImage()
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local == "svg" {
			sawSVG = true
		}
		if !isCredentialElement(start.Name) {
			continue
		}
		verify := ""
		for _, a := range start.Attr {
			if a.Name.Local == "verify" {
				verify = strings.TrimSpace(a.Value)
			}
		}
		var body bytes.Buffer
		for depth := 1; depth > 0; {
			tok, err := d.Token()
			if err != nil {
				return baked{}, errDamagedImage()
			}
			switch t := tok.(type) {
			case xml.StartElement:
				depth++
			case xml.EndElement:
				depth--
			case xml.CharData:
				if body.Len()+len(t) > maxPayload {
					return baked{}, errTooLarge()
				}
				if depth == 1 {
					body.Write(t)
				}
			}
		}
		text := bytes.TrimSpace(body.Bytes())
		if len(text) > 0 {
			b := baked{text: text}
			if isURL(verify) {
				b.url = verify
			}
			return b, nil
		}
		b, _, err := bakedText([]byte(verify))
		return b, err
	}
}

// isCredentialElement tells whether an element is where a baked SVG keeps its credential.
func isCredentialElement(n xml.Name) bool {
	switch n.Space {
	case nsOB2:
		return n.Local == "assertion"
	case nsOB3, nsCLR:
		return n.Local == "credential"
	}
	return false
}

func errNotCredential() error {
	return fault.New(fault.Unsupported, "file", "CredentialNotReadable")
}

func errNoBadgeInImage() error {
	return fault.New(fault.NotFound, "file", "CredentialNoBadgeInImage")
}

func errDamagedImage() error {
	return fault.New(fault.Invalid, "file", "CredentialImageDamaged")
}

func errTooLarge() error {
	return fault.New(fault.TooLarge, "file", "CredentialTooLarge", "MaxMB", MaxFileSize>>20)
}

func errOnlyURL(u string) error {
	return fault.New(fault.Unsupported, "file", "CredentialOnlyURL", "URL", u)
}
