package pdf

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Limits that keep Verify safe on a hostile file.
const (
	maxNameTreeDepth  = 32
	maxAttachmentSize = 1 << 30
)

// FileStatus is what Verify found for one evidence file.
type FileStatus string

// The statuses, as the CLI maps them to translated messages.
const (
	// StatusIntact means the attachment's SHA-256 matches the index.
	StatusIntact FileStatus = "intact"
	// StatusChanged means the attachment is there but its bytes differ from the index.
	StatusChanged FileStatus = "changed"
	// StatusMissing means the index lists an attached file the PDF no longer carries.
	StatusMissing FileStatus = "missing"
	// StatusNotAttached means the file was over the attachment budget when exported: listed
	// with its SHA-256 so it can be checked when the learner provides it.
	StatusNotAttached FileStatus = "not-attached"
	// StatusUnexpected means the PDF carries a file the index does not list.
	StatusUnexpected FileStatus = "unexpected"
)

// FileCheck is the verdict on one evidence file.
type FileCheck struct {
	Number   int
	Name     string
	Title    string
	Expected string // SHA-256 in the index
	Actual   string // SHA-256 of the attached bytes, "" when absent
	Status   FileStatus
}

// Report is what Verify found: which files are intact and which changed.
type Report struct {
	DocumentID string
	Files      []FileCheck
	// Intact is true when every file is intact or was never attached, and nothing was added.
	Intact bool
}

// Verify recomputes every attachment's SHA-256 and compares it with the evidence index the
// PDF carries. A file that is not a PDF gives ErrUnreadablePDF; a PDF without the index
// gives ErrNotPortfolioPDF.
func Verify(path string) (Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return Report{}, fmt.Errorf("verify %s: %w", path, err)
	}
	defer f.Close()
	files, err := embeddedFiles(f)
	if err != nil {
		return Report{}, err
	}
	data, ok := files[ManifestName]
	if !ok {
		return Report{}, ErrNotPortfolioPDF
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Format != manifestFormat {
		return Report{}, fmt.Errorf("%w: the evidence index is damaged", ErrNotPortfolioPDF)
	}
	delete(files, ManifestName)
	rep := Report{DocumentID: m.DocumentID, Intact: true}
	for _, mf := range m.Files {
		c := FileCheck{Number: mf.Number, Name: mf.Name, Title: mf.Title, Expected: mf.SHA256}
		data, there := files[mf.Name]
		delete(files, mf.Name)
		switch {
		case !mf.Attached && !there:
			c.Status = StatusNotAttached
		case !there:
			c.Status = StatusMissing
		default:
			sum := sha256.Sum256(data)
			c.Actual = hex.EncodeToString(sum[:])
			c.Status = StatusIntact
			if c.Actual != mf.SHA256 {
				c.Status = StatusChanged
			}
		}
		rep.Intact = rep.Intact && (c.Status == StatusIntact || c.Status == StatusNotAttached)
		rep.Files = append(rep.Files, c)
	}
	for name, data := range files {
		sum := sha256.Sum256(data)
		rep.Files = append(rep.Files, FileCheck{Name: name, Actual: hex.EncodeToString(sum[:]), Status: StatusUnexpected})
		rep.Intact = false
	}
	return rep, nil
}

// embeddedFiles reads the document's embedded files by name, walking the EmbeddedFiles name
// tree itself so it reads what any writer (fpdf, qpdf, Acrobat) produced.
func embeddedFiles(f *os.File) (files map[string][]byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			files, err = nil, fmt.Errorf("%w: %v", ErrUnreadablePDF, p)
		}
	}()
	ctx, err := pdfcpu.ReadWithContext(context.Background(), f, pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadablePDF, err)
	}
	x := ctx.XRefTable
	root, err := x.Catalog()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadablePDF, err)
	}
	names, _ := x.DereferenceDict(root["Names"])
	tree, _ := x.DereferenceDict(names["EmbeddedFiles"])
	files = map[string][]byte{}
	if tree == nil {
		return files, nil
	}
	return files, walkNames(x, tree, files, 0)
}

func walkNames(x *model.XRefTable, node types.Dict, files map[string][]byte, depth int) error {
	if depth > maxNameTreeDepth {
		return fmt.Errorf("%w: attachment tree too deep", ErrUnreadablePDF)
	}
	kids, _ := x.DereferenceArray(node["Kids"])
	for _, k := range kids {
		kid, err := x.DereferenceDict(k)
		if err != nil || kid == nil {
			continue
		}
		if err := walkNames(x, kid, files, depth+1); err != nil {
			return err
		}
	}
	pairs, _ := x.DereferenceArray(node["Names"])
	for i := 0; i+1 < len(pairs); i += 2 {
		name, data := fileSpec(x, pairs[i+1])
		if _, dup := files[name]; !dup && name != "" {
			files[name] = data
		}
	}
	return nil
}

// fileSpec is one embedded file's name (/UF, else /F) and decoded bytes.
func fileSpec(x *model.XRefTable, o types.Object) (string, []byte) {
	d, err := x.DereferenceDict(o)
	if err != nil || d == nil {
		return "", nil
	}
	var name string
	for _, key := range []string{"UF", "F"} {
		if v, ok := d[key]; ok && name == "" {
			name, _ = x.DereferenceStringOrHexLiteral(v, model.V10, nil)
		}
	}
	ef, _ := x.DereferenceDict(d["EF"])
	sd, _, err := x.DereferenceStreamDict(ef["F"])
	if err != nil || sd == nil {
		return name, nil
	}
	if err := sd.DecodeWithLimit(maxAttachmentSize); err != nil {
		// Bytes that no longer decode are a changed file, not an unreadable PDF.
		return name, sd.Raw
	}
	return name, sd.Content
}
