package credential

import (
	"crypto/md5" //nolint:gosec // OB 2.0 allows md5 recipient hashes; this only compares them
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// validity checks the credential's dates against Options.Now: issued (valid from), not yet
// valid, expired.
func (v *verifier) validity(c *Credential) Check {
	check := Check{Check: CheckValidity}
	doc := c.src.doc
	var fromS, untilS string
	if c.Format == FormatOB2Hosted || c.Format == FormatOB2Signed {
		fromS, untilS = str(doc["issuedOn"]), str(doc["expires"])
	} else {
		fromS = first(str(doc["validFrom"]), str(doc["issuanceDate"]))
		untilS = first(str(doc["validUntil"]), str(doc["expirationDate"]))
		if c.src.claims != nil {
			if fromS == "" {
				fromS = unixRFC3339(c.src.claims["nbf"])
			}
			if untilS == "" {
				untilS = unixRFC3339(c.src.claims["exp"])
			}
		}
	}
	if fromS == "" && untilS == "" {
		check.State, check.Reason = CouldNotCheck, "no_dates"
		return check
	}
	var from, until time.Time
	for _, d := range []struct {
		s string
		t *time.Time
	}{{fromS, &from}, {untilS, &until}} {
		if d.s == "" {
			continue
		}
		t, ok := parseTime(d.s)
		if !ok {
			check.State, check.Reason = CouldNotCheck, "bad_date"
			check.Args = map[string]string{"Value": d.s}
			return check
		}
		*d.t = t
	}
	now := v.o.Now
	args := map[string]string{}
	if !from.IsZero() {
		args["From"] = from.UTC().Format("2006-01-02")
	}
	if !until.IsZero() {
		args["Until"] = until.UTC().Format("2006-01-02")
	}
	switch {
	case !from.IsZero() && !until.IsZero() && until.Before(from):
		check.State, check.Reason = Failed, "expires_before_issued"
	case !from.IsZero() && now.Before(from):
		check.State, check.Reason = Failed, "not_yet_valid"
	case !until.IsZero() && !now.Before(until):
		check.State, check.Reason = Failed, "expired"
	case until.IsZero():
		check.State, check.Reason = Passed, "valid"
	case from.IsZero():
		check.State, check.Reason = Passed, "valid_until_only"
	default:
		check.State, check.Reason = Passed, "valid_until"
	}
	check.Args = map[string]string{}
	for _, name := range reasons[check.Reason] {
		check.Args[name] = args[name]
	}
	return check
}

// unixRFC3339 reads a JWT NumericDate as an RFC 3339 time.
func unixRFC3339(v any) string {
	f, ok := v.(float64)
	if !ok || f <= 0 || f > 1e11 {
		return ""
	}
	return time.Unix(int64(f), 0).UTC().Format(time.RFC3339)
}

// recipient checks who the credential was issued to against the learner's emails: an OB 2.0
// recipient or an OB 3.0 identity object, hashed sha256(email+salt) or plain.
func (v *verifier) recipient(c *Credential) Check {
	check := Check{Check: CheckRecipient}
	type identity struct {
		typ, value, salt string
		hashed           bool
	}
	var ids []identity
	subjectID := ""
	if c.Format == FormatOB2Hosted || c.Format == FormatOB2Signed {
		r := firstObject(c.src.doc["recipient"])
		hashed, _ := r["hashed"].(bool)
		if str(r["identity"]) != "" {
			ids = append(ids, identity{typ: str(r["type"]), value: str(r["identity"]), salt: str(r["salt"]), hashed: hashed})
		}
	} else {
		subject := firstObject(c.src.doc["credentialSubject"])
		subjectID = str(subject["id"])
		for _, x := range list(subject["identifier"]) {
			m, ok := x.(map[string]any)
			if !ok {
				continue
			}
			hashed, _ := m["hashed"].(bool)
			ids = append(ids, identity{typ: str(m["identityType"]), value: str(m["identityHash"]), salt: str(m["salt"]), hashed: hashed})
		}
	}
	if len(ids) == 0 {
		if subjectID != "" {
			check.State, check.Reason = CouldNotCheck, "recipient_id_only"
			check.Args = map[string]string{"ID": subjectID}
			return check
		}
		check.State, check.Reason = CouldNotCheck, "no_recipient"
		return check
	}
	var emailIDs []identity
	for _, id := range ids {
		if t := strings.ToLower(id.typ); t == "email" || t == "emailaddress" {
			emailIDs = append(emailIDs, id)
		}
	}
	if len(emailIDs) == 0 {
		check.State, check.Reason = CouldNotCheck, "recipient_not_email"
		check.Args = map[string]string{"Type": ids[0].typ}
		return check
	}
	if len(v.o.Emails) == 0 {
		check.State, check.Reason = CouldNotCheck, "no_email"
		return check
	}
	for _, id := range emailIDs {
		if id.hashed && !supportedHash(id.value) {
			check.State, check.Reason = CouldNotCheck, "unsupported_hash"
			check.Args = map[string]string{"Hash": strings.SplitN(id.value, "$", 2)[0]}
			return check
		}
		for _, email := range v.o.Emails {
			if identityMatches(id.value, id.salt, id.hashed, email) {
				check.State, check.Reason = Passed, "issued_to_you"
				check.Args = map[string]string{"Email": email}
				return check
			}
		}
	}
	check.State, check.Reason = Failed, "issued_to_someone_else"
	check.Args = map[string]string{"Emails": strings.Join(v.o.Emails, ", ")}
	return check
}

// supportedHash tells the identity hash algorithms OB 2.0 and 3.0 allow.
func supportedHash(h string) bool {
	alg, _, ok := strings.Cut(h, "$")
	return ok && (strings.EqualFold(alg, "sha256") || strings.EqualFold(alg, "md5"))
}

// identityMatches compares a recipient identity with an email, trying it as typed and in
// lower case (issuers normalise addresses differently).
func identityMatches(identity, salt string, hashed bool, email string) bool {
	for _, e := range []string{strings.TrimSpace(email), strings.ToLower(strings.TrimSpace(email))} {
		if !hashed {
			if strings.EqualFold(identity, e) {
				return true
			}
			continue
		}
		alg, want, _ := strings.Cut(identity, "$")
		var got string
		if strings.EqualFold(alg, "md5") {
			sum := md5.Sum([]byte(e + salt)) //nolint:gosec // comparison only
			got = hex.EncodeToString(sum[:])
		} else {
			sum := sha256.Sum256([]byte(e + salt))
			got = hex.EncodeToString(sum[:])
		}
		if strings.EqualFold(got, want) {
			return true
		}
	}
	return false
}
