package credential

// reasons lists every Check.Reason Verify gives, with the Args it fills: the locale message
// "CredentialCheck_" + reason says it in words with those placeholders.
var reasons = map[string][]string{
	// signature
	"signature_valid":     {"Key"},
	"signature_invalid":   {"Key"},
	"no_proof":            nil,
	"unsupported_proof":   {"Type"},
	"contexts_damaged":    nil,
	"unknown_context":     {"URL"},
	"relative_iri":        {"IRI"},
	"too_complex":         nil,
	"jsonld_invalid":      {"Detail"},
	"jwt_claims_mismatch": {"Claim"},
	"wrong_proof_purpose": {"Purpose"},
	"unreadable":          nil,
	// signature, issuer key and revocation of a hosted OB 2.0 badge
	"hosted": {"URL"},
	// signature and issuer key when the key is only on the issuer's server
	"key_needs_network": {"Method"},
	// issuer key
	"no_verified_key":     nil,
	"issuer_is_did":       {"Key", "Issuer"},
	"key_not_issuers_did": {"Key", "Issuer", "DID"},
	"key_is_other_did":    {"Key", "Issuer", "DID"},
	"key_from_issuer_url": {"Key", "Issuer"},
	"key_from_jwt_header": {"Key", "Issuer"},
	"key_from_document":   {"Key", "Issuer"},
	// validity
	"no_dates":              nil,
	"bad_date":              {"Value"},
	"expires_before_issued": {"From", "Until"},
	"not_yet_valid":         {"From"},
	"expired":               {"Until"},
	"valid":                 {"From"},
	"valid_until_only":      {"Until"},
	"valid_until":           {"From", "Until"},
	// revocation
	"no_status":                nil,
	"status_needs_network":     {"URL"},
	"unknown_status_type":      {"Type"},
	"status_list_unverified":   {"URL"},
	"status_list_other_issuer": {"URL", "Issuer"},
	"status_list_invalid":      {"URL"},
	"revoked":                  {"URL"},
	"suspended":                {"URL"},
	"not_revoked":              {"URL"},
	// recipient
	"recipient_id_only":      {"ID"},
	"no_recipient":           nil,
	"recipient_not_email":    {"Type"},
	"no_email":               nil,
	"unsupported_hash":       {"Hash"},
	"issued_to_you":          {"Email"},
	"issued_to_someone_else": {"Emails"},
}

// Reasons lists every reason a check can give and the Args it fills, so the locales, the UI
// and the tests work from one list.
func Reasons() map[string][]string {
	out := make(map[string][]string, len(reasons))
	for k, v := range reasons {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// MessageID is the locale message that says a check's reason in words.
func (c Check) MessageID() string { return "CredentialCheck_" + c.Reason }
