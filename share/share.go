// Package share writes a learner's shared copy for a coach: a new file holding the portfolio
// without anything private (no support note the learner did not tick for the coach, no
// self-identification, contact details only by choice), built by inserting only what may be
// shared, and read-only for the coach except their comments. It also lists a coach's cohort of
// shared copies.
package share

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"passerelle/fault"
	"passerelle/plar"
	"passerelle/portfolio"
)

// LargeFile is the size above which an evidence file counts as large: WithoutLargeFiles leaves
// such files out of the shared copy (their description and SHA-256 stay), so it fits an email.
const LargeFile = 10 << 20

// Options are the learner's choices for one shared copy.
type Options struct {
	// WithContact includes the learner's email and phone; off, the coach gets neither.
	WithContact bool `json:"withContact"`
	// WithoutLargeFiles leaves out evidence files over LargeFile bytes.
	WithoutLargeFiles bool `json:"withoutLargeFiles"`
	// Now is the clock for the shared-at date; nil means the store's clock.
	Now func() time.Time `json:"-"`
}

// Field is one profile field and whether the shared copy holds it.
type Field struct {
	Name     string `json:"name"`
	Included bool   `json:"included"`
}

// The profile fields a preview names, as the profile form's field names.
const (
	FieldDisplayName = "displayName"
	FieldLegalName   = "legalName"
	FieldLanguage    = "preferredLanguage"
	FieldCommunity   = "community"
	FieldRegion      = "region"
	FieldEmail       = "email"
	FieldPhone       = "phone"
	FieldSelfID      = "selfId"
)

// Counts are how many records of each kind the shared copy holds.
type Counts struct {
	Experiences  int `json:"experiences"`
	Credentials  int `json:"credentials"`
	Evidence     int `json:"evidence"`
	Targets      int `json:"targets"`
	Claims       int `json:"claims"`
	SupportNotes int `json:"supportNotes"`
	Comments     int `json:"comments"`
}

// Note is a support note the learner ticked for the coach, as the preview names it.
type Note struct {
	ID       int64  `json:"id"`
	Category string `json:"category"`
	Date     string `json:"date"`
	Provider string `json:"provider"`
}

// File is one evidence file and whether its bytes go in the shared copy.
type File struct {
	EvidenceID int64  `json:"evidenceId"`
	Title      string `json:"title"`
	SHA256     string `json:"sha256"`
	Size       int64  `json:"size"`
	LeftOut    bool   `json:"leftOut"`
}

// Contents is exactly what a shared copy written with the same options holds: what Preview
// shows the learner before writing.
type Contents struct {
	LearnerName string  `json:"learnerName"`
	Profile     []Field `json:"profile"`
	Counts      Counts  `json:"counts"`
	Notes       []Note  `json:"notes"`
	// PrivateNotes counts the support notes not ticked for the coach: left out.
	PrivateNotes int    `json:"privateNotes"`
	Files        []File `json:"files"`
	// LeftOut and LeftOutBytes count the files left out as large.
	LeftOut      int   `json:"leftOut"`
	LeftOutBytes int64 `json:"leftOutBytes"`
	// FileBytes is the size of the evidence files included.
	FileBytes int64 `json:"fileBytes"`
	// TotalBytes is about the size of the copy: the files included and the display copies of
	// images (the record itself adds a few hundred kilobytes at most).
	TotalBytes int64 `json:"totalBytes"`
}

// Result is what Write wrote.
type Result struct {
	Path     string   `json:"path"`
	Size     int64    `json:"size"`
	ShareID  string   `json:"shareId"`
	Contents Contents `json:"contents"`
}

// source is everything read from the learner's portfolio for one shared copy.
type source struct {
	learner portfolio.Learner
	notes   []portfolio.SupportNote // only those ticked for the coach, opened
	preview Contents
	info    portfolio.ShareInfo
	large   map[string]bool // SHA-256 of the files left out
}

// Preview says what a shared copy written now with opts would hold, without writing anything.
func Preview(ctx context.Context, st *portfolio.Store, opts Options) (Contents, error) {
	src, err := gather(ctx, st, opts)
	if err != nil {
		return Contents{}, err
	}
	return src.preview, nil
}

// gather reads what may be shared. A locked portfolio cannot open the notes the learner ticked
// for the coach, nor the contact details: rather than leave them out silently, it refuses
// (ErrPortfolioLocked) when either would be in the copy.
func gather(ctx context.Context, st *portfolio.Store, opts Options) (source, error) {
	if st.Shared() {
		return source{}, fault.New(fault.Conflict, "", "ErrShareFromSharedCopy")
	}
	var src source
	var err error
	if src.learner, err = st.Learner(ctx); err != nil {
		return src, err
	}
	notes, err := st.SupportNotes(ctx)
	switch {
	case fault.CodeOf(err) == fault.Locked:
		n, cerr := countCoachNotes(ctx, st)
		if cerr != nil {
			return src, cerr
		}
		if n > 0 || opts.WithContact {
			return src, err
		}
	case err != nil:
		return src, err
	}
	for _, n := range notes {
		if n.ShareWithCoach {
			src.notes = append(src.notes, n)
		}
	}
	p := &src.preview
	p.LearnerName = src.learner.DisplayName
	for _, f := range []string{FieldDisplayName, FieldLegalName, FieldLanguage, FieldCommunity, FieldRegion} {
		p.Profile = append(p.Profile, Field{Name: f, Included: true})
	}
	p.Profile = append(p.Profile, Field{FieldEmail, opts.WithContact}, Field{FieldPhone, opts.WithContact},
		Field{FieldSelfID, false})
	p.Notes = []Note{}
	for _, n := range src.notes {
		p.Notes = append(p.Notes, Note{ID: n.ID, Category: n.Category, Date: n.Date, Provider: n.Provider})
	}
	p.Counts.SupportNotes = len(src.notes)
	src.large = map[string]bool{}
	p.Files = []File{}
	err = st.Read(ctx, func(r portfolio.Reader) error {
		exps, err := r.Experiences()
		if err != nil {
			return err
		}
		creds, err := r.Credentials()
		if err != nil {
			return err
		}
		evidence, err := r.EvidenceList()
		if err != nil {
			return err
		}
		p.Counts.Experiences, p.Counts.Credentials, p.Counts.Evidence = len(exps), len(creds), len(evidence)
		for _, e := range evidence {
			f := File{EvidenceID: e.ID, Title: e.AnyTitle(), SHA256: e.SHA256, Size: e.Size,
				LeftOut: opts.WithoutLargeFiles && e.Size > LargeFile}
			if f.LeftOut {
				src.large[e.SHA256] = true
				p.LeftOut++
				p.LeftOutBytes += e.Size
			} else {
				p.FileBytes += e.Size
			}
			p.Files = append(p.Files, f)
		}
		tx := r.Tx()
		for _, c := range []struct {
			q string
			n *int
		}{{`SELECT count(*) FROM target`, &p.Counts.Targets}, {`SELECT count(*) FROM claim`, &p.Counts.Claims},
			{`SELECT count(*) FROM comment`, &p.Counts.Comments},
			{`SELECT count(*) FROM support_note WHERE share_with_coach = 0`, &p.PrivateNotes}} {
			if err := tx.QueryRowContext(ctx, c.q).Scan(c.n); err != nil {
				return fmt.Errorf("count: %w", err)
			}
		}
		var copies int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(length(data) + coalesce(length(print), 0)), 0)
			FROM preview`).Scan(&copies); err != nil {
			return fmt.Errorf("measure display copies: %w", err)
		}
		p.TotalBytes = p.FileBytes + copies
		return nil
	})
	if err != nil {
		return src, err
	}
	src.info, err = summary(ctx, st, src.learner)
	return src, err
}

func countCoachNotes(ctx context.Context, st *portfolio.Store) (int, error) {
	var n int
	err := st.Read(ctx, func(r portfolio.Reader) error {
		return r.Tx().QueryRowContext(ctx, `SELECT count(*) FROM support_note WHERE share_with_coach = 1`).Scan(&n)
	})
	return n, err
}

// summary fills the share header's numbers for the cohort: the learner's name, their targets,
// and over all targets how many outcomes there are, are claimed, and are ready.
func summary(ctx context.Context, st *portfolio.Store, l portfolio.Learner) (portfolio.ShareInfo, error) {
	info := portfolio.ShareInfo{LearnerName: l.DisplayName}
	if info.LearnerName == "" {
		info.LearnerName = l.LegalName
	}
	if info.LearnerName == "" {
		name, err := st.Name(ctx)
		if err != nil {
			return info, err
		}
		info.LearnerName = name
	}
	var err error
	if info.PortfolioID, err = st.PortfolioID(ctx); err != nil {
		return info, err
	}
	ps := plar.NewStore(st)
	targets, err := ps.Targets(ctx)
	if err != nil {
		return info, err
	}
	var names []string
	for _, t := range targets {
		in, err := ps.Gather(ctx, t.ID)
		if err != nil {
			return info, err
		}
		r := plar.Compute(in)
		info.ClaimsTotal += r.Total
		info.ClaimsClaimed += r.Claimed
		info.ClaimsReady += r.Ready
		names = append(names, t.Name)
	}
	info.Target = strings.Join(names, " · ")
	return info, nil
}

func randomID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
