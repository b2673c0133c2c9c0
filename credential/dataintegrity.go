package credential

import (
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"strings"

	"github.com/mr-tron/base58"
)

// dataIntegrity checks an embedded proof: DataIntegrityProof with cryptosuite eddsa-rdfc-2022,
// or Ed25519Signature2020. Both sign SHA-256(canonical proof options) ‖ SHA-256(canonical
// document without its proof), canonicalised with RDFC-1.0 and the bundled contexts only.
func (v *verifier) dataIntegrity(doc map[string]any) (Check, resolvedKey) {
	c := Check{Check: CheckSignature}
	proofs := list(doc["proof"])
	if len(proofs) == 0 {
		c.State, c.Reason = CouldNotCheck, "no_proof"
		return c, resolvedKey{}
	}
	var proof map[string]any
	for _, p := range proofs {
		m, ok := p.(map[string]any)
		if ok && supportedProof(m) {
			proof = m
			break
		}
	}
	if proof == nil {
		m, _ := proofs[0].(map[string]any)
		c.State, c.Reason = CouldNotCheck, "unsupported_proof"
		c.Args = map[string]string{"Type": strings.TrimSpace(str(m["type"]) + " " + str(m["cryptosuite"]))}
		return c, resolvedKey{}
	}
	if v.setErr != nil {
		c.State, c.Reason = CouldNotCheck, "contexts_damaged"
		return c, resolvedKey{}
	}
	if purpose := str(proof["proofPurpose"]); purpose != "assertionMethod" {
		// A credential is asserted by its issuer; a proof made for another purpose (logging
		// in, for one) is not an issuance.
		c.State, c.Reason = Failed, "wrong_proof_purpose"
		c.Args = map[string]string{"Purpose": purpose}
		return c, resolvedKey{}
	}
	vm := str(proof["verificationMethod"])
	k, err := resolveMethod(vm)
	if err != nil {
		c.State, c.Reason = NotChecked, "key_needs_network"
		c.Args = map[string]string{"Method": vm}
		return c, resolvedKey{}
	}
	pub, ok := k.pub.(ed25519.PublicKey)
	if !ok {
		c.State, c.Reason = CouldNotCheck, "unsupported_proof"
		c.Args = map[string]string{"Type": str(proof["type"])}
		return c, resolvedKey{}
	}
	v.usedLD = true
	data, check := v.proofData(doc, proof)
	if check != nil {
		return *check, k
	}
	sig, err := decodeProofValue(str(proof["proofValue"]))
	if err != nil || !ed25519.Verify(pub, data, sig) {
		c.State, c.Reason = Failed, "signature_invalid"
		c.Args = map[string]string{"Key": k.text}
		return c, k
	}
	c.State, c.Reason = Passed, "signature_valid"
	c.Args = map[string]string{"Key": k.text}
	return c, k
}

// supportedProof tells the proof types this verifier can check.
func supportedProof(p map[string]any) bool {
	switch str(p["type"]) {
	case "DataIntegrityProof":
		return str(p["cryptosuite"]) == "eddsa-rdfc-2022"
	case "Ed25519Signature2020":
		return true
	}
	return false
}

// proofData canonicalises the proof options and the document and returns what was signed, or
// the check that says why it could not be computed.
func (v *verifier) proofData(doc, proof map[string]any) ([]byte, *Check) {
	unsecured := make(map[string]any, len(doc))
	for k, val := range doc {
		if k != "proof" {
			unsecured[k] = val
		}
	}
	options := make(map[string]any, len(proof))
	for k, val := range proof {
		if k != "proofValue" {
			options[k] = val
		}
	}
	options["@context"] = doc["@context"]
	docCanon, err := canonicalJSONLD(unsecured, &offlineLoader{set: v.set})
	if err != nil {
		return nil, canonCheck(err)
	}
	proofCanon, err := canonicalJSONLD(options, &offlineLoader{set: v.set})
	if err != nil {
		return nil, canonCheck(err)
	}
	p := sha256.Sum256([]byte(proofCanon))
	d := sha256.Sum256([]byte(docCanon))
	return append(p[:], d[:]...), nil
}

// canonCheck turns a canonicalisation failure into the signature check it means: a context
// that is not bundled, or a dataset too complex to label, leaves the signature unchecked; an
// IRI with no scheme fails it (it would sign different statements for different verifiers).
func canonCheck(err error) *Check {
	c := &Check{Check: CheckSignature, State: CouldNotCheck}
	var unknown *unknownContextError
	var relative *relativeIRIError
	switch {
	case errors.As(err, &unknown):
		c.Reason = "unknown_context"
		c.Args = map[string]string{"URL": unknown.url}
	case errors.As(err, &relative):
		c.State, c.Reason = Failed, "relative_iri"
		c.Args = map[string]string{"IRI": relative.iri}
	case errors.Is(err, errTooComplex):
		c.Reason = "too_complex"
	default:
		c.Reason = "jsonld_invalid"
		c.Args = map[string]string{"Detail": err.Error()}
	}
	return c
}

// decodeProofValue reads a base58btc multibase signature.
func decodeProofValue(s string) ([]byte, error) {
	if !strings.HasPrefix(s, "z") {
		return nil, errors.New("proofValue is not base58btc multibase")
	}
	return base58.Decode(s[1:])
}
