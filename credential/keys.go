package credential

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"strings"

	"github.com/go-jose/go-jose/v4"
	"github.com/mr-tron/base58"
)

// Where a verification key came from, as Result.KeySource records it. Only did:key and
// did:jwk resolve offline; the others are the issuer's own claim about its key.
const (
	KeySourceDIDKey      = "did:key"
	KeySourceDIDJWK      = "did:jwk"
	KeySourceURLFragment = "issuer URL fragment"
	KeySourceJWTHeader   = "JWT header jwk"
	KeySourceDocument    = "key document given with the credential"
)

// ed25519Multicodec is the multicodec prefix of an Ed25519 public key in a multibase key.
var ed25519Multicodec = []byte{0xed, 0x01}

// resolvedKey is a public key found offline, with what it says about the issuer.
type resolvedKey struct {
	pub    crypto.PublicKey
	text   string // multibase for Ed25519, JWK thumbprint otherwise
	source string
	did    string // the DID the key is, for did:key and did:jwk
}

var errKeyNeedsNetwork = errors.New("key needs the network")

// resolveMethod finds the public key a verification method names, without the network:
// did:key, did:jwk, or a multibase key in an https URL's fragment (as the 1EdTech validator
// reads it). did:web and key documents need the issuer's server.
func resolveMethod(vm string) (resolvedKey, error) {
	base, fragment, _ := strings.Cut(vm, "#")
	switch {
	case strings.HasPrefix(base, "did:key:"):
		pub, err := multibaseEd25519(strings.TrimPrefix(base, "did:key:"))
		if err != nil {
			return resolvedKey{}, err
		}
		return resolvedKey{pub: pub, text: strings.TrimPrefix(base, "did:key:"), source: KeySourceDIDKey, did: base}, nil
	case strings.HasPrefix(base, "did:jwk:"):
		raw, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(base, "did:jwk:"))
		if err != nil {
			return resolvedKey{}, err
		}
		var jwk jose.JSONWebKey
		if err := json.Unmarshal(raw, &jwk); err != nil {
			return resolvedKey{}, err
		}
		k, err := keyOfJWK(jwk, KeySourceDIDJWK)
		k.did = base
		return k, err
	case strings.HasPrefix(base, "https://") && strings.HasPrefix(fragment, "z"):
		pub, err := multibaseEd25519(fragment)
		if err != nil {
			return resolvedKey{}, errKeyNeedsNetwork
		}
		return resolvedKey{pub: pub, text: fragment, source: KeySourceURLFragment}, nil
	}
	return resolvedKey{}, errKeyNeedsNetwork
}

// keyOfJWK reads a JWK (Ed25519, EC or RSA public key).
func keyOfJWK(jwk jose.JSONWebKey, source string) (resolvedKey, error) {
	if jwk.Key == nil || !jwk.Valid() {
		return resolvedKey{}, errors.New("invalid jwk")
	}
	pub := jwk.Public()
	if pub.Key == nil {
		return resolvedKey{}, errors.New("jwk has no public key")
	}
	k := resolvedKey{pub: pub.Key, source: source}
	if ed, ok := pub.Key.(ed25519.PublicKey); ok {
		k.text = multibaseOf(ed)
	} else if tp, err := pub.Thumbprint(crypto.SHA256); err == nil {
		k.text = "JWK SHA-256 " + base64.RawURLEncoding.EncodeToString(tp)
	}
	return k, nil
}

// multibaseEd25519 decodes a base58btc multibase Ed25519 key ("z6Mk…").
func multibaseEd25519(s string) (ed25519.PublicKey, error) {
	if !strings.HasPrefix(s, "z") {
		return nil, errors.New("not base58btc multibase")
	}
	b, err := base58.Decode(s[1:])
	if err != nil {
		return nil, err
	}
	if len(b) != 2+ed25519.PublicKeySize || b[0] != ed25519Multicodec[0] || b[1] != ed25519Multicodec[1] {
		return nil, errors.New("not an Ed25519 multikey")
	}
	return ed25519.PublicKey(b[2:]), nil
}

// multibaseOf encodes an Ed25519 key as a multibase multikey, as did:key writes it.
func multibaseOf(pub ed25519.PublicKey) string {
	return "z" + base58.Encode(append(append([]byte{}, ed25519Multicodec...), pub...))
}

// rsaKeyOfPEM reads an RSA public key in PEM (OB 2.0 CryptographicKey publicKeyPem).
func rsaKeyOfPEM(p string) (resolvedKey, error) {
	block, _ := pem.Decode([]byte(p))
	if block == nil {
		return resolvedKey{}, errors.New("no PEM block")
	}
	var pub any
	var err error
	if block.Type == "RSA PUBLIC KEY" {
		pub, err = x509.ParsePKCS1PublicKey(block.Bytes)
	} else {
		pub, err = x509.ParsePKIXPublicKey(block.Bytes)
	}
	if err != nil {
		return resolvedKey{}, err
	}
	r, ok := pub.(*rsa.PublicKey)
	if !ok {
		return resolvedKey{}, errors.New("not an RSA key")
	}
	der, err := x509.MarshalPKIXPublicKey(r)
	if err != nil {
		return resolvedKey{}, err
	}
	sum := sha256.Sum256(der)
	return resolvedKey{pub: r, text: "RSA SHA-256 " + strings.ToUpper(hexColon(sum[:8])), source: KeySourceDocument}, nil
}

// hexColon writes bytes as AA:BB:…, the way key fingerprints are read aloud.
func hexColon(b []byte) string {
	const digits = "0123456789abcdef"
	var s strings.Builder
	for i, c := range b {
		if i > 0 {
			s.WriteByte(':')
		}
		s.WriteByte(digits[c>>4])
		s.WriteByte(digits[c&15])
	}
	return s.String()
}
