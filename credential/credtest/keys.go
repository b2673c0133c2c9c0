package credtest

import (
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"strings"

	"github.com/mr-tron/base58"
)

// Key is a deterministic Ed25519 test key with its did:key, so every run signs the same bytes.
type Key struct {
	Private ed25519.PrivateKey
	Public  ed25519.PublicKey
	// Multibase is the public key as a multikey ("z6Mk…").
	Multibase string
	// DID is did:key:Multibase, and Method the verification method did:key:…#Multibase.
	DID, Method string
}

// NewKey derives an Ed25519 key from a name: the same name always gives the same key.
func NewKey(name string) Key {
	seed := sha256.Sum256([]byte("passerelle credtest " + name))
	priv := ed25519.NewKeyFromSeed(seed[:])
	pub := priv.Public().(ed25519.PublicKey)
	mb := "z" + base58.Encode(append([]byte{0xed, 0x01}, pub...))
	return Key{Private: priv, Public: pub, Multibase: mb, DID: "did:key:" + mb, Method: "did:key:" + mb + "#" + mb}
}

// The keys the tests use: the issuer's, and another one for "wrong key" cases.
var (
	IssuerKey = NewKey("issuer")
	OtherKey  = NewKey("someone else")
)

// RSAKey is a fixed 2048-bit RSA test key (OB 2.0 signed badges use RS256).
func RSAKey() *rsa.PrivateKey {
	block, _ := pem.Decode([]byte(rsaTestKey))
	k, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		panic(err) // the constant below is a valid key
	}
	return k
}

// RSAPublicPEM is RSAKey's public key in PEM, as an OB 2.0 CryptographicKey holds it.
func RSAPublicPEM() string {
	der, err := x509.MarshalPKIXPublicKey(&RSAKey().PublicKey)
	if err != nil {
		panic(err)
	}
	return strings.TrimSpace(string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})))
}

// rsaTestKey is a test key made for these fixtures; it signs nothing real.
const rsaTestKey = `
-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEA4H5oIFFz6JV90+3QMIKckRbDgQ/xqZTBoSN2FTLBEDNz5+NK
BoAdbESncvxqwIRmPBpKYx0spPPUl7+mv9mx+4oX9xM9wRnKNJL39d8+WFm23QTz
NDhDhIYKtDN/QxfTbhSJLIccFcVV6uURUs407X0qWnrjkzs5ZD7XXoWQ0m/vA1A5
fL86nTo/S5gsBJgEJvirNctJGhdjJjmnWagQNLfcFp7Br8GhviXqgxrJYpwdhq26
it8ZmslZPDhk2Dt2lr+w4F94f3AH2Jz+vTVz6lnC4ZHzBdxVRzWJqPSawHoxGByk
MY6D6XVDl+CjFnZI0Vu4qXiWdsauUpB7Gik3HQIDAQABAoIBAAH3e597/XUTgPu4
6gKu9hNx2T1dHDMU5QvlSXDJRsL7uc4pEqowZH4eTrozcZxpmQ1YOS9DUuLedR62
FrU4T048Ys3XRDRM21hc9VekHeSwIIWKAKviupAAxIleh0ILf+9Sc3l2BaXFWob4
nd1YQ1lxMxS5iqvF0cWHH1MT6ACzxZE2/Mg/B5wHQMTvekTe5luli3kLCN3xQ72R
km7xCJI2dh8QgsX85h7iSDTIKw2Sda9ZpcLiPRy/2f2MXYg8vuC+gkPwG333HD7m
XiKGjIIN0/YathPu/1k34vGnunFusyx4yYr6THOpEOS6Pb3pT54s8fVszBaM8a3h
GA7BiDECgYEA/pEWKYkL9adaZT9XycI8Xqvd3p126X2X/wPZobKfeiwfucyfvgRq
KEEyrXPbJZRbzNgx30Kp5n3e0Y3AbT6zfvi2WVYs5FT8TqlPNZuHwdzf9WdcKlnS
MAtRN21ntj9DmPCqAEeY6CqQwrsfydCVEHkYZER9N1m7LR0oy0KSGvkCgYEA4cH5
qe+xlsgbiLywPvoKkdd2p3/wWAC9zMalsag9lNQXsHkJAKLQCQpRBCcmM6D9QGAn
A1ur1UzklAbJfNTueg9FdoNaWdwJ/ulCuGGb037v0502PFnKZTBKkUQ8aDpVPB7l
ix4XPsUbhocfxBCOBbcDK6KrgXIicT7emUuiAkUCgYA+pXXOwusuiQC16eCwxhwV
MDZpklaxHzdIiqoEIPEeH72u+6xUFsIJJgJSrTBBD0GIJ6weRUmKb29mInw4ZjXG
CW7WjV5+0mtE8GWNy7ic/L4gpk8IHRKcwCw8d7AOKYN5H8C2UOhQOillwqcQA0Sr
ySE3i6NE+9AUShi/7KIIAQKBgQCfoe6tGB0l9kdp76pcTagNqiJvnErRn2yWENz2
+3TX+QTrNxqDhZy+17mjyx77INoSnCrZ+AdQIzf557ave01Jp+TBQW4w3iN/SWdx
QyvRaA+jPaYtFHzGAlin0W05cg31Hg/HyDY9n1iwTnnKxL34Eom+YB8PwCnUk9UI
5m8fVQKBgQCCZcxFJXvy2lYQosqL6hvQ1scXWGgBlBOR2x2SQXRqkhIXzJvImyR8
y9nw6adPto+gdfYceJKTkizkPuXoqM9bXbVLTmuLZYCaoyiHUV5ebPoKdtomu+H8
YqopumRVM/R7RBqskakMovg4EcbXdD5rgttF0orQuLI5p/pDex5PXA==
-----END RSA PRIVATE KEY-----
`

// DIDJWK is the key as a did:jwk, and its verification method DIDJWK()+"#0".
func (k Key) DIDJWK() string {
	jwk := `{"crv":"Ed25519","kty":"OKP","x":"` + base64.RawURLEncoding.EncodeToString(k.Public) + `"}`
	return "did:jwk:" + base64.RawURLEncoding.EncodeToString([]byte(jwk))
}
