package credential

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/go-jose/go-jose/v4"
)

// joseAlgorithms are the JWS algorithms a credential may be signed with; "none" and HMAC are
// never accepted.
var joseAlgorithms = []jose.SignatureAlgorithm{
	jose.EdDSA, jose.ES256, jose.ES384, jose.ES512, jose.RS256, jose.RS384, jose.RS512, jose.PS256, jose.PS384, jose.PS512,
}

// vcJWT checks a VC-JWT: the key from the header's jwk (self-asserted), or from a did:key or
// did:jwk kid or issuer; and that the registered claims agree with the credential.
func (v *verifier) vcJWT(c *Credential) (Check, resolvedKey) {
	check := Check{Check: CheckSignature}
	k, err := v.jwtKey(c)
	if err != nil {
		check.State, check.Reason = NotChecked, "key_needs_network"
		check.Args = map[string]string{"Method": first(str(c.src.header["kid"]), c.Issuer.ID)}
		return check, resolvedKey{}
	}
	if !verifyJWS(c.src.jws, k) {
		check.State, check.Reason = Failed, "signature_invalid"
		check.Args = map[string]string{"Key": k.text}
		return check, k
	}
	if claim := jwtMismatch(c); claim != "" {
		check.State, check.Reason = Failed, "jwt_claims_mismatch"
		check.Args = map[string]string{"Claim": claim}
		return check, k
	}
	check.State, check.Reason = Passed, "signature_valid"
	check.Args = map[string]string{"Key": k.text}
	return check, k
}

// jwtKey finds the key a VC-JWT names offline.
func (v *verifier) jwtKey(c *Credential) (resolvedKey, error) {
	if raw, ok := c.src.header["jwk"]; ok {
		b, err := json.Marshal(raw)
		if err != nil {
			return resolvedKey{}, err
		}
		var jwk jose.JSONWebKey
		if err := json.Unmarshal(b, &jwk); err != nil {
			return resolvedKey{}, err
		}
		return keyOfJWK(jwk, KeySourceJWTHeader)
	}
	kid := str(c.src.header["kid"])
	if kid == "" || strings.HasPrefix(kid, "#") {
		kid = c.Issuer.ID + kid
	}
	if strings.HasPrefix(kid, "did:key:") || strings.HasPrefix(kid, "did:jwk:") {
		return resolveMethod(kid)
	}
	return resolvedKey{}, errKeyNeedsNetwork
}

// verifyJWS checks a compact JWS's signature with a key.
func verifyJWS(compact string, k resolvedKey) bool {
	obj, err := jose.ParseSignedCompact(compact, joseAlgorithms)
	if err != nil || len(obj.Signatures) != 1 {
		return false
	}
	_, err = obj.Verify(k.pub)
	return err == nil
}

// jwtMismatch names a registered claim that contradicts the credential (VC-JWT: iss is the
// issuer, jti the id, sub the subject), or "".
func jwtMismatch(c *Credential) string {
	claims := c.src.claims
	if claims == nil {
		return ""
	}
	doc := c.src.doc
	pairs := []struct{ claim, want string }{
		{"iss", issuerOf(doc["issuer"]).ID},
		{"jti", str(doc["id"])},
		{"sub", str(firstObject(doc["credentialSubject"])["id"])},
	}
	for _, p := range pairs {
		got := str(claims[p.claim])
		if got != "" && p.want != "" && got != p.want {
			return p.claim
		}
	}
	return ""
}

// ob2Signature checks a signed OB 2.0 assertion (JWS, RS256) with the key its
// verification.creator names, when that key was given with the credential or inside it.
func (v *verifier) ob2Signature(c *Credential) (Check, resolvedKey) {
	check := Check{Check: CheckSignature}
	creator := str(firstObject(c.src.doc["verification"])["creator"])
	k, ok := v.ob2Key(c, creator)
	if !ok {
		check.State, check.Reason = NotChecked, "key_needs_network"
		check.Args = map[string]string{"Method": first(creator, c.Issuer.ID)}
		return check, resolvedKey{}
	}
	if !verifyJWS(c.src.jws, k) {
		check.State, check.Reason = Failed, "signature_invalid"
		check.Args = map[string]string{"Key": k.text}
		return check, k
	}
	check.State, check.Reason = Passed, "signature_valid"
	check.Args = map[string]string{"Key": k.text}
	return check, k
}

// ob2Key finds the RSA key named creator among the key documents given with the credential
// and the issuer profile embedded in it.
func (v *verifier) ob2Key(c *Credential, creator string) (resolvedKey, bool) {
	var docs []map[string]any
	if badge, ok := c.src.doc["badge"].(map[string]any); ok {
		if issuer, ok := badge["issuer"].(map[string]any); ok {
			for _, pk := range list(issuer["publicKey"]) {
				if m, ok := pk.(map[string]any); ok {
					docs = append(docs, m)
				}
			}
		}
	}
	for _, b := range v.o.Keys {
		b = bytes.TrimSpace(b)
		if bytes.HasPrefix(b, []byte("-----BEGIN")) {
			if creator == "" {
				continue
			}
			docs = append(docs, map[string]any{"id": creator, "publicKeyPem": string(b)})
			continue
		}
		if m, err := decodeObject(b); err == nil {
			docs = append(docs, m)
		}
	}
	for _, d := range docs {
		if creator != "" && str(d["id"]) != creator {
			continue
		}
		if k, err := rsaKeyOfPEM(str(d["publicKeyPem"])); err == nil {
			return k, true
		}
	}
	return resolvedKey{}, false
}
