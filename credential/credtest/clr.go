package credtest

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"strconv"
)

// CLR describes a CLR 2.0 ClrCredential to build; the zero value holds two achievements.
type CLR struct {
	Issuer    string // default: the signing key's did:key
	Recipient string
	Salt      string
	ValidFrom string // default 2024-06-30T12:00:00Z
	// Nested are the credentials inside; default two OB 3.0 achievements.
	Nested []OB3
}

// Credential returns the unsigned CLR with each nested credential signed by k.
func (c CLR) Credential(k Key) map[string]any {
	if c.Issuer == "" {
		c.Issuer = k.DID
	}
	if c.ValidFrom == "" {
		c.ValidFrom = "2024-06-30T12:00:00Z"
	}
	if c.Nested == nil {
		c.Nested = []OB3{
			{ID: "urn:uuid:5b1c3a0e-0001-4d0c-9a57-1c2f0e6b7a01", Name: "Data Analysis Fundamentals", NameFR: "Analyse de données : notions de base"},
			{ID: "urn:uuid:5b1c3a0e-0002-4d0c-9a57-1c2f0e6b7a02", Name: "Workplace Communication", Achievement: map[string]any{
				"id": "https://college.example.ca/achievements/com-110", "creditsAvailable": 2,
				"alignment": []any{map[string]any{"type": []any{"Alignment"}, "targetName": "Write clear reports",
					"targetFramework": "Skills for Success", "targetCode": "WRI-2", "targetUrl": "https://frameworks.example.ca/wri-2"}},
			}},
		}
	}
	var nested []any
	for _, n := range c.Nested {
		if n.Issuer == "" {
			n.Issuer = c.Issuer
		}
		if n.Recipient == "" {
			n.Recipient, n.Salt = c.Recipient, c.Salt
		}
		nested = append(nested, SignDataIntegrity(n.Credential(), k, ""))
	}
	subject := map[string]any{"type": []any{"ClrSubject"}, "verifiableCredential": nested}
	if c.Recipient != "" {
		subject["identifier"] = []any{map[string]any{
			"type": "IdentityObject", "hashed": true, "identityHash": IdentityHash(c.Recipient, c.Salt),
			"identityType": "emailAddress", "salt": c.Salt,
		}}
	}
	return map[string]any{
		"@context":          []any{ContextVC2, ContextCLR, ContextOB303},
		"id":                "urn:uuid:7c4b9e52-2f4e-4b8a-9d6e-6f0a1b2c3d4e",
		"type":              []any{"VerifiableCredential", "ClrCredential"},
		"name":              "Transcript — Example College",
		"issuer":            map[string]any{"id": c.Issuer, "type": []any{"Profile"}, "name": "Collège Exemple / Example College"},
		"validFrom":         c.ValidFrom,
		"credentialSubject": subject,
	}
}

// Signed returns the CLR signed by k (eddsa-rdfc-2022), its nested credentials too.
func (c CLR) Signed(k Key) []byte {
	return marshal(SignDataIntegrity(c.Credential(k), k, ""))
}

// JWT returns the CLR as a VC-JWT signed by k, named by its did:key in kid.
func (c CLR) JWT(k Key) []byte {
	return []byte(VCJWT(c.Credential(k), k, false))
}

// StatusListURL is where the test issuer publishes its status list.
const StatusListURL = "https://college.example.ca/status/1"

// StatusList returns a BitstringStatusListCredential for revocation, signed by k, with the
// given indexes set (revoked). It holds 131,072 entries, the specification's minimum.
func StatusList(k Key, revoked ...int) []byte {
	bits := make([]byte, 131072/8)
	for _, i := range revoked {
		bits[i/8] |= 0x80 >> (i % 8)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	_, _ = w.Write(bits)
	_ = w.Close()
	doc := map[string]any{
		"@context":  []any{ContextVC2},
		"id":        StatusListURL,
		"type":      []any{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":    k.DID,
		"validFrom": "2024-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"id": StatusListURL + "#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
			"encodedList": "u" + base64.RawURLEncoding.EncodeToString(z.Bytes()),
		},
	}
	return marshal(SignDataIntegrity(doc, k, ""))
}

// StatusEntry is a credentialStatus entry pointing at index of StatusList.
func StatusEntry(index int) map[string]any {
	return map[string]any{
		"id": StatusListURL + "#" + strconv.Itoa(index), "type": "BitstringStatusListEntry",
		"statusPurpose": "revocation", "statusListIndex": strconv.Itoa(index), "statusListCredential": StatusListURL,
	}
}
