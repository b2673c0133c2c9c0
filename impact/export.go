// Package impact holds what a learner's outcomes become once they leave the portfolio, by
// their choice: the anonymous outcome file for one program they consented to, the program's
// report over a folder of such files (counts, medians, small cells suppressed; CSV and PDF),
// and the same pooled outcomes as xAPI 1.0.3 statements with the checks they must pass.
package impact

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"passerelle/fault"
	"passerelle/osfile"
	"passerelle/plar"
	"passerelle/portfolio"

	"golang.org/x/text/unicode/norm"
)

// Format names the shape of an outcome file, so a program's tools know what they read.
const Format = "passerelle-outcomes/1"

// The outcome types a PLAR decision is shared as; a pending decision is not an outcome yet.
const (
	TypeCreditGranted = "creditGranted"
	TypeCreditPartial = "creditPartial"
	TypeCreditRefused = "creditRefused"
)

// OutcomeTypes are every outcome type a file may hold, in the order reports show them: the
// later outcomes, then the PLAR decisions.
func OutcomeTypes() []string {
	var out []string
	for _, t := range portfolio.LaterOutcomeTypes() {
		out = append(out, string(t))
	}
	return append(out, TypeCreditGranted, TypeCreditPartial, TypeCreditRefused)
}

// File is what one learner shares with one program: no name, contact, note, exact date or
// identifier of their own; self-identification only for the items they ticked.
type File struct {
	Format    string `json:"format"`
	Program   string `json:"program"`
	HomePage  string `json:"homePage,omitempty"`
	Pseudonym string `json:"pseudonym"`
	Region    string `json:"region,omitempty"`
	// Month is when the file was written (YYYY-MM).
	Month              string          `json:"month"`
	SelfIdentification map[string]bool `json:"selfIdentification,omitempty"`
	Outcomes           []Outcome       `json:"outcomes"`
}

// Outcome is one shared outcome: its type and month, what it relates to, and how many whole
// months after the (earliest linked) credential it came.
type Outcome struct {
	Type                  string       `json:"type"`
	Month                 string       `json:"month"`
	Credentials           []Credential `json:"credentials,omitempty"`
	Courses               []Course     `json:"courses,omitempty"`
	MonthsAfterCredential *int         `json:"monthsAfterCredential,omitempty"`
}

// Credential names a microcredential as its issuer does, the same for every learner who holds
// it: never its verification code or assertion address, which would point at the learner.
type Credential struct {
	Issuer  string `json:"issuer"`
	TitleEN string `json:"titleEn,omitempty"`
	TitleFR string `json:"titleFr,omitempty"`
}

// Course names a course as its institution does, and the learning outcome when a PLAR
// decision or a claim is about one.
type Course struct {
	Institution     string `json:"institution,omitempty"`
	Code            string `json:"code,omitempty"`
	Title           string `json:"title,omitempty"`
	LearningOutcome string `json:"learningOutcome,omitempty"`
}

// Build gathers what the learner shares with program. Without consent, or with consent
// revoked, it refuses (ErrConsentNotFound, ErrConsentRevoked) and nothing is gathered. A
// ticked self-identification item needs the portfolio unlocked.
func Build(ctx context.Context, st *portfolio.Store, program string, now time.Time) (File, error) {
	consent, err := st.ConsentFor(ctx, program)
	if err != nil {
		return File{}, err
	}
	if !consent.On {
		return File{}, fault.New(fault.Conflict, "program", "ErrConsentRevoked", "Program", consent.Program)
	}
	return build(ctx, st, consent, now)
}

// Draft is what the file for c would hold, before the learner turns sharing on: c as given
// (checked like GiveConsent), nothing stored, and the pseudonym the program already has, or ""
// when it gets one only once sharing is turned on.
func Draft(ctx context.Context, st *portfolio.Store, c portfolio.Consent, now time.Time) (File, error) {
	c, err := portfolio.CheckConsent(c)
	if err != nil {
		return File{}, err
	}
	c.Pseudonym = ""
	if old, err := st.ConsentFor(ctx, c.Program); err == nil {
		c.Pseudonym = old.Pseudonym
	} else if fault.CodeOf(err) != fault.NotFound {
		return File{}, err
	}
	return build(ctx, st, c, now)
}

func build(ctx context.Context, st *portfolio.Store, consent portfolio.Consent, now time.Time) (File, error) {
	f := File{Format: Format, Program: consent.Program, HomePage: consent.HomePage, Pseudonym: consent.Pseudonym,
		Region: consent.Region, Month: now.UTC().Format("2006-01"), Outcomes: []Outcome{}}
	if len(consent.SelfID) > 0 {
		l, err := st.Learner(ctx)
		if err != nil {
			return File{}, err
		}
		if l.Locked {
			return File{}, fault.New(fault.Locked, "", "ErrSharingNeedsUnlock")
		}
		f.SelfIdentification = map[string]bool{}
		for _, item := range consent.SelfID {
			f.SelfIdentification[item] = l.SelfID.Answer(portfolio.SelfIDItem(item))
		}
	}
	creds, err := st.Credentials(ctx)
	if err != nil {
		return File{}, err
	}
	credByID := map[int64]portfolio.Credential{}
	for _, c := range creds {
		credByID[c.ID] = c
	}
	courses, claimCourse, err := readCourses(ctx, st)
	if err != nil {
		return File{}, err
	}
	later, err := st.LaterOutcomes(ctx)
	if err != nil {
		return File{}, err
	}
	for _, o := range later {
		out := Outcome{Type: o.Type, Month: month(o.Date)}
		earliest := ""
		for _, id := range o.CredentialIDs {
			c := credByID[id]
			out.Credentials = append(out.Credentials, Credential{Issuer: c.Issuer, TitleEN: c.TitleEN, TitleFR: c.TitleFR})
			if earliest == "" || c.IssuedOn < earliest {
				earliest = c.IssuedOn
			}
		}
		for _, id := range o.ClaimIDs {
			if c, ok := claimCourse[id]; ok {
				out.Courses = append(out.Courses, c)
			}
		}
		if earliest != "" {
			if n := monthsBetween(month(earliest), out.Month); n >= 0 {
				out.MonthsAfterCredential = &n
			}
		}
		f.Outcomes = append(f.Outcomes, out)
	}
	decisions, err := st.PLARDecisions(ctx)
	if err != nil {
		return File{}, err
	}
	for _, d := range decisions {
		typ, shared := map[string]string{string(portfolio.DecisionGranted): TypeCreditGranted,
			string(portfolio.DecisionPartial): TypeCreditPartial, string(portfolio.DecisionRefused): TypeCreditRefused}[d.Result]
		if !shared {
			continue
		}
		c := courses[d.TargetID]
		c.LearningOutcome = d.OutcomeCode
		f.Outcomes = append(f.Outcomes, Outcome{Type: typ, Month: month(d.Date), Courses: []Course{c}})
	}
	sort.SliceStable(f.Outcomes, func(i, j int) bool {
		a, b := f.Outcomes[i], f.Outcomes[j]
		if a.Month != b.Month {
			return a.Month < b.Month
		}
		return a.Type < b.Type
	})
	return f, nil
}

// readCourses names each target as a course, and each claim by its course and learning outcome.
func readCourses(ctx context.Context, st *portfolio.Store) (map[int64]Course, map[int64]Course, error) {
	ps := plar.NewStore(st)
	targets, err := ps.Targets(ctx)
	if err != nil {
		return nil, nil, err
	}
	byTarget := map[int64]Course{}
	byClaim := map[int64]Course{}
	for _, t := range targets {
		c := Course{Institution: t.Institution, Code: t.CourseCode, Title: t.CourseTitle}
		if c == (Course{}) {
			c.Title = t.Name // a target the learner named but did not describe
		}
		byTarget[t.ID] = c
		full, err := ps.Target(ctx, t.ID)
		if err != nil {
			return nil, nil, err
		}
		codes := map[int64]string{}
		for _, o := range full.Outcomes {
			codes[o.ID] = o.Code
		}
		claims, err := ps.Claims(ctx, t.ID)
		if err != nil {
			return nil, nil, err
		}
		for _, cl := range claims {
			withOutcome := c
			withOutcome.LearningOutcome = codes[cl.OutcomeID]
			byClaim[cl.ID] = withOutcome
		}
	}
	return byTarget, byClaim, nil
}

// month is the YYYY-MM of a stored YYYY-MM-DD date: the day never leaves.
func month(date string) string {
	if len(date) < 7 {
		return ""
	}
	return date[:7]
}

// monthsBetween counts whole calendar months from one YYYY-MM to another.
func monthsBetween(from, to string) int {
	a, err1 := time.Parse("2006-01", from)
	b, err2 := time.Parse("2006-01", to)
	if err1 != nil || err2 != nil {
		return -1
	}
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// Encode is the file's bytes: indented JSON a person can read before sending it.
func (f File) Encode() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(f) // a File always encodes: strings, numbers, maps of bools
	return b.Bytes()
}

// Preview is exactly what Write would write for program now, for the learner to read first.
func Preview(ctx context.Context, st *portfolio.Store, program string, now time.Time) (string, error) {
	f, err := Build(ctx, st, program, now)
	if err != nil {
		return "", err
	}
	return string(f.Encode()), nil
}

// Write writes the outcome file for program to path, whole or not at all, and records on the
// consent that it was shared. Without consent nothing is written.
func Write(ctx context.Context, st *portfolio.Store, program, path string, now time.Time) (File, error) {
	f, err := Build(ctx, st, program, now)
	if err != nil {
		return File{}, err
	}
	if err := writeFile(path, f.Encode()); err != nil {
		return File{}, err
	}
	if err := st.MarkShared(ctx, f.Program); err != nil {
		return File{}, err
	}
	return f, nil
}

// writeFile writes data beside path and renames it into place once complete, so a full disk
// or a crash never leaves half a file where the learner or the program expects one.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return cannotWrite(path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return cannotWrite(path, err)
	}
	for _, step := range []func() error{tmp.Sync, tmp.Close, func() error { return os.Chmod(tmp.Name(), 0o644) }} {
		if err := step(); err != nil {
			return cannotWrite(path, err)
		}
	}
	if err := osfile.Rename(tmp.Name(), path); err != nil {
		if osfile.Held(err) {
			return fault.Wrap(fault.New(fault.InUse, "out", "ErrOutcomesFileInUse", "Path", path), err)
		}
		return cannotWrite(path, err)
	}
	done = true
	return nil
}

// cannotWrite says, in the learner's terms, that path could not be written (a full disk gets
// its own message).
func cannotWrite(path string, err error) error {
	if st := fault.Storage(err); fault.CodeOf(st) == fault.DiskFull {
		return st
	}
	return fault.Wrap(fault.New(fault.Invalid, "out", "ErrOutcomesCannotWrite", "Path", path, "Folder",
		strings.TrimSuffix(filepath.Dir(path), string(filepath.Separator))), err)
}

// Read reads one outcome file; a file that is not one (another format, broken JSON) is
// refused with its name.
func Read(path string) (File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return File{}, fault.Wrap(fault.New(fault.Invalid, "in", "ErrOutcomesFileUnreadable", "Name", filepath.Base(path)), err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil || f.Format != Format || f.Pseudonym == "" || f.Program == "" {
		return File{}, fault.New(fault.Unsupported, "in", "ErrOutcomesFileNotOurs", "Name", filepath.Base(path))
	}
	return f, nil
}

// String is for logs and tests: the program and the pseudonym, never more.
func (f File) String() string { return fmt.Sprintf("%s/%s", f.Program, f.Pseudonym) }

// normName is a program's name as compared: trimmed, one form of each accent.
func normName(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// FileName suggests a name for the outcome file for program: the program and the month, in
// characters every system accepts (the pseudonym stays inside the file).
func FileName(program string, now time.Time) string {
	return slug(program) + "-" + now.UTC().Format("2006-01") + ".json"
}

// ReportFileName suggests a name for a report on folder in format (csv, pdf, xapi).
func ReportFileName(folder, format string) string {
	ext := map[string]string{"csv": ".csv", "pdf": ".pdf", "xapi": ".xapi.json"}[format]
	return slug(filepath.Base(folder)) + "-report" + ext
}

// slug keeps letters and digits of s (accents dropped), words joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
			dash = false
		case r < 0x80 || r == '’' || r == '—' || r == '–':
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 60 {
		out = strings.Trim(out[:60], "-")
	}
	if out == "" {
		out = "outcomes"
	}
	return out
}
