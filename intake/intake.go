// Package intake brings the digital credentials a learner already holds into their portfolio:
// it reads each file, verifies it offline, maps what it certifies to microcredentials, keeps the
// original file as evidence and stores the verification result. The window and the headless
// command both use it, so a credential imported either way is the same.
package intake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"passerelle/credential"
	"passerelle/fault"
	"passerelle/portfolio"
)

// Checker reads and verifies a credential file: the credential package's Read and Verify
// (see Offline), given as functions so the mapping can be tested with any credential.
type Checker struct {
	Read   func(name string, data []byte) (*credential.Credential, error)
	Verify func(ctx context.Context, c *credential.Credential, now time.Time, emails []string) credential.Result
}

// What happened to one file.
const (
	StatusImported = "imported"
	StatusUpdated  = "updated"
	StatusRefused  = "refused"
)

// FileResult is what happened to one file: imported (new microcredentials), updated (the same
// credential was already there) or refused, with the reason in Err and nothing written.
type FileResult struct {
	Name   string
	Status string
	Format string
	Items  []portfolio.ImportedItem
	Err    error
}

// Importer imports credential files into one portfolio.
type Importer struct {
	store *portfolio.Store
	check Checker
}

// New makes an importer for a portfolio; the clock is the portfolio's.
func New(st *portfolio.Store, c Checker) *Importer { return &Importer{store: st, check: c} }

// ImportPaths imports the files at the given paths, each on its own: a refused file changes
// nothing and does not stop the others.
func (im *Importer) ImportPaths(ctx context.Context, paths []string) []FileResult {
	out := make([]FileResult, 0, len(paths))
	for _, p := range paths {
		f, err := portfolio.ReadEvidenceFile(p)
		if err != nil {
			out = append(out, FileResult{Name: f.Name, Status: StatusRefused, Err: err})
			if out[len(out)-1].Name == "" {
				out[len(out)-1].Name = baseName(p)
			}
			continue
		}
		out = append(out, im.Import(ctx, f.Name, f.Data))
	}
	return out
}

func baseName(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	return p[strings.LastIndex(p, "/")+1:]
}

// Import reads, verifies and stores one credential file given by name and bytes.
func (im *Importer) Import(ctx context.Context, name string, data []byte) FileResult {
	r := FileResult{Name: name, Status: StatusRefused}
	c, err := im.check.Read(name, data)
	if err != nil {
		r.Err = err
		return r
	}
	r.Format = string(c.Format)
	result := im.check.Verify(ctx, c, im.store.Now(), im.emails(ctx))
	items, err := Map(name, c, result)
	if err != nil {
		r.Err = err
		return r
	}
	// A learner record's file is named for the record; a badge's for its achievement.
	title := ""
	if len(c.Achievements) > 1 {
		title = text(c.Name)
	}
	file, err := portfolio.PrepareCredentialFile(name, data, c.MediaType, title)
	if err != nil {
		r.Err = err
		return r
	}
	if r.Items, err = im.store.ImportCredentials(ctx, file, items); err != nil {
		r.Err = err
		return r
	}
	r.Status = StatusImported
	for _, it := range r.Items {
		if it.Updated {
			r.Status = StatusUpdated
		}
	}
	return r
}

// emails are the learner's addresses the recipient check compares with. A locked portfolio
// reads none: the check then says it could not check, rather than guess.
func (im *Importer) emails(ctx context.Context) []string {
	l, err := im.store.Learner(ctx)
	if err != nil || strings.TrimSpace(l.Email) == "" {
		return nil
	}
	return []string{strings.TrimSpace(l.Email)}
}

// CheckAgain verifies again, offline, the original file a microcredential was imported from,
// and records the new result on every microcredential that file brought in. It returns the
// microcredential as it now reads.
func (im *Importer) CheckAgain(ctx context.Context, credentialID int64) (portfolio.Credential, error) {
	name, data, err := im.store.CredentialOriginal(ctx, credentialID)
	if err != nil {
		return portfolio.Credential{}, err
	}
	c, err := im.check.Read(name, data)
	if err != nil {
		return portfolio.Credential{}, err
	}
	items, err := Map(name, c, im.check.Verify(ctx, c, im.store.Now(), im.emails(ctx)))
	if err != nil {
		return portfolio.Credential{}, err
	}
	held, err := im.store.Credentials(ctx)
	if err != nil {
		return portfolio.Credential{}, err
	}
	kept := map[string]bool{}
	for _, h := range held {
		if h.Import != nil {
			kept[h.Import.Key] = true
		}
	}
	// An achievement of the file the learner has since deleted stays deleted.
	byKey := map[string]portfolio.Verification{}
	for _, it := range items {
		if kept[it.Import.Key] {
			byKey[it.Import.Key] = it.Import.Verification
		}
	}
	if err := im.store.SetVerification(ctx, byKey); err != nil {
		return portfolio.Credential{}, err
	}
	return im.store.Credential(ctx, credentialID)
}

// Map turns a read credential and its verification into the microcredentials it certifies,
// one per achievement (a CLR holds several, grouped), ready for portfolio.ImportCredentials.
func Map(name string, c *credential.Credential, r credential.Result) ([]portfolio.Credential, error) {
	if len(c.Achievements) == 0 {
		return nil, fault.New(fault.Invalid, "", "ErrCredentialFileEmpty", "Name", name)
	}
	group := ""
	clr := c.Format == credential.FormatCLR2JSON || c.Format == credential.FormatCLR2JWT
	if clr {
		group = c.Issuer.ID + "|" + orSum(c.ID, c.Source, -1)
	}
	out := make([]portfolio.Credential, 0, len(c.Achievements))
	for i, a := range c.Achievements {
		credID := a.CredentialID
		if credID == "" {
			credID = c.ID
		}
		if clr && a.CredentialID == "" {
			credID = ""
		}
		p := portfolio.Credential{
			TitleEN: text(a.Name), TitleFR: text(a.NameFR), Issuer: text(c.Issuer.Name),
			IssuedOn: first(a.IssuedOn, c.IssuedOn), ExpiresOn: first(a.ExpiresOn, c.ExpiresOn),
			Competencies: texts(a.Competencies), Hours: a.Hours, CreditValue: number(a.Credits),
			Import: &portfolio.CredentialImport{
				Format: string(c.Format), Key: c.Issuer.ID + "|" + orSum(credID, c.Source, i) + "|" + a.ID,
				Group: group, IssuerID: text(c.Issuer.ID),
				DescriptionEN: text(a.Description), DescriptionFR: text(a.DescriptionFR), Criteria: text(a.Criteria),
				Alignments:   alignments(a.Alignments),
				Verification: verification(r, i, clr),
			},
		}
		fixed := []string{"titleEn", "titleFr", "issuer", "issuedOn", "expiresOn", "competencies", "hours", "creditValue"}
		// A hosted Open Badge 2.0 may name its achievement and issuer only by URL: the learner
		// gets a title and an issuer to correct, not a fact the credential stated.
		if p.TitleEN == "" && p.TitleFR == "" {
			p.TitleEN = first(hostOf(a.ID), a.ID)
			fixed = drop(fixed, "titleEn")
		}
		if p.Issuer == "" {
			p.Issuer = first(hostOf(c.Issuer.ID), hostOf(a.ID), hostOf(c.ID))
			fixed = drop(fixed, "issuer")
		}
		if p.TitleEN == "" && p.TitleFR == "" {
			return nil, fault.New(fault.Invalid, "", "ErrCredentialNoName", "Name", name)
		}
		if p.Issuer == "" {
			return nil, fault.New(fault.Invalid, "", "ErrCredentialNoIssuer", "Name", name)
		}
		if p.IssuedOn == "" {
			return nil, fault.New(fault.Invalid, "", "ErrCredentialNoIssueDate", "Name", name)
		}
		p.Import.Fixed = fixed
		out = append(out, p)
	}
	return out, nil
}

// verification is the result for achievement i: its own checks, and for an achievement of a
// CLR with a result of its own, the record's checks with scope "record".
func verification(r credential.Result, i int, clr bool) portfolio.Verification {
	v := portfolio.Verification{CheckedAt: r.CheckedAt.UTC().Format(time.RFC3339), Contexts: r.Contexts,
		Key: r.Key, KeySource: keySource(r.KeySource), Checks: []portfolio.VerificationCheck{}}
	if !clr || i >= len(r.Nested) {
		v.Checks = append(v.Checks, checks(r.Checks, portfolio.ScopeCredential)...)
		return v
	}
	n := r.Nested[i]
	v.Checks = append(v.Checks, checks(n.Checks, portfolio.ScopeCredential)...)
	v.Checks = append(v.Checks, checks(r.Checks, portfolio.ScopeRecord)...)
	if n.Key != "" {
		v.Key, v.KeySource = n.Key, keySource(n.KeySource)
	}
	if n.Contexts != "" {
		v.Contexts = n.Contexts
	}
	return v
}

// keySource names where a key came from by one of portfolio.KeySources, so the panel and the PDF
// say it in the learner's language; an unknown source is kept as written.
func keySource(s string) string {
	switch s {
	case credential.KeySourceDIDKey:
		return "did_key"
	case credential.KeySourceDIDJWK:
		return "did_jwk"
	case credential.KeySourceURLFragment:
		return "issuer_url_fragment"
	case credential.KeySourceJWTHeader:
		return "jwt_header_jwk"
	case credential.KeySourceDocument:
		return "key_document"
	}
	return s
}

func checks(in []credential.Check, scope string) []portfolio.VerificationCheck {
	out := make([]portfolio.VerificationCheck, 0, len(in))
	for _, c := range in {
		args := map[string]string{}
		for k, v := range c.Args {
			args[k] = text(v)
			if k == "Email" || k == "Emails" {
				args[k] = maskEmails(args[k])
			}
		}
		out = append(out, portfolio.VerificationCheck{Scope: scope, Check: string(c.Check), State: string(c.State),
			Reason: c.Reason, Args: args})
	}
	return out
}

func alignments(in []credential.Alignment) []portfolio.Alignment {
	out := make([]portfolio.Alignment, 0, len(in))
	for _, a := range in {
		out = append(out, portfolio.Alignment{Framework: text(a.Framework), Code: text(a.Code), Name: text(a.Name),
			URL: text(a.URL)})
	}
	return out
}

// maskEmails keeps of each of the learner's addresses its first letter and its domain
// ("a…@example.org"): the recipient check is kept in the portfolio file, where a passphrase
// seals the learner's email, and goes into a coach's copy; the learner recognises their address
// without it being written out in full.
func maskEmails(list string) string {
	parts := strings.Split(list, ", ")
	for i, e := range parts {
		local, domain, ok := strings.Cut(e, "@")
		if !ok || local == "" {
			parts[i] = "…"
			continue
		}
		first, _ := utf8.DecodeRuneInString(local)
		parts[i] = string(first) + "…@" + domain
	}
	return strings.Join(parts, ", ")
}

// orSum is id, or for a credential with none the SHA-256 of its file (and the achievement's
// place in it), so two different files never share a key.
func orSum(id string, source []byte, i int) string {
	if id != "" {
		return id
	}
	sum := sha256.Sum256(source)
	if i < 0 {
		return "sha256:" + hex.EncodeToString(sum[:])
	}
	return "sha256:" + hex.EncodeToString(sum[:]) + "#" + strconv.Itoa(i)
}

// text makes an issuer's string safe to store: control characters (a credential may carry
// them, and its signature still holds) become spaces.
func text(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " ")))
}

func texts(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = text(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func number(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func hostOf(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Host
}

func drop(list []string, name string) []string {
	out := list[:0:0]
	for _, s := range list {
		if s != name {
			out = append(out, s)
		}
	}
	return out
}
