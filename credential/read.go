package credential

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"

	"passerelle/fault"
)

// Media types of the files Read accepts, as kept in Credential.MediaType.
const (
	MediaPNG  = "image/png"
	MediaSVG  = "image/svg+xml"
	MediaJSON = "application/json"
	MediaJWT  = "application/jwt"
)

// source is what Verify needs beyond the contract fields: the credential as parsed, its JWS
// when it was signed with JOSE, and the nested credentials of a CLR.
type source struct {
	doc    map[string]any // the credential (for a JWT, the credential inside the payload)
	claims map[string]any // the JWT payload, when signed with JOSE
	header map[string]any // the JWS protected header
	jws    string         // the compact JWS as it was signed
	url    string         // an OB 2.0 hosted assertion's URL, when the baked file gave it
	nested []*Credential  // each credential inside a CLR, in Achievements order
}

// Read finds and parses the credential in a file's bytes (baked PNG, baked SVG, JSON, compact JWS).
// The name is only used to say which file was refused; the bytes decide what the file is.
func Read(name string, data []byte) (*Credential, error) {
	if len(data) > MaxFileSize {
		return nil, withFile(errTooLarge(), name)
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	var (
		b         baked
		mediaType string
		err       error
	)
	switch {
	case bytes.HasPrefix(data, pngSignature):
		mediaType = MediaPNG
		b, err = extractPNG(data)
	case bytes.HasPrefix(head, []byte("<")):
		mediaType = MediaSVG
		b, err = extractSVG(data)
	case bytes.HasPrefix(head, []byte("{")):
		mediaType = MediaJSON
		b = baked{text: head}
	case looksLikeJWS(head):
		mediaType = MediaJWT
		b = baked{text: bytes.TrimSpace(head)}
	default:
		err = errNotCredential()
	}
	if err != nil {
		return nil, withFile(err, name)
	}
	c, err := parseText(b.text, b.url)
	if err != nil {
		return nil, withFile(err, name)
	}
	c.Source = data
	c.MediaType = mediaType
	return c, nil
}

// withFile names the file in a refusal, so a learner who dropped several knows which one.
func withFile(err error, name string) error {
	if e, ok := fault.As(err); ok {
		if e.Args == nil {
			e.Args = map[string]any{}
		}
		e.Args["Name"] = name
	}
	return err
}

// looksLikeJWS tells a compact JWS: three base64url parts separated by dots.
func looksLikeJWS(b []byte) bool {
	s := strings.TrimSpace(string(b))
	parts := strings.Split(s, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return false
	}
	for _, p := range parts {
		if strings.Trim(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
			return false
		}
	}
	return true
}

// parseText parses a credential's text: JSON (OB 2.0 assertion, OB 3.0 or CLR 2.0 credential)
// or a compact JWS (OB 2.0 signed assertion, VC-JWT). A leading "{" tells them apart.
func parseText(text []byte, url string) (*Credential, error) {
	if len(text) > maxPayload {
		return nil, errTooLarge()
	}
	if bytes.HasPrefix(text, []byte("{")) {
		doc, err := decodeObject(text)
		if err != nil {
			return nil, err
		}
		return parseJSON(doc, url)
	}
	if looksLikeJWS(text) {
		return parseJWS(strings.TrimSpace(string(text)))
	}
	return nil, errNotCredential()
}

// decodeObject decodes one JSON object and nothing after it.
func decodeObject(text []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(text))
	var doc map[string]any
	if err := d.Decode(&doc); err != nil || doc == nil {
		return nil, fault.New(fault.Invalid, "file", "CredentialBadJSON")
	}
	if d.More() {
		return nil, fault.New(fault.Invalid, "file", "CredentialBadJSON")
	}
	return doc, nil
}

// parseJSON tells a Verifiable Credential (OB 3.0, CLR 2.0) from an OB 2.0 assertion.
func parseJSON(doc map[string]any, url string) (*Credential, error) {
	switch {
	case hasType(doc, "ClrCredential"):
		return parseVC(doc, FormatCLR2JSON, &source{doc: doc})
	case isVC(doc):
		return parseVC(doc, FormatOB3JSON, &source{doc: doc})
	case isOB2Assertion(doc):
		return parseOB2(doc, FormatOB2Hosted, &source{doc: doc, url: url})
	}
	return nil, errNotCredential()
}

// parseJWS reads a compact JWS: a VC-JWT (the credential in the "vc" claim, or the payload
// itself) or an OB 2.0 signed assertion (the assertion is the payload).
func parseJWS(jws string) (*Credential, error) {
	parts := strings.Split(jws, ".")
	header, err := decodePart(parts[0])
	if err != nil {
		return nil, err
	}
	payload, err := decodePart(parts[1])
	if err != nil {
		return nil, err
	}
	src := &source{header: header, jws: jws}
	doc := payload
	if vc, ok := payload["vc"].(map[string]any); ok {
		doc = vc
		src.claims = payload
	} else if isVC(payload) {
		src.claims = payload
	}
	src.doc = doc
	switch {
	case hasType(doc, "ClrCredential"):
		return parseVC(doc, FormatCLR2JWT, src)
	case isVC(doc):
		return parseVC(doc, FormatOB3JWT, src)
	case isOB2Assertion(doc):
		return parseOB2(doc, FormatOB2Signed, src)
	}
	return nil, errNotCredential()
}

// decodePart decodes one base64url part of a compact JWS into a JSON object.
func decodePart(p string) (map[string]any, error) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(p, "="))
	if err != nil {
		return nil, fault.New(fault.Invalid, "file", "CredentialBadJWS")
	}
	doc, err := decodeObject(bytes.TrimSpace(b))
	if err != nil {
		return nil, fault.New(fault.Invalid, "file", "CredentialBadJWS")
	}
	return doc, nil
}

// isVC tells a W3C Verifiable Credential by its type.
func isVC(doc map[string]any) bool {
	return hasType(doc, "VerifiableCredential") || hasType(doc, "OpenBadgeCredential") ||
		hasType(doc, "AchievementCredential")
}

// isOB2Assertion tells an OB 2.0 (or 1.x) assertion by its type or its two required members.
func isOB2Assertion(doc map[string]any) bool {
	if hasType(doc, "Assertion") {
		return true
	}
	_, r := doc["recipient"]
	_, b := doc["badge"]
	return r && b
}

// hasType tells whether a JSON-LD node's type (a string or a list) includes t, with or
// without a prefix such as "obi:".
func hasType(doc map[string]any, t string) bool {
	for _, v := range strs(doc["type"]) {
		if v == t || strings.HasSuffix(v, ":"+t) {
			return true
		}
	}
	return false
}
