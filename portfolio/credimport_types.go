package portfolio

import "slices"

// CredentialImport is what a microcredential imported from a digital credential carries beyond
// its own fields: where it came from, what it certifies in the issuer's words, and what was
// verified, when and with which key. The portfolio keeps it as plain data; the package that
// reads credentials maps its own types to these above the portfolio.
type CredentialImport struct {
	// Format is the kind of file it came from ("ob3-json", "ob2-signed", "clr2-json"…), which
	// tells an assessor how to check it again online.
	Format string `json:"format"`
	// Key is issuer id + credential id + achievement id: importing it again updates it.
	Key string `json:"key"`
	// Group is the key of the learner record (CLR) it came in with its siblings, "" for a badge.
	Group         string       `json:"group"`
	IssuerID      string       `json:"issuerId"`
	DescriptionEN string       `json:"descriptionEn"`
	DescriptionFR string       `json:"descriptionFr"`
	Criteria      string       `json:"criteria"`
	Alignments    []Alignment  `json:"alignments"`
	Verification  Verification `json:"verification"`
	// EvidenceID is the original credential file kept as evidence, 0 once the learner deleted it;
	// SHA256 is its fingerprint.
	EvidenceID int64  `json:"evidenceId"`
	SHA256     string `json:"sha256"`
	ImportedAt string `json:"importedAt"`
	// Fixed lists the microcredential's fields the credential stated (JSON names): they stay as
	// imported, while the learner may fill in the others (a French title, the assessment method).
	// Given to ImportCredentials, it limits what is kept as stated (nil: every field set).
	Fixed []string `json:"fixed"`
}

// Alignment ties an imported achievement to a competency framework, so an employer reads what
// it certifies in plain words.
type Alignment struct {
	Framework string `json:"framework"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	URL       string `json:"url"`
}

// VerificationState is the outcome of one check; there are four, so that an unknown is never
// shown as a pass or a failure.
type VerificationState = string

// The four states of a check, as the credential verifier names them.
const (
	CheckPassed        VerificationState = "passed"
	CheckFailed        VerificationState = "failed"
	CheckNotChecked    VerificationState = "not_checked"
	CheckCouldNotCheck VerificationState = "could_not_check"
)

// CheckStates are the four states of a check, in the order the panel explains them.
func CheckStates() []VerificationState {
	return []VerificationState{CheckPassed, CheckFailed, CheckNotChecked, CheckCouldNotCheck}
}

// KeySources name where the key a signature was checked with came from; each one's words are
// the locale message "CredentialKeySource_" + the name. A source not among them is kept as the
// verifier wrote it.
func KeySources() []string {
	return []string{"did_key", "did_jwk", "issuer_url_fragment", "jwt_header_jwk", "key_document"}
}

// CheckSignature is the check whose passing makes an imported credential third-party evidence.
const CheckSignature = "signature"

// Verification is what the offline verification of an imported credential found, kept so the
// panel and the PDF say what was checked, when and with which key.
type Verification struct {
	CheckedAt string `json:"checkedAt"` // RFC 3339, UTC
	// Contexts is the SHA-256 of the JSON-LD context set used, "" when none was.
	Contexts  string              `json:"contexts"`
	Key       string              `json:"key"`
	KeySource string              `json:"keySource"`
	Checks    []VerificationCheck `json:"checks"`
}

// VerificationCheck is one check. Scope is "" for the achievement's own credential and
// "record" for the learner record (CLR) that carried it; Reason and Args become words through
// the locale message "CredentialCheck_" + Reason.
type VerificationCheck struct {
	Scope  string            `json:"scope"`
	Check  string            `json:"check"`
	State  VerificationState `json:"state"`
	Reason string            `json:"reason"`
	Args   map[string]string `json:"args"`
}

// The scopes of a check.
const (
	ScopeCredential = ""
	ScopeRecord     = "record"
)

// Failed reports whether any check failed.
func (v Verification) Failed() bool {
	return slices.ContainsFunc(v.Checks, func(c VerificationCheck) bool { return c.State == CheckFailed })
}

// Verified reports whether the credential's own signature passed and no check failed: only
// then does it count as third-party evidence for the rules of evidence.
func (v Verification) Verified() bool {
	if v.Failed() {
		return false
	}
	return slices.ContainsFunc(v.Checks, func(c VerificationCheck) bool {
		return c.Scope == ScopeCredential && c.Check == CheckSignature && c.State == CheckPassed
	})
}

// Verified reports whether c was imported from a digital credential whose signature passed
// with no check failing.
func (c Credential) Verified() bool { return c.Import != nil && c.Import.Verification.Verified() }
