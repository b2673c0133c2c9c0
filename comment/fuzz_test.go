package comment

import (
	"encoding/json"
	"testing"
)

// FuzzParse feeds the comments-file parser arbitrary bytes, starting from a valid file and its
// damaged forms: it never panics, and whatever it accepts has a matching checksum and only
// comments a coach could have written.
func FuzzParse(f *testing.F) {
	body := FileBody{Format: FileFormat, Version: FileVersion, ShareID: "0123456789abcdef0123456789abcdef",
		PortfolioID: "fedcba9876543210fedcba9876543210", CoachName: "Josée", WrittenAt: "2026-11-29T12:00:00Z",
		Comments: []FileComment{{ID: "00112233445566778899aabbccddeeff", Anchor: Anchor{Kind: OnClaimRule, ID: 3, Rule: "current"},
			Fingerprint: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AuthorName: "Josée",
			CreatedAt: "2026-11-29T12:00:00Z", Text: "Ajoutez une lettre « d’attestation »."}}}
	good, _ := json.Marshal(File{FileBody: body, SHA256: body.checksum()})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(`{"format":"passerelle-comments","version":2}`))
	f.Add([]byte(`{"format":"passerelle-comments","version":1,"comments":null,"sha256":""}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Parse(data)
		if err != nil {
			return
		}
		if got.SHA256 != got.checksum() {
			t.Fatalf("accepted a file whose checksum does not match")
		}
		for _, c := range got.Comments {
			if checkAnchor(c.Anchor) != nil || c.Text == "" {
				t.Fatalf("accepted comment %+v", c)
			}
		}
	})
}
