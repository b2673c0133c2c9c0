package credential

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"strconv"
	"strings"
)

// maxStatusBits caps a decompressed status list (the specifications' minimum is 16 KB; a
// list far larger than any issuer needs is a decompression bomb).
const maxStatusBits = 16 << 20

// statusList is a status list credential the learner gave, with its signature's check.
type statusList struct {
	id, purpose string
	issuer      string
	bits        []byte
	signature   Check
}

// readStatusList parses a BitstringStatusList or StatusList2021 credential and checks its
// signature; bytes that are not one are ignored.
func (v *verifier) readStatusList(b []byte) *statusList {
	c, err := parseText(bytes.TrimSpace(b), "")
	if err != nil || c.src == nil {
		return nil
	}
	subject := firstObject(c.src.doc["credentialSubject"])
	bits, ok := decodeStatusBits(str(subject["encodedList"]))
	if !ok {
		return nil
	}
	s := &statusList{id: first(str(c.src.doc["id"]), str(c.src.claims["jti"])), purpose: str(subject["statusPurpose"]),
		issuer: c.Issuer.ID, bits: bits}
	switch c.Format {
	case FormatOB3JWT, FormatCLR2JWT:
		s.signature, _ = v.vcJWT(c)
	default:
		s.signature, _ = v.dataIntegrity(c.src.doc)
	}
	return s
}

// decodeStatusBits reads an encodedList: GZIP, base64url, with the multibase prefix "u"
// (BitstringStatusList) or without (StatusList2021).
func decodeStatusBits(s string) ([]byte, bool) {
	if s == "" {
		return nil, false
	}
	var raw []byte
	var err error
	for _, cand := range []string{strings.TrimPrefix(s, "u"), s} {
		raw, err = base64.RawURLEncoding.DecodeString(strings.TrimRight(cand, "="))
		if err == nil {
			break
		}
	}
	if err != nil {
		return nil, false
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, false
	}
	bits, err := io.ReadAll(io.LimitReader(zr, maxStatusBits/8+1))
	if err != nil || len(bits) > maxStatusBits/8 {
		return nil, false
	}
	return bits, true
}

// revocation checks the credential's status entries against the status lists given with it;
// without one a status list needs the issuer's server.
func (v *verifier) revocation(c *Credential) Check {
	check := Check{Check: CheckRevoked}
	switch c.Format {
	case FormatOB2Hosted:
		check.State, check.Reason = NotChecked, "hosted"
		check.Args = map[string]string{"URL": first(c.src.url, c.ID)}
		return check
	case FormatOB2Signed:
		check.State, check.Reason = NotChecked, "status_needs_network"
		check.Args = map[string]string{"URL": first(ob2RevocationList(c), c.Issuer.ID)}
		return check
	}
	entries := list(c.src.doc["credentialStatus"])
	if len(entries) == 0 {
		check.State, check.Reason = NotChecked, "no_status"
		return check
	}
	var results []Check
	for _, e := range entries {
		m, _ := e.(map[string]any)
		results = append(results, v.statusEntry(m, c.Issuer.ID))
	}
	for _, want := range []State{Failed, CouldNotCheck, NotChecked, Passed} {
		for _, r := range results {
			if r.State == want {
				return r
			}
		}
	}
	return results[0]
}

// statusEntry checks one credentialStatus entry against a list signed by the credential's own
// issuer: a list anyone else signed proves nothing about this credential.
func (v *verifier) statusEntry(e map[string]any, issuer string) Check {
	check := Check{Check: CheckRevoked}
	typ := str(e["type"])
	switch typ {
	case "BitstringStatusListEntry", "StatusList2021Entry":
	case "1EdTechRevocationList":
		check.State, check.Reason = NotChecked, "status_needs_network"
		check.Args = map[string]string{"URL": str(e["id"])}
		return check
	default:
		check.State, check.Reason = CouldNotCheck, "unknown_status_type"
		check.Args = map[string]string{"Type": typ}
		return check
	}
	url := str(e["statusListCredential"])
	check.Args = map[string]string{"URL": url}
	var list *statusList
	for _, s := range v.statuses {
		if s.id == url && url != "" {
			list = s
			break
		}
	}
	if list == nil {
		check.State, check.Reason = NotChecked, "status_needs_network"
		return check
	}
	if list.signature.State != Passed {
		check.State, check.Reason = CouldNotCheck, "status_list_unverified"
		return check
	}
	if list.issuer != issuer {
		check.State, check.Reason = CouldNotCheck, "status_list_other_issuer"
		check.Args["Issuer"] = list.issuer
		return check
	}
	idx, err := strconv.Atoi(strings.TrimSpace(first(str(e["statusListIndex"]), numberText(e["statusListIndex"]))))
	if err != nil || idx < 0 || idx/8 >= len(list.bits) {
		check.State, check.Reason = CouldNotCheck, "status_list_invalid"
		return check
	}
	// Bits are read most significant first: index 0 is the top bit of the first byte.
	if list.bits[idx/8]&(0x80>>(idx%8)) != 0 {
		check.State, check.Reason = Failed, "revoked"
		if p := first(str(e["statusPurpose"]), list.purpose); p == "suspension" {
			check.Reason = "suspended"
		}
		return check
	}
	check.State, check.Reason = Passed, "not_revoked"
	return check
}

// numberText reads a JSON number as text (statusListIndex should be a string; some issuers
// write a number).
func numberText(v any) string {
	if f, ok := v.(float64); ok && f >= 0 && f < 1<<31 && f == float64(int(f)) {
		return strconv.Itoa(int(f))
	}
	return ""
}

// ob2RevocationList finds the revocation list URL of an OB 2.0 issuer embedded in the badge.
func ob2RevocationList(c *Credential) string {
	if badge, ok := c.src.doc["badge"].(map[string]any); ok {
		if issuer, ok := badge["issuer"].(map[string]any); ok {
			return str(issuer["revocationList"])
		}
	}
	return ""
}
