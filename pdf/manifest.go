package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
)

// manifestFormat versions the attached evidence index, so a later Verify can read old PDFs.
const manifestFormat = "passerelle-evidence-index/1"

// Manifest is the machine-readable evidence index attached to every portfolio PDF as
// ManifestName: what Verify checks each attachment against.
type Manifest struct {
	Format     string         `json:"format"`
	DocumentID string         `json:"documentId"`
	Created    string         `json:"created"`
	Files      []ManifestFile `json:"files"`
}

// ManifestFile is one evidence item of the index.
type ManifestFile struct {
	Number    int    `json:"number"`
	Name      string `json:"name"`
	Title     string `json:"title"`
	SHA256    string `json:"sha256"`
	Size      int64  `json:"size"`
	MediaType string `json:"mediaType"`
	// Attached is false for a file over the attachment budget: listed, not carried.
	Attached bool `json:"attached"`
}

// recordedSHA256 is the SHA-256 recorded when the learner added the file, the one the index
// prints; bytes that no longer match it are reported as changed, as they should be.
func recordedSHA256(recorded string, data []byte) string {
	if s := strings.ToLower(strings.TrimSpace(recorded)); s != "" {
		return s
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// attachments are the manifest first, then every original file within the budget.
func (v *view) attachments(fs *fonts) ([]attachment, error) {
	m := Manifest{Format: manifestFormat, DocumentID: v.docID, Created: v.date.Format(time.RFC3339), Files: []ManifestFile{}}
	var files []attachment
	for _, it := range v.evidence {
		var data []byte
		if strings.TrimSpace(it.SHA256) == "" {
			var err error
			if data, err = it.original(); err != nil {
				return nil, err
			}
		}
		m.Files = append(m.Files, ManifestFile{Number: it.n, Name: it.fileName, Title: fs.line(it.Title),
			SHA256: recordedSHA256(it.SHA256, data), Size: it.size(), MediaType: it.MediaType, Attached: it.attached})
		if it.attached {
			// The original is read when it is written, unless the caller passed it or the
			// layout already read it.
			files = append(files, attachment{name: it.fileName, desc: fs.line(it.Title), data: it.Data,
				open: it.read, deflate: compressible(it.MediaType)})
		}
	}
	// Marshalling plain strings and numbers cannot fail.
	data, _ := json.MarshalIndent(m, "", "  ")
	return append([]attachment{{name: ManifestName, desc: "Passerelle evidence index", data: data, deflate: true}}, files...), nil
}
