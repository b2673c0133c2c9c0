package credtest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// OB2 describes an OB 2.0 assertion to build; the zero value plus a Recipient is a valid
// hosted assertion with its BadgeClass and Issuer embedded.
type OB2 struct {
	Recipient string // the learner's email
	Salt      string // when not "", the identity is hashed sha256(email+salt)
	Plain     bool   // the identity is the email itself (hashed: false)
	IssuedOn  string // default 2024-05-01T12:00:00Z
	Expires   string
	BadgeURL  bool   // the badge is named by URL only, as many hosted badges do
	Name      string // default "Workplace First Aid"
}

// AssertionURL is where the test assertions say they are hosted.
const AssertionURL = "https://badges.example.org/assertions/7f3c"

// IdentityHash is the OB 2.0 recipient hash of an email with a salt.
func IdentityHash(email, salt string) string {
	sum := sha256.Sum256([]byte(email + salt))
	return "sha256$" + hex.EncodeToString(sum[:])
}

// Assertion returns the OB 2.0 assertion as a map, to sign or to marshal.
func (o OB2) Assertion(verification map[string]any) map[string]any {
	if o.IssuedOn == "" {
		o.IssuedOn = "2024-05-01T12:00:00Z"
	}
	if o.Name == "" {
		o.Name = "Workplace First Aid"
	}
	recipient := map[string]any{"type": "email", "hashed": false, "identity": o.Recipient}
	if !o.Plain {
		recipient = map[string]any{"type": "email", "hashed": true, "salt": o.Salt, "identity": IdentityHash(o.Recipient, o.Salt)}
	}
	var badge any = "https://badges.example.org/badges/first-aid"
	if !o.BadgeURL {
		badge = map[string]any{
			"type":        "BadgeClass",
			"id":          "https://badges.example.org/badges/first-aid",
			"name":        o.Name,
			"description": "Gives first aid and CPR at work, to the Canadian Red Cross standard.",
			"image":       "https://badges.example.org/badges/first-aid.png",
			"criteria":    map[string]any{"narrative": "Passed a 16-hour course with a practical assessment."},
			"issuer": map[string]any{
				"type": "Profile", "id": "https://badges.example.org/issuer",
				"name": "Northern Safety College", "url": "https://badges.example.org",
			},
			"alignment": []any{map[string]any{
				"targetName": "Apply first aid", "targetFramework": "Essential Skills",
				"targetCode": "FA-1", "targetUrl": "https://frameworks.example.org/fa-1",
			}},
		}
	}
	a := map[string]any{
		"@context":     "https://w3id.org/openbadges/v2",
		"type":         "Assertion",
		"id":           AssertionURL,
		"recipient":    recipient,
		"badge":        badge,
		"issuedOn":     o.IssuedOn,
		"verification": verification,
	}
	if o.Expires != "" {
		a["expires"] = o.Expires
	}
	return a
}

// Hosted returns a hosted OB 2.0 assertion's JSON.
func (o OB2) Hosted() []byte {
	return marshal(o.Assertion(map[string]any{"type": "hosted"}))
}

// marshal encodes test data that is always encodable.
func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the fixtures are maps of strings and numbers
	}
	return b
}
