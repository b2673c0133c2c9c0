package comment

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"passerelle/fault"
	"passerelle/osfile"
	"passerelle/portfolio"
)

// FileExtension is what comments files are named with.
const FileExtension = ".passerelle-comments"

// FileFormat and FileVersion name the comments file's format, so another file, or one a newer
// version wrote, is recognised and refused with its own message.
const (
	FileFormat  = "passerelle-comments"
	FileVersion = 1
)

// MaxFileSize bounds a comments file read from a USB stick or an email: thousands of comments
// fit, a wrong file of gigabytes is refused before it is read.
const MaxFileSize = 4 << 20

// FileComment is one coach comment as the comments file carries it: the anchor and the
// fingerprint of the item, never the item's content.
type FileComment struct {
	ID              string `json:"id"`
	Anchor          Anchor `json:"anchor"`
	Fingerprint     string `json:"fingerprint"`
	AuthorName      string `json:"authorName"`
	CreatedAt       string `json:"createdAt"`
	Text            string `json:"text"`
	SuggestedAction string `json:"suggestedAction"`
	ReplyTo         string `json:"replyTo"`
}

// FileBody is what the checksum covers: the format, the shared copy the comments were made
// on, whose portfolio it is, the coach and the comments.
type FileBody struct {
	Format      string        `json:"format"`
	Version     int           `json:"version"`
	ShareID     string        `json:"shareId"`
	PortfolioID string        `json:"portfolioId"`
	CoachName   string        `json:"coachName"`
	WrittenAt   string        `json:"writtenAt"`
	Comments    []FileComment `json:"comments"`
}

// File is a comments file: its body and the SHA-256 of the body's canonical JSON, so a file
// cut short or changed on the way is detected.
type File struct {
	FileBody
	SHA256 string `json:"sha256"`
}

// canonical is the body as the checksum covers it: Go's JSON of the struct, fields in order.
func (b FileBody) canonical() []byte {
	out, _ := json.Marshal(b)
	return out
}

func (b FileBody) checksum() string {
	sum := sha256.Sum256(b.canonical())
	return hex.EncodeToString(sum[:])
}

var (
	hexID     = regexp.MustCompile(`^[0-9a-f]{32}$`)
	hexSHA256 = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

func damagedFile() error { return fault.New(fault.Unsupported, "", "ErrCommentsFileDamaged") }

// Parse reads a comments file completely and checks everything before anything uses it: its
// format and version, its checksum, and every comment (IDs, anchors, dates, text). A file cut
// short, changed, or not a comments file gets a message and nothing else.
func Parse(data []byte) (File, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\ufeff"), []byte("{")) {
		return File{}, fault.New(fault.Unsupported, "", "ErrCommentsFileNotComments")
	}
	if len(data) > MaxFileSize {
		return File{}, fault.New(fault.TooLarge, "", "ErrCommentsFileTooLarge")
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		if strings.Contains(string(data[:min(len(data), 200)]), FileFormat) {
			return File{}, damagedFile()
		}
		return File{}, fault.New(fault.Unsupported, "", "ErrCommentsFileNotComments")
	}
	if head.Format != FileFormat {
		return File{}, fault.New(fault.Unsupported, "", "ErrCommentsFileNotComments")
	}
	if head.Version > FileVersion {
		return File{}, fault.New(fault.Unsupported, "", "ErrCommentsFileTooNew")
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return File{}, damagedFile()
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return File{}, damagedFile()
	}
	if f.Version != FileVersion || f.SHA256 != f.checksum() {
		return File{}, damagedFile()
	}
	if err := f.valid(); err != nil {
		return File{}, err
	}
	return f, nil
}

// valid checks what the checksum cannot: that a file written by something else than Passerelle
// (with a checksum it computed itself) still holds only what a coach could have written.
func (f File) valid() error {
	if !hexID.MatchString(f.ShareID) || f.PortfolioID == "" || !utf8.ValidString(f.CoachName) || !stamp(f.WrittenAt) {
		return damagedFile()
	}
	seen := map[string]bool{}
	for _, c := range f.Comments {
		if !hexID.MatchString(c.ID) || seen[c.ID] || checkAnchor(c.Anchor) != nil ||
			!hexSHA256.MatchString(c.Fingerprint) || !stamp(c.CreatedAt) ||
			(c.ReplyTo != "" && !hexID.MatchString(c.ReplyTo)) {
			return damagedFile()
		}
		seen[c.ID] = true
		if _, err := portfolio.RequiredText("text", c.Text, portfolio.MaxLongText); err != nil {
			return damagedFile()
		}
		if _, err := portfolio.CleanText("suggestedAction", c.SuggestedAction, portfolio.MaxShortText); err != nil {
			return damagedFile()
		}
		if _, err := portfolio.CleanText("authorName", c.AuthorName, portfolio.MaxShortText); err != nil {
			return damagedFile()
		}
	}
	return nil
}

func stamp(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// WriteResult is what WriteFile wrote.
type WriteResult struct {
	Path     string `json:"path"`
	Comments int    `json:"comments"`
}

// FilePath is where a comments file asked for at path is written: with its extension added
// when missing.
func FilePath(path string) string {
	if strings.HasSuffix(strings.ToLower(path), FileExtension) {
		return path
	}
	return path + FileExtension
}

// WriteFile writes the coach's comments made on this shared copy to a comments file at path
// (see FilePath): only those comments, their anchors and fingerprints, the copy's identity and
// the coach's name. It is written whole or not at all, and never over a portfolio or a shared
// copy.
func WriteFile(ctx context.Context, st *portfolio.Store, path string) (WriteResult, error) {
	if !st.Shared() {
		return WriteResult{}, fault.New(fault.Conflict, "", "ErrNotSharedCopy")
	}
	path = FilePath(path)
	info, err := st.ShareInfo(ctx)
	if err != nil {
		return WriteResult{}, err
	}
	coach, err := st.CoachName(ctx)
	if err != nil {
		return WriteResult{}, err
	}
	all, err := All(ctx, st)
	if err != nil {
		return WriteResult{}, err
	}
	body := FileBody{Format: FileFormat, Version: FileVersion, ShareID: info.ShareID,
		PortfolioID: info.PortfolioID, CoachName: coach, WrittenAt: st.Stamp(), Comments: []FileComment{}}
	for _, c := range all {
		if c.AuthorKind != ByCoach || c.ShareID != info.ShareID {
			continue
		}
		body.Comments = append(body.Comments, FileComment{ID: c.ID, Anchor: c.Anchor, Fingerprint: c.Fingerprint,
			AuthorName: c.AuthorName, CreatedAt: c.CreatedAt, Text: c.Text, SuggestedAction: c.SuggestedAction,
			ReplyTo: c.ReplyTo})
	}
	if len(body.Comments) == 0 {
		return WriteResult{}, fault.New(fault.Invalid, "", "ErrNoCommentsToWrite")
	}
	data, err := json.MarshalIndent(File{FileBody: body, SHA256: body.checksum()}, "", "  ")
	if err != nil {
		return WriteResult{}, fmt.Errorf("write comments: %w", err)
	}
	if err := writeWhole(path, append(data, '\n')); err != nil {
		return WriteResult{}, err
	}
	return WriteResult{Path: path, Comments: len(body.Comments)}, nil
}

// writeWhole writes data to a temporary file beside path, then renames it over path; an
// existing file there must be a comments file.
func writeWhole(path string, data []byte) error {
	if old, err := ReadFile(path); err == nil {
		_, perr := Parse(old)
		if e, ok := fault.As(perr); ok && (e.MessageID == "ErrCommentsFileNotComments" || e.Code == fault.TooLarge) {
			return fault.New(fault.Invalid, "out", "ErrCommentsWouldOverwrite", "Name", filepath.Base(path))
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return fault.Wrap(fault.New(fault.Invalid, "", "ErrCommentsCannotWrite"), fault.Storage(err))
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = osfile.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fault.Wrap(fault.New(fault.Invalid, "", "ErrCommentsCannotWrite"), fault.Storage(err))
	}
	return nil
}

// ImportResult says what an import did.
type ImportResult struct {
	CoachName string `json:"coachName"`
	Added     int    `json:"added"`
	Already   int    `json:"already"`
}

// ReadFile reads a comments file from disk, refusing one too large before reading it all.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fault.New(fault.NotFound, "", "ErrCommentsFileNotFound")
		}
		return nil, fault.Storage(fmt.Errorf("read comments: %w", err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fault.New(fault.Unsupported, "", "ErrPathIsFolder", "Name", filepath.Base(path))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fault.Storage(fmt.Errorf("read comments: %w", err))
	}
	return data, nil
}

// Import adds a coach's comments file to the learner's portfolio: checked whole first (see
// Parse), refused if it was made on another learner's portfolio, then every comment not
// already there is added in one transaction, so importing twice changes nothing and two
// coaches' comments merge.
func Import(ctx context.Context, st *portfolio.Store, data []byte) (ImportResult, error) {
	if st.Shared() {
		return ImportResult{}, fault.New(fault.Conflict, "", "ErrCommentsIntoSharedCopy")
	}
	f, err := Parse(data)
	if err != nil {
		return ImportResult{}, err
	}
	id, err := st.PortfolioID(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	if f.PortfolioID != id {
		return ImportResult{}, fault.New(fault.Conflict, "", "ErrCommentsForAnotherPortfolio")
	}
	res := ImportResult{CoachName: f.CoachName}
	err = st.Update(ctx, func(tx *sql.Tx) error {
		res.Added, res.Already = 0, 0
		for _, fc := range f.Comments {
			c := Comment{ID: fc.ID, ShareID: f.ShareID, Anchor: fc.Anchor, Fingerprint: fc.Fingerprint,
				AuthorKind: ByCoach, AuthorName: fc.AuthorName, CreatedAt: fc.CreatedAt, Text: fc.Text,
				SuggestedAction: fc.SuggestedAction, ReplyTo: fc.ReplyTo, Status: StatusOpen}
			added, err := insertNew(ctx, tx, c)
			if err != nil {
				return err
			}
			if added {
				res.Added++
			} else {
				res.Already++
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// ImportFile reads the comments file at path and imports it (see Import).
func ImportFile(ctx context.Context, st *portfolio.Store, path string) (ImportResult, error) {
	data, err := ReadFile(path)
	if err != nil {
		return ImportResult{}, err
	}
	return Import(ctx, st, data)
}
