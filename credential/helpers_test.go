package credential_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"passerelle/credential/credtest"
)

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// signedLax signs with json-gold's own canonicalisation, as a lax issuer would.
func signedLax(o credtest.OB3) []byte {
	o.Issuer = credtest.IssuerKey.DID
	return mustJSON(credtest.SignLax(o.Credential(), credtest.IssuerKey))
}

// signedAt signs with the issuer key named by another verification method.
func signedAt(o credtest.OB3, method string) []byte {
	return mustJSON(credtest.SignDataIntegrity(o.Credential(), credtest.IssuerKey, method))
}

// tamperJWT changes the payload of a compact JWS by one character of its JSON.
func tamperJWT(jws []byte) []byte {
	parts := strings.Split(string(jws), ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	s := string(payload)
	for _, from := range []string{"Data Analysis Fundamentals", "Workplace First Aid"} {
		s = strings.Replace(s, from, from[:len(from)-1]+"!", 1)
	}
	parts[1] = base64.RawURLEncoding.EncodeToString([]byte(s))
	return []byte(strings.Join(parts, "."))
}
