package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"passerelle/plar"
	"passerelle/portfolio"
)

// docIDLength is how many hex digits of the content hash name a document: 48 bits, enough
// that two exports an assessor holds never share one, short enough to read over the phone.
const docIDLength = 12

// documentID hashes what the PDF shows (never the private fields it leaves out), the output
// language and the export date, so an assessor can tell two submissions apart and the same
// content exported again under SOURCE_DATE_EPOCH gets the same ID.
func documentID(v *view, lang Language) string {
	type evidence struct {
		portfolio.Evidence
		FileName string
		Attached bool
	}
	content := struct {
		Format      string
		Language    Language
		Date        string
		Learner     portfolio.Learner
		Target      *plar.Target
		Claims      []Claim
		Readiness   Readiness
		Experiences []portfolio.Experience
		Credentials []portfolio.Credential
		Evidence    []evidence
		Notes       []portfolio.SupportNote
	}{"passerelle-pdf/1", lang, v.date.Format(time.DateOnly), v.learner, v.target, v.claims,
		v.readiness, v.experiences, v.credentials, nil, v.notes}
	for _, it := range v.evidence {
		content.Evidence = append(content.Evidence, evidence{it.Evidence.Evidence, it.fileName, it.attached})
	}
	// Marshalling plain structs of strings, numbers and slices cannot fail.
	data, _ := json.Marshal(content)
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:docIDLength]
}
