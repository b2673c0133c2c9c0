package credtest

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/mr-tron/base58"
	"passerelle/credential/internal/jsonld"

	"passerelle/credential"
)

// Created is the proof date of every test signature.
const Created = "2024-05-01T12:00:00Z"

// SignDataIntegrity adds an eddsa-rdfc-2022 DataIntegrityProof to doc, signed by k with the
// verification method method (k.Method when ""), canonicalised as Passerelle verifies.
func SignDataIntegrity(doc map[string]any, k Key, method string) map[string]any {
	return sign(doc, k, method, dataIntegrityProof(), canonical)
}

// SignEd25519Signature2020 adds the older Ed25519Signature2020 proof (the document's
// contexts must include the ed25519-2020 context).
func SignEd25519Signature2020(doc map[string]any, k Key) map[string]any {
	return sign(doc, k, "", map[string]any{"type": "Ed25519Signature2020"}, canonical)
}

func dataIntegrityProof() map[string]any {
	return map[string]any{"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022"}
}

func canonical(d map[string]any) string {
	s, err := credential.CanonicalNQuads(d)
	if err != nil {
		panic("credtest: cannot canonicalise the test credential: " + err.Error())
	}
	return s
}

// SignLax signs like an issuer whose JSON-LD library lets a relative @type through
// (json-gold's own URDNA2015): the signature is right, the document is not.
func SignLax(doc map[string]any, k Key) map[string]any {
	return sign(doc, k, "", dataIntegrityProof(), func(d map[string]any) string {
		opts := jsonld.NewJsonLdOptions("")
		opts.Format = "application/n-quads"
		opts.Algorithm = jsonld.AlgorithmURDNA2015
		opts.DocumentLoader = bundledLoader()
		out, err := jsonld.NewJsonLdProcessor().Normalize(d, opts)
		if err != nil {
			panic("credtest: json-gold cannot normalise: " + err.Error())
		}
		return out.(string)
	})
}

func sign(doc map[string]any, k Key, method string, proof map[string]any, canon func(map[string]any) string) map[string]any {
	if method == "" {
		method = k.Method
	}
	doc = clone(doc)
	proof["created"] = Created
	proof["verificationMethod"] = method
	proof["proofPurpose"] = "assertionMethod"
	options := clone(proof)
	options["@context"] = doc["@context"]
	p := sha256.Sum256([]byte(canon(options)))
	d := sha256.Sum256([]byte(canon(clone(doc))))
	sig := ed25519.Sign(k.Private, append(p[:], d[:]...))
	proof["proofValue"] = "z" + base58.Encode(sig)
	doc["proof"] = proof
	return doc
}

// Signed returns the OB 3.0 credential signed by k (eddsa-rdfc-2022, did:key); the issuer is
// k's did:key unless o.Issuer says otherwise.
func (o OB3) Signed(k Key) []byte {
	if o.Issuer == "" {
		o.Issuer = k.DID
	}
	return marshal(SignDataIntegrity(o.Credential(), k, ""))
}

// JWT returns the OB 3.0 credential as a VC-JWT signed by k (EdDSA): with the key in the
// header's jwk when headerJWK, else named by its did:key in kid.
func (o OB3) JWT(k Key, headerJWK bool) []byte {
	if o.Issuer == "" {
		o.Issuer = k.DID
	}
	return []byte(VCJWT(o.Credential(), k, headerJWK))
}

// VCJWT signs a credential as a VC-JWT: iss, sub, jti, nbf and exp from the credential, the
// credential in the vc claim.
func VCJWT(vc map[string]any, k Key, headerJWK bool) string {
	claims := map[string]any{"vc": vc, "iss": issuerID(vc), "jti": vc["id"]}
	if sub, ok := vc["credentialSubject"].(map[string]any); ok && sub["id"] != nil {
		claims["sub"] = sub["id"]
	}
	if t, err := time.Parse(time.RFC3339, str(vc["validFrom"])); err == nil {
		claims["nbf"] = t.Unix()
	}
	if t, err := time.Parse(time.RFC3339, str(vc["validUntil"])); err == nil {
		claims["exp"] = t.Unix()
	}
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if headerJWK {
		opts.EmbedJWK = true
	} else {
		opts = opts.WithHeader("kid", k.Method)
	}
	return compactJWS(jose.SigningKey{Algorithm: jose.EdDSA, Key: k.Private}, opts, marshal(claims))
}

// KeyURL is where the test OB 2.0 issuer says its key is.
const KeyURL = "https://badges.example.org/keys/1"

// Signed returns the OB 2.0 assertion as a JWS (RS256) signed with RSAKey, its
// verification.creator naming KeyURL.
func (o OB2) Signed() []byte {
	a := o.Assertion(map[string]any{"type": "signed", "creator": KeyURL})
	return []byte(compactJWS(jose.SigningKey{Algorithm: jose.RS256, Key: RSAKey()}, nil, marshal(a)))
}

// KeyDocument is the OB 2.0 CryptographicKey for RSAKey, as the issuer would serve at KeyURL.
func KeyDocument() []byte {
	return marshal(map[string]any{
		"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": KeyURL,
		"owner": "https://badges.example.org/issuer", "publicKeyPem": RSAPublicPEM(),
	})
}

func compactJWS(key jose.SigningKey, opts *jose.SignerOptions, payload []byte) string {
	signer, err := jose.NewSigner(key, opts)
	if err != nil {
		panic(err)
	}
	obj, err := signer.Sign(payload)
	if err != nil {
		panic(err)
	}
	s, err := obj.CompactSerialize()
	if err != nil {
		panic(err)
	}
	return s
}

func issuerID(vc map[string]any) string {
	switch t := vc["issuer"].(type) {
	case string:
		return t
	case map[string]any:
		return str(t["id"])
	}
	return ""
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// clone deep-copies a JSON value.
func clone(doc map[string]any) map[string]any {
	var out map[string]any
	if err := json.Unmarshal(marshal(doc), &out); err != nil {
		panic(err)
	}
	return out
}

func bundledLoader() jsonld.DocumentLoader {
	l, err := credential.OfflineDocumentLoader()
	if err != nil {
		panic(err)
	}
	return l
}
