// Package credential reads the digital credentials learners already hold — Open Badges 2.0 and
// 3.0 and Comprehensive Learner Records 2.0, baked into PNG or SVG, or as JSON or compact JWS —
// and verifies, with no network, what can be verified. It imports nothing of the portfolio: the
// import into a portfolio is done above it, so the verifier can be tested and fuzzed on its own.
package credential

import "time"

// Format names the kind of credential a file held, as `passerelle credential verify --json`
// reports it; an assessor needs it to know how to check the credential again online.
type Format string

// The formats Passerelle reads.
const (
	FormatOB2Hosted Format = "ob2-hosted"
	FormatOB2Signed Format = "ob2-signed"
	FormatOB3JSON   Format = "ob3-json"
	FormatOB3JWT    Format = "ob3-jwt"
	FormatCLR2JSON  Format = "clr2-json"
	FormatCLR2JWT   Format = "clr2-jwt"
)

// CheckName names one verification check, so the UI, the PDF and --json list the same checks.
type CheckName string

// The checks, in the order they are shown.
const (
	CheckSignature CheckName = "signature"
	CheckIssuerKey CheckName = "issuer_key"
	CheckValidity  CheckName = "validity"
	CheckRevoked   CheckName = "revocation"
	CheckRecipient CheckName = "recipient"
)

// State is the outcome of one check. There are four, so that an unknown is never shown as a
// tick or a cross.
type State string

// The four states of a check.
const (
	Passed        State = "passed"
	Failed        State = "failed"
	NotChecked    State = "not_checked"     // needs the issuer's server, which Passerelle never contacts
	CouldNotCheck State = "could_not_check" // something needed was missing or unknown
)

// Check is one check's result. Reason is a stable code (for example "expired",
// "key_not_confirmed", "unknown_context"); the edge turns it into words with the locale
// message "CredentialCheck_" + Reason, filled with Args.
type Check struct {
	Check  CheckName         `json:"check"`
	State  State             `json:"state"`
	Reason string            `json:"reason"`
	Args   map[string]string `json:"args,omitempty"`
}

// Result is what a verification found, kept with the microcredential and printed in the PDF
// so an assessor sees what was checked, when, and with which key.
type Result struct {
	CheckedAt time.Time `json:"checkedAt"`
	// Contexts is the hex SHA-256 of the bundled JSON-LD context set the signature was checked
	// with, or "" when no JSON-LD was involved: the same URL has held different contexts.
	Contexts string `json:"contexts"`
	// Key is the public key the signature was checked with (multibase, JWK thumbprint or PEM
	// fingerprint), and KeySource says where it came from ("did:key", "jwt header jwk", …).
	Key       string  `json:"key,omitempty"`
	KeySource string  `json:"keySource,omitempty"`
	Checks    []Check `json:"checks"`
	// Nested holds the result of each credential inside a CLR, in Achievements order.
	Nested []Result `json:"nested,omitempty"`
}

// Failed reports whether any check, here or in a nested credential, failed: the verify
// command's exit status and the UI's warning follow it.
func (r Result) Failed() bool {
	for _, c := range r.Checks {
		if c.State == Failed {
			return true
		}
	}
	for _, n := range r.Nested {
		if n.Failed() {
			return true
		}
	}
	return false
}

// Issuer is who issued the credential, as the credential says.
type Issuer struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Alignment ties an achievement to a competency framework, so an employer reads what the
// credential certifies in plain words.
type Alignment struct {
	Framework string `json:"framework,omitempty"`
	Code      string `json:"code,omitempty"`
	Name      string `json:"name"`
	URL       string `json:"url,omitempty"`
}

// Achievement is what a badge certifies; a CLR holds several.
type Achievement struct {
	ID            string      `json:"id,omitempty"`
	Name          string      `json:"name"`
	NameFR        string      `json:"nameFr,omitempty"`
	Description   string      `json:"description,omitempty"`
	DescriptionFR string      `json:"descriptionFr,omitempty"`
	Criteria      string      `json:"criteria,omitempty"`
	Competencies  []string    `json:"competencies"`
	Alignments    []Alignment `json:"alignments,omitempty"`
	Hours         float64     `json:"hours,omitempty"`
	Credits       float64     `json:"credits,omitempty"`
	// IssuedOn and ExpiresOn are YYYY-MM-DD, "" when the credential gives none.
	IssuedOn  string `json:"issuedOn,omitempty"`
	ExpiresOn string `json:"expiresOn,omitempty"`
	// CredentialID identifies the (nested) credential that awarded it, so importing the same
	// credential twice updates instead of duplicating.
	CredentialID string `json:"credentialId,omitempty"`
}

// Credential is a parsed credential with its original bytes, which travel into the portfolio
// and the PDF unchanged so an assessor can verify them again.
type Credential struct {
	Format Format
	ID     string
	// Name is the credential's own name (a CLR's "Transcript…"), else its achievement's.
	Name         string
	Issuer       Issuer
	IssuedOn     string // YYYY-MM-DD
	ExpiresOn    string // YYYY-MM-DD or ""
	Achievements []Achievement
	// Source is the file's bytes as the learner gave them, MediaType their kind
	// ("image/png", "image/svg+xml", "application/json", "application/jwt").
	Source    []byte
	MediaType string
	// src is what Read parsed, for Verify; a Credential not made by Read is read again from
	// Source.
	src *source
}
