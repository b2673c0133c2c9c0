package credtest

import (
	"bytes"
	"testing"
)

// TestFixtures_AreTheSameBytesEveryRun: end-to-end fixtures and golden expectations rely on
// the test keys and signatures never changing between runs or machines.
func TestFixtures_AreTheSameBytesEveryRun(t *testing.T) {
	if IssuerKey.DID != "did:key:z6MkkrkrzY1GxTS4tweMETTVGisKPiqTgNYL6xcT6YuuWMPX" {
		t.Errorf("IssuerKey changed: %s", IssuerKey.DID)
	}
	if NewKey("issuer").DID != IssuerKey.DID || OtherKey.DID == IssuerKey.DID {
		t.Error("keys are not derived from their names alone")
	}
	o := OB3{Recipient: "a@example.ca", Salt: "s"}
	for name, make := range map[string]func() []byte{
		"ob3 json": func() []byte { return o.Signed(IssuerKey) },
		"ob3 jwt":  func() []byte { return o.JWT(IssuerKey, false) },
		"ob2 jws":  func() []byte { return OB2{Recipient: "a@example.ca", Salt: "s"}.Signed() },
		"clr":      func() []byte { return CLR{}.Signed(IssuerKey) },
		"png":      func() []byte { return BakePNG(PlainPNG(), KeywordOB3, o.Signed(IssuerKey), BeforeIEND) },
	} {
		if a, b := make(), make(); !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}
