package credential

import (
	"context"
	"strings"
	"time"
)

// Options are what an offline verification may use.
type Options struct {
	// Now is the time validity is checked at (zero: the current time).
	Now time.Time
	// Emails are the learner's addresses, for the recipient check.
	Emails []string
	// StatusLists are status list credentials (JSON or JWT) the learner imported alongside:
	// with one, revocation can be checked offline.
	StatusLists [][]byte
	// Keys are OB 2.0 key documents (CryptographicKey JSON with publicKeyPem, or a PEM) the
	// learner imported alongside a signed OB 2.0 badge.
	Keys [][]byte
}

// verifier holds one verification's inputs.
type verifier struct {
	ctx      context.Context
	o        Options
	set      contextSet
	setErr   error
	statuses []*statusList
	usedLD   bool
}

// Verify checks all that can be checked with no network. Every check is in one of four
// states and never says more than was checked; a CLR's nested credentials are verified each
// in Result.Nested.
func Verify(ctx context.Context, c *Credential, o Options) Result {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	v := &verifier{ctx: ctx, o: o}
	v.set, v.setErr = loadContexts()
	r := Result{CheckedAt: o.Now.UTC().Truncate(time.Second)}
	if c == nil {
		r.Checks = unreadable()
		return r
	}
	if c.src == nil {
		again, err := Read("credential", c.Source)
		if err != nil {
			r.Checks = unreadable()
			return r
		}
		c = again
	}
	for _, b := range o.StatusLists {
		if s := v.readStatusList(b); s != nil {
			v.statuses = append(v.statuses, s)
		}
	}
	return v.verify(c, r)
}

// unreadable is the result for bytes that hold no credential: nothing was checked.
func unreadable() []Check {
	var out []Check
	for _, n := range []CheckName{CheckSignature, CheckIssuerKey, CheckValidity, CheckRevoked, CheckRecipient} {
		out = append(out, Check{Check: n, State: CouldNotCheck, Reason: "unreadable"})
	}
	return out
}

// verify runs every check on one credential and, for a CLR, on each nested one.
func (v *verifier) verify(c *Credential, r Result) Result {
	v.usedLD = false
	var sig, key Check
	var k resolvedKey
	switch c.Format {
	case FormatOB2Hosted:
		url := first(c.src.url, c.ID)
		sig = Check{Check: CheckSignature, State: NotChecked, Reason: "hosted", Args: map[string]string{"URL": url}}
		key = Check{Check: CheckIssuerKey, State: NotChecked, Reason: "hosted", Args: map[string]string{"URL": url}}
	case FormatOB2Signed:
		sig, k = v.ob2Signature(c)
		key = v.issuerKey(sig, k, c.Issuer.ID)
	case FormatOB3JSON, FormatCLR2JSON:
		sig, k = v.dataIntegrity(c.src.doc)
		key = v.issuerKey(sig, k, c.Issuer.ID)
	case FormatOB3JWT, FormatCLR2JWT:
		sig, k = v.vcJWT(c)
		key = v.issuerKey(sig, k, c.Issuer.ID)
	}
	if sig.State == Passed {
		r.Key, r.KeySource = k.text, k.source
	}
	r.Checks = []Check{sig, key, v.validity(c), v.revocation(c), v.recipient(c)}
	if v.usedLD && v.setErr == nil {
		r.Contexts = v.set.hash
	}
	for _, n := range c.src.nested {
		r.Nested = append(r.Nested, v.verify(n, Result{CheckedAt: r.CheckedAt}))
	}
	return r
}

// issuerKey says whether the key that checked the signature is confirmed as the issuer's,
// and by what: a did:key or did:jwk issuer is its key (which proves possession, not which
// organisation it is); a key named in a URL fragment, a JWT header or a document given with
// the credential is the issuer's own claim.
func (v *verifier) issuerKey(sig Check, k resolvedKey, issuer string) Check {
	c := Check{Check: CheckIssuerKey}
	switch {
	case sig.Reason == "hosted":
		c.State, c.Reason = NotChecked, "hosted"
	case sig.Reason == "key_needs_network":
		c.State, c.Reason, c.Args = NotChecked, "key_needs_network", sig.Args
	case sig.State != Passed:
		c.State, c.Reason = CouldNotCheck, "no_verified_key"
	case k.did != "" && k.did == issuer:
		c.State, c.Reason = Passed, "issuer_is_did"
		c.Args = map[string]string{"Key": k.text, "Issuer": issuer}
	case k.did != "" && (strings.HasPrefix(issuer, "did:key:") || strings.HasPrefix(issuer, "did:jwk:")):
		// An issuer that is a did:key or did:jwk has exactly one key, itself: another key
		// did not sign for it.
		c.State, c.Reason = Failed, "key_not_issuers_did"
		c.Args = map[string]string{"Key": k.text, "Issuer": issuer, "DID": k.did}
	case k.did != "":
		c.State, c.Reason = NotChecked, "key_is_other_did"
		c.Args = map[string]string{"Key": k.text, "Issuer": issuer, "DID": k.did}
	case k.source == KeySourceURLFragment:
		c.State, c.Reason = NotChecked, "key_from_issuer_url"
		c.Args = map[string]string{"Key": k.text, "Issuer": issuer}
	case k.source == KeySourceJWTHeader:
		c.State, c.Reason = NotChecked, "key_from_jwt_header"
		c.Args = map[string]string{"Key": k.text, "Issuer": issuer}
	default:
		c.State, c.Reason = NotChecked, "key_from_document"
		c.Args = map[string]string{"Key": k.text, "Issuer": issuer}
	}
	return c
}
