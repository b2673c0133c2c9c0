package credential

import (
	"context"
	"encoding/base64"
	"testing"
	"time"

	"passerelle/fault"
)

// pngSeed is a 1×1 PNG with an OB 2.0 hosted assertion baked after IHDR.
func pngSeed() []byte {
	return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
		"\x00\x00\x00\x2biTXtopenbadges\x00\x00\x00\x00\x00{\"type\":\"Assertion\",\"badge\":\"x\"}\x00\x00\x00\x00" +
		"\x00\x00\x00\x00IEND\xaeB`\x82")
}

// assertRefusal fails unless err is nil or an application error: no input may panic or
// return an untranslatable error.
func assertRefusal(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		if _, ok := fault.As(err); !ok {
			t.Fatalf("not an application error: %v", err)
		}
	}
}

func FuzzExtractPNG(f *testing.F) {
	f.Add(pngSeed())
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("\x89PNG\r\n\x1a\n\xff\xff\xff\xffiTXt"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := extractPNG(data)
		assertRefusal(t, err)
		if err == nil && len(b.text) == 0 {
			t.Fatal("found a credential with no text")
		}
	})
}

func FuzzExtractSVG(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:o="http://openbadges.org"><o:assertion verify="https://e.org/a"><![CDATA[{"type":"Assertion"}]]></o:assertion></svg>`))
	f.Add([]byte(`<svg xmlns:b="https://purl.imsglobal.org/ob/v3p0"><b:credential verify="eyJhbGciOiJFZERTQSJ9.e30.c2ln"/></svg>`))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><svg><x:credential xmlns:x="https://purl.imsglobal.org/clr/v2p0"><a>{}</a></x:credential></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := extractSVG(data)
		assertRefusal(t, err)
		if err == nil && len(b.text) == 0 {
			t.Fatal("found a credential with no text")
		}
	})
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"issuer":"did:key:z6Mk","validFrom":"2024-01-01","credentialSubject":{"achievement":{"name":[{"@value":"A","@language":"fr"}]}},"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022","verificationMethod":"did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi","proofValue":"z1"}}`))
	f.Add([]byte(`{"type":"Assertion","recipient":{"hashed":true,"identity":"sha256$00","salt":"s","type":"email"},"badge":{"name":"x","issuer":{"id":"i"}},"issuedOn":"1500000000"}`))
	f.Add([]byte(`{"type":["VerifiableCredential","ClrCredential"],"credentialSubject":{"verifiableCredential":["a.b.c",{"type":"VerifiableCredential"}]}}`))
	f.Add([]byte(base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":"S96v3i6ovu-t2MaZtcfgcEz1EVTVLheyC3EzfKBMxaU"}}`)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(`{"vc":{"type":"VerifiableCredential","issuer":"x"},"nbf":1}`)) + ".c2ln"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Read("fuzz", data)
		assertRefusal(t, err)
		if err != nil {
			return
		}
		if c.Format == "" || c.Source == nil {
			t.Fatal("read a credential with no format or source")
		}
		// Whatever was read, verifying it must end with five checks and never panic.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		r := Verify(ctx, c, Options{Now: time.Unix(1700000000, 0), Emails: []string{"a@b.c"}})
		if len(r.Checks) != 5 {
			t.Fatalf("%d checks", len(r.Checks))
		}
	})
}
