package credential_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"passerelle/credential"
	"passerelle/credential/credtest"
)

var now = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

const learner = "ana.tremblay@example.ca"

// got returns "state reason" for one check.
func got(r credential.Result, name credential.CheckName) string {
	for _, c := range r.Checks {
		if c.Check == name {
			return string(c.State) + " " + c.Reason
		}
	}
	return "missing"
}

func verify(t *testing.T, file []byte, o credential.Options) credential.Result {
	t.Helper()
	c, err := credential.Read("badge", file)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if o.Now.IsZero() {
		o.Now = now
	}
	if o.Emails == nil {
		o.Emails = []string{learner}
	}
	r := credential.Verify(context.Background(), c, o)
	checkReasons(t, r)
	return r
}

// tamper changes one character of a signed credential's name.
func tamper(b []byte) []byte {
	return []byte(strings.Replace(string(b), "Data Analysis Fundamentals", "Data Analysis Fundamentalz", 1))
}

func TestVerify_EveryStateOfAnOB3Credential(t *testing.T) {
	k := credtest.IssuerKey
	valid := credtest.OB3{Recipient: learner, Salt: "pepper"}
	wrongKey := credential.Options{}
	tests := []struct {
		name string
		file []byte
		o    credential.Options
		want map[credential.CheckName]string
	}{
		{"valid", valid.Signed(k), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckIssuerKey: "passed issuer_is_did",
			credential.CheckValidity:  "passed valid",
			credential.CheckRevoked:   "not_checked no_status",
			credential.CheckRecipient: "passed issued_to_you",
		}},
		{"tampered by one character", tamper(valid.Signed(k)), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "failed signature_invalid",
			credential.CheckIssuerKey: "could_not_check no_verified_key",
		}},
		{"signed by another key than the issuer's did:key", credtest.OB3{Issuer: k.DID, Recipient: learner, Salt: "pepper"}.Signed(credtest.OtherKey), wrongKey, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckIssuerKey: "failed key_not_issuers_did",
		}},
		{"an https issuer signing with a did:key", credtest.OB3{Issuer: "https://college.example.ca/issuer"}.Signed(k), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckIssuerKey: "not_checked key_is_other_did",
		}},
		{"expired", credtest.OB3{ValidUntil: "2025-05-01T00:00:00Z"}.Signed(k), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckValidity:  "failed expired",
			credential.CheckRecipient: "could_not_check no_recipient",
		}},
		{"not yet valid", credtest.OB3{ValidFrom: "2027-01-01T00:00:00Z"}.Signed(k), credential.Options{}, map[credential.CheckName]string{
			credential.CheckValidity: "failed not_yet_valid",
		}},
		{"issued to someone else", credtest.OB3{Recipient: "someone@example.org", Salt: "pepper"}.Signed(k), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckRecipient: "failed issued_to_someone_else",
		}},
		{"no email to compare", valid.Signed(k), credential.Options{Emails: []string{}}, map[credential.CheckName]string{
			credential.CheckRecipient: "could_not_check no_email",
		}},
		{"unsigned", credtest.OB3{}.JSON(), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "could_not_check no_proof",
		}},
		{"control characters in a string value", credtest.OB3{Achievement: map[string]any{"description": "Line\u0001one\bbell\u007f\fend\u001f"}}.Signed(k), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
		}},
		{"relative @type", signedLax(credtest.OB3{Achievement: map[string]any{"type": []any{"Achievement", "LocalBadge"}}}), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "failed relative_iri",
		}},
		{"vc-jwt with did:key kid", credtest.OB3{Recipient: learner, Salt: "s"}.JWT(k, false), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckIssuerKey: "passed issuer_is_did",
			credential.CheckRecipient: "passed issued_to_you",
		}},
		{"vc-jwt with header jwk", credtest.OB3{Issuer: "https://college.example.ca/issuer"}.JWT(k, true), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckIssuerKey: "not_checked key_from_jwt_header",
		}},
		{"vc-jwt tampered", tamperJWT(credtest.OB3{}.JWT(k, false)), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "failed signature_invalid",
		}},
		{"key in an https fragment", signedAt(credtest.OB3{Issuer: "https://college.example.ca/issuer"}, "https://college.example.ca/issuer#"+k.Multibase), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckIssuerKey: "not_checked key_from_issuer_url",
		}},
		{"did:web key", signedAt(credtest.OB3{Issuer: "did:web:college.example.ca"}, "did:web:college.example.ca#key-1"), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "not_checked key_needs_network",
			credential.CheckIssuerKey: "not_checked key_needs_network",
		}},
		{"status list not held", credtest.OB3{Status: credtest.StatusEntry(42)}.Signed(k), credential.Options{}, map[credential.CheckName]string{
			credential.CheckRevoked: "not_checked status_needs_network",
		}},
		{"status list held, not revoked", credtest.OB3{Status: credtest.StatusEntry(42)}.Signed(k), credential.Options{StatusLists: [][]byte{credtest.StatusList(k, 7)}}, map[credential.CheckName]string{
			credential.CheckRevoked: "passed not_revoked",
		}},
		{"status list held, revoked", credtest.OB3{Status: credtest.StatusEntry(42)}.Signed(k), credential.Options{StatusLists: [][]byte{credtest.StatusList(k, 7, 42)}}, map[credential.CheckName]string{
			credential.CheckRevoked: "failed revoked",
		}},
		{"status list signed by someone else", credtest.OB3{Status: credtest.StatusEntry(42)}.Signed(k), credential.Options{StatusLists: [][]byte{credtest.StatusList(credtest.OtherKey)}}, map[credential.CheckName]string{
			credential.CheckRevoked: "could_not_check status_list_other_issuer",
		}},
		{"status list tampered", credtest.OB3{Status: credtest.StatusEntry(42)}.Signed(k), credential.Options{StatusLists: [][]byte{[]byte(strings.Replace(string(credtest.StatusList(k, 42)), "2024-01-01", "2024-01-02", 1))}}, map[credential.CheckName]string{
			credential.CheckRevoked: "could_not_check status_list_unverified",
		}},
	}
	for _, tt := range tests {
		for _, baked := range bakings(tt.file, credtest.KeywordOB3, credtest.NSOB3) {
			t.Run(tt.name+" "+baked.how, func(t *testing.T) {
				r := verify(t, baked.file, tt.o)
				for name, want := range tt.want {
					if g := got(r, name); g != want {
						t.Errorf("%s: %s, want %s", name, g, want)
					}
				}
			})
		}
	}
}

// bakings gives a credential as its own file, baked into a PNG after IHDR and before IEND,
// and into an SVG (JSON as CDATA, a JWS in the verify attribute).
func bakings(file []byte, keyword, ns string) []struct {
	how  string
	file []byte
} {
	png := credtest.PlainPNG()
	svg := credtest.BakeSVG(ns, "", string(file))
	if file[0] != '{' {
		svg = credtest.BakeSVG(ns, string(file), "")
	}
	return []struct {
		how  string
		file []byte
	}{
		{"(file)", file},
		{"(png after IHDR)", credtest.BakePNG(png, keyword, file, credtest.AfterIHDR)},
		{"(png before IEND)", credtest.BakePNG(png, keyword, file, credtest.BeforeIEND)},
		{"(svg)", svg},
	}
}

func TestVerify_UnknownContextIsNeverFetchedNorSkipped(t *testing.T) {
	k := credtest.IssuerKey
	doc := credtest.OB3{Issuer: k.DID}.Credential()
	signed := credtest.SignDataIntegrity(doc, k, "")
	signed["@context"] = append(signed["@context"].([]any), "https://example.org/my-context.json")
	r := verify(t, mustJSON(signed), credential.Options{})
	if g := got(r, credential.CheckSignature); g != "could_not_check unknown_context" {
		t.Fatalf("signature: %s", g)
	}
	if r.Checks[0].Args["URL"] != "https://example.org/my-context.json" {
		t.Errorf("args %v do not name the context", r.Checks[0].Args)
	}
	if r.Failed() {
		t.Error("an unknown context is not a failure")
	}
}

func TestVerify_RecordsTheKeyAndTheContextSet(t *testing.T) {
	k := credtest.IssuerKey
	r := verify(t, credtest.OB3{}.Signed(k), credential.Options{})
	if r.Key != k.Multibase || r.KeySource != credential.KeySourceDIDKey {
		t.Errorf("key %q from %q, want %q from did:key", r.Key, r.KeySource, k.Multibase)
	}
	if r.Contexts == "" || r.Contexts != credential.ContextSetSHA256() || len(r.Contexts) != 64 {
		t.Errorf("contexts %q", r.Contexts)
	}
	if !r.CheckedAt.Equal(now) {
		t.Errorf("checked at %v", r.CheckedAt)
	}
	jwt := verify(t, credtest.OB3{}.JWT(k, false), credential.Options{})
	if jwt.Contexts != "" {
		t.Errorf("a VC-JWT involves no JSON-LD, contexts %q", jwt.Contexts)
	}
}

func TestVerify_OB2(t *testing.T) {
	hosted := credtest.OB2{Recipient: learner, Salt: "s4lt"}
	tests := []struct {
		name string
		file []byte
		o    credential.Options
		want map[credential.CheckName]string
	}{
		{"hosted, hashed for the learner", hosted.Hosted(), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "not_checked hosted",
			credential.CheckIssuerKey: "not_checked hosted",
			credential.CheckValidity:  "passed valid",
			credential.CheckRevoked:   "not_checked hosted",
			credential.CheckRecipient: "passed issued_to_you",
		}},
		{"hosted, for someone else", credtest.OB2{Recipient: "other@example.org", Salt: "s4lt"}.Hosted(), credential.Options{}, map[credential.CheckName]string{
			credential.CheckRecipient: "failed issued_to_someone_else",
		}},
		{"hosted, plain email in another case", credtest.OB2{Recipient: strings.ToUpper(learner), Plain: true}.Hosted(), credential.Options{}, map[credential.CheckName]string{
			credential.CheckRecipient: "passed issued_to_you",
		}},
		{"hosted, expired", credtest.OB2{Recipient: learner, Expires: "2025-01-01T00:00:00Z"}.Hosted(), credential.Options{}, map[credential.CheckName]string{
			credential.CheckValidity: "failed expired",
		}},
		{"signed, key not held", hosted.Signed(), credential.Options{}, map[credential.CheckName]string{
			credential.CheckSignature: "not_checked key_needs_network",
			credential.CheckIssuerKey: "not_checked key_needs_network",
			credential.CheckRevoked:   "not_checked status_needs_network",
			credential.CheckRecipient: "passed issued_to_you",
		}},
		{"signed, key document given", hosted.Signed(), credential.Options{Keys: [][]byte{credtest.KeyDocument()}}, map[credential.CheckName]string{
			credential.CheckSignature: "passed signature_valid",
			credential.CheckIssuerKey: "not_checked key_from_document",
		}},
		{"signed, tampered", tamperJWT(hosted.Signed()), credential.Options{Keys: [][]byte{credtest.KeyDocument()}}, map[credential.CheckName]string{
			credential.CheckSignature: "failed signature_invalid",
		}},
	}
	for _, tt := range tests {
		for _, baked := range bakings(tt.file, credtest.KeywordOB2, credtest.NSOB2) {
			t.Run(tt.name+" "+baked.how, func(t *testing.T) {
				r := verify(t, baked.file, tt.o)
				for name, want := range tt.want {
					if g := got(r, name); g != want {
						t.Errorf("%s: %s, want %s", name, g, want)
					}
				}
			})
		}
	}
}

func TestVerify_CLRChecksEachNestedCredential(t *testing.T) {
	k := credtest.IssuerKey
	clr := credtest.CLR{Recipient: learner, Salt: "x"}
	var files [][]byte
	for _, f := range [][]byte{clr.Signed(k), clr.JWT(k)} {
		for _, b := range bakings(f, credtest.KeywordCLR, credtest.NSCLR) {
			files = append(files, b.file)
		}
	}
	for _, file := range files {
		c, err := credential.Read("clr", file)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Achievements) != 2 || c.Achievements[1].Name != "Workplace Communication" || c.Achievements[0].NameFR != "Analyse de données : notions de base" {
			t.Fatalf("achievements %+v", c.Achievements)
		}
		if c.Achievements[0].CredentialID == c.Achievements[1].CredentialID {
			t.Error("each achievement names its own credential")
		}
		r := credential.Verify(context.Background(), c, credential.Options{Now: now, Emails: []string{learner}})
		if got(r, credential.CheckSignature) != "passed signature_valid" || len(r.Nested) != 2 {
			t.Fatalf("clr: %s, %d nested", got(r, credential.CheckSignature), len(r.Nested))
		}
		for _, n := range r.Nested {
			if got(n, credential.CheckSignature) != "passed signature_valid" || got(n, credential.CheckRecipient) != "passed issued_to_you" {
				t.Errorf("nested: %+v", n.Checks)
			}
		}
	}
	// A nested credential changed after signing fails on its own, and the CLR's signature
	// over it fails too.
	tampered := tamper(clr.Signed(k))
	r := verify(t, tampered, credential.Options{})
	if got(r, credential.CheckSignature) != "failed signature_invalid" || got(r.Nested[0], credential.CheckSignature) != "failed signature_invalid" ||
		got(r.Nested[1], credential.CheckSignature) != "passed signature_valid" || !r.Failed() {
		t.Errorf("tampered CLR: %s / %s / %s", got(r, credential.CheckSignature), got(r.Nested[0], credential.CheckSignature), got(r.Nested[1], credential.CheckSignature))
	}
}

func TestVerify_BakedFilesVerifyLikeTheirJSON(t *testing.T) {
	k := credtest.IssuerKey
	signed := credtest.OB3{Recipient: learner, Salt: "pepper"}.Signed(k)
	jwt := credtest.OB3{Recipient: learner, Salt: "pepper"}.JWT(k, false)
	files := map[string][]byte{
		"png after IHDR":  credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, signed, credtest.AfterIHDR),
		"png before IEND": credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, signed, credtest.BeforeIEND),
		"svg json":        credtest.BakeSVG(credtest.NSOB3, "", string(signed)),
		"svg jwt":         credtest.BakeSVG(credtest.NSOB3, string(jwt), ""),
		"png jwt":         credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, jwt, credtest.BeforeIEND),
		"tampered png":    credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, tamper(signed), credtest.AfterIHDR),
	}
	for name, f := range files {
		r := verify(t, f, credential.Options{})
		want := "passed signature_valid"
		if strings.HasPrefix(name, "tampered") {
			want = "failed signature_invalid"
		}
		if g := got(r, credential.CheckSignature); g != want || got(r, credential.CheckRecipient) != "passed issued_to_you" {
			t.Errorf("%s: %s, recipient %s", name, g, got(r, credential.CheckRecipient))
		}
	}
}

func TestVerify_OtherProofsAndKeys(t *testing.T) {
	k := credtest.IssuerKey
	ed2020 := credtest.OB3{Issuer: k.DID, Recipient: learner, Salt: "s",
		Contexts: []string{credtest.ContextVC2, "https://w3id.org/security/suites/ed25519-2020/v1", credtest.ContextOB303}}
	signed2020 := mustJSON(credtest.SignEd25519Signature2020(ed2020.Credential(), k))
	jwkIssuer := credtest.OB3{Issuer: k.DIDJWK()}
	signedJWK := mustJSON(credtest.SignDataIntegrity(jwkIssuer.Credential(), k, k.DIDJWK()+"#0"))
	ecdsa := credtest.SignDataIntegrity(credtest.OB3{Issuer: k.DID}.Credential(), k, "")
	ecdsa["proof"].(map[string]any)["cryptosuite"] = "ecdsa-rdfc-2019"
	authProof := credtest.SignDataIntegrity(credtest.OB3{Issuer: k.DID}.Credential(), k, "")
	authProof["proof"].(map[string]any)["proofPurpose"] = "authentication"
	tests := []struct {
		name string
		file []byte
		sig  string
		key  string
	}{
		{"Ed25519Signature2020", signed2020, "passed signature_valid", "passed issuer_is_did"},
		{"Ed25519Signature2020 tampered", tamper(signed2020), "failed signature_invalid", "could_not_check no_verified_key"},
		{"did:jwk issuer", signedJWK, "passed signature_valid", "passed issuer_is_did"},
		{"did:jwk tampered", tamper(signedJWK), "failed signature_invalid", "could_not_check no_verified_key"},
		{"a cryptosuite not supported", mustJSON(ecdsa), "could_not_check unsupported_proof", "could_not_check no_verified_key"},
		{"a proof made for logging in", mustJSON(authProof), "failed wrong_proof_purpose", "could_not_check no_verified_key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := verify(t, tt.file, credential.Options{})
			if g := got(r, credential.CheckSignature); g != tt.sig {
				t.Errorf("signature %s, want %s", g, tt.sig)
			}
			if g := got(r, credential.CheckIssuerKey); g != tt.key {
				t.Errorf("issuer key %s, want %s", g, tt.key)
			}
		})
	}
}
