package pdf

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"passerelle/filename"
	"passerelle/plar"
	"passerelle/portfolio"
)

// view is the Document made ready to lay out: sorted, indexed, numbered, filtered. Building
// it is where the privacy rules are enforced, so no later code can reach what must not show.
type view struct {
	learner     portfolio.Learner // SelfID zeroed
	target      *plar.Target
	claims      []Claim
	readiness   Readiness
	experiences []portfolio.Experience
	credentials []portfolio.Credential
	evidence    []*item
	notes       []portfolio.SupportNote
	outcome     map[int64]plar.Outcome
	experience  map[int64]portfolio.Experience
	credential  map[int64]portfolio.Credential
	byID        map[int64]*item
	date        time.Time
	docID       string
}

// item is one evidence item with its number, its name as an attachment and what its
// appendix page shows.
type item struct {
	Evidence
	// Title is the learner's title in the output language(s), for one-line uses (index,
	// appendix, claims, attachments); it stands in for the evidence's two titles.
	Title    string
	n        int    // 1-based, as printed: E1, E2…
	fileName string // unique attachment name
	attached bool   // within the attachment budget
	show     showing
}

// ManifestName is the attached JSON evidence index that Verify reads.
const ManifestName = "passerelle-evidence-index.json"

func newView(doc Document, opts *Options, fs *fonts) *view {
	v := &view{learner: doc.Learner, target: doc.Target, readiness: doc.Readiness,
		date: opts.date(), outcome: map[int64]plar.Outcome{}, experience: map[int64]portfolio.Experience{},
		credential: map[int64]portfolio.Credential{}, byID: map[int64]*item{}}
	v.learner.SelfID = portfolio.SelfIdentification{}
	if v.target != nil {
		for _, o := range v.target.Outcomes {
			v.outcome[o.ID] = o
		}
		order := map[int64]int{}
		for i, o := range v.target.Outcomes {
			order[o.ID] = i
		}
		for _, c := range doc.Claims {
			if _, ok := v.outcome[c.OutcomeID]; ok {
				v.claims = append(v.claims, c)
			}
		}
		slices.SortStableFunc(v.claims, func(a, b Claim) int { return cmp.Compare(order[a.OutcomeID], order[b.OutcomeID]) })
	}
	v.experiences = slices.Clone(doc.Experiences)
	slices.SortStableFunc(v.experiences, func(a, b portfolio.Experience) int {
		return cmp.Or(cmp.Compare(a.StartMonth, b.StartMonth), cmp.Compare(a.EndMonth, b.EndMonth))
	})
	for _, e := range v.experiences {
		v.experience[e.ID] = e
	}
	v.credentials = slices.Clone(doc.Credentials)
	slices.SortStableFunc(v.credentials, func(a, b portfolio.Credential) int { return cmp.Compare(a.IssuedOn, b.IssuedOn) })
	for _, c := range v.credentials {
		v.credential[c.ID] = c
	}
	if opts.IncludeSharedNotes {
		for _, n := range doc.SupportNotes {
			if n.IncludeInSubmission {
				v.notes = append(v.notes, n)
			}
		}
	}
	v.numberEvidence(doc.Evidence, opts.attachmentBudget(), fs, opts.tongues())
	v.docID = documentID(v, opts.Language)
	return v
}

// numberEvidence numbers the items, names their attachments uniquely and attaches, in order,
// every file that still fits the budget.
func (v *view) numberEvidence(list []Evidence, budget int64, fs *fonts, tongues []Language) {
	used := map[string]bool{strings.ToLower(ManifestName): true}
	for i, e := range list {
		it := &item{Evidence: e, n: i + 1, Title: titleIn(Text{EN: e.TitleEN, FR: e.TitleFR}, tongues)}
		it.fileName = uniqueName(attachmentName(e.OriginalName, it.n, fs), used)
		if size := it.size(); size > 0 && size <= budget {
			it.attached = true
			budget -= size
		}
		v.evidence = append(v.evidence, it)
		if _, dup := v.byID[e.ID]; !dup {
			v.byID[e.ID] = it
		}
	}
}

// titleIn is a one-line title in the output languages: each one the learner wrote, joined
// with " / " in a bilingual PDF (once when both are the same), else the language they wrote.
func titleIn(t Text, tongues []Language) string {
	var parts []string
	for _, l := range tongues {
		if s := in(t, l); s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		for _, l := range []Language{English, French} {
			if s := in(t, l); s != "" {
				return s
			}
		}
	}
	return strings.Join(parts, " / ")
}

// size is the original file's size in bytes.
func (it *item) size() int64 {
	if it.Data != nil {
		return int64(len(it.Data))
	}
	return it.Size
}

// read returns the original file, through Open when the caller did not pass it.
func (it *item) read() ([]byte, error) {
	if it.Data != nil || it.Open == nil {
		return it.Data, nil
	}
	data, err := it.Open()
	if err != nil {
		return nil, fmt.Errorf("read evidence %q: %w", it.OriginalName, err)
	}
	return data, nil
}

// original is read, kept for the rest of the export: for files the layout reads (text,
// PDFs, images without a display copy), which are then attached without reading them again.
func (it *item) original() ([]byte, error) {
	data, err := it.read()
	it.Data = data
	return data, err
}

// attachmentName is a file name safe in every PDF reader and file system.
func attachmentName(original string, n int, fs *fonts) string {
	name := strings.Map(func(r rune) rune {
		if r == replacement {
			return '_'
		}
		return r
	}, fs.line(original))
	return filename.Safe(name, fmt.Sprintf("evidence-%d", n))
}

func uniqueName(name string, used map[string]bool) string {
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	candidate := name
	for i := 2; used[strings.ToLower(candidate)]; i++ {
		candidate = fmt.Sprintf("%s (%d)%s", base, i, ext)
	}
	used[strings.ToLower(candidate)] = true
	return candidate
}

// steps is how many progress steps the drawing pass reports: one per section, claim and
// evidence item.
func (v *view) steps() int {
	n := 10 + len(v.claims) + len(v.evidence)
	if len(v.notes) > 0 {
		n++
	}
	return n
}
