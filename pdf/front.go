package pdf

import (
	"fmt"
	"strings"
	"time"
)

// Anchors of the top-level sections, also the keys of their contents entries.
const (
	anchorCover       = "cover"
	anchorContents    = "contents"
	anchorProfile     = "profile"
	anchorSupports    = "supports"
	anchorExperiences = "experiences"
	anchorCredentials = "credentials"
	anchorClaims      = "claims"
	anchorReadiness   = "readiness"
	anchorIndex       = "index"
	anchorAppendix    = "appendix"
	anchorDeclaration = "declaration"
)

func claimAnchor(outcomeID int64) string { return fmt.Sprintf("claim:%d", outcomeID) }
func expAnchor(id int64) string          { return fmt.Sprintf("experience:%d", id) }
func credAnchor(id int64) string         { return fmt.Sprintf("credential:%d", id) }
func evAnchor(n int) string              { return fmt.Sprintf("evidence:%d", n) }

// learnerName is the learner's legal name, the name an institution files a submission under.
func (v *view) learnerName() string {
	if s := strings.TrimSpace(v.learner.LegalName); s != "" {
		return s
	}
	return strings.TrimSpace(v.learner.DisplayName)
}

// cover is page 1: who, for what, when, in which language, and the document ID.
func (r *renderer) cover() error {
	if err := r.step(); err != nil {
		return err
	}
	r.startPage("")
	r.bookmark(r.fixed(func(l *Labels) string { return l.Title }), 0)
	r.anchor(anchorCover)
	r.rect(marginX, marginTop, contentW, 2.2, colorAccent, noBorder)
	r.y = marginTop + 14
	for i, t := range r.each(func(l *Labels) string { return l.Title }) {
		c, size := colorAccent, sizeCoverTitle
		if i > 0 {
			c, size = colorMuted, sizeH1
		}
		r.para(t, marginX, contentW, bold, size, c)
		r.y += paraGap
	}
	r.y += 12
	r.para(r.v.learnerName(), marginX, contentW, bold, sizeCoverName, colorInk)
	r.y += 8
	if t := r.v.target; t != nil {
		r.fixedField(func(l *Labels) string { return l.Institution }, t.Institution)
		r.fixedField(func(l *Labels) string { return l.Program }, t.Program)
		r.fixedField(func(l *Labels) string { return l.Course }, strings.TrimSpace(t.CourseCode+" "+t.CourseTitle))
	}
	r.fixedField(func(l *Labels) string { return l.Date }, r.v.date.Format(time.DateOnly))
	r.fixedField(func(l *Labels) string { return l.Language }, r.languageName())
	r.fixedField(func(l *Labels) string { return l.DocumentID }, r.v.docID)
	if r.v.target == nil {
		r.y += paraGap
		r.notice(r.fixed(func(l *Labels) string { return l.NoTarget }), nil)
	}
	r.y = max(r.y+sectionGap, contentBot-45)
	r.rule(r.y, colorRule, 0.3)
	r.y += 3
	r.fixedText(func(l *Labels) string { return l.CoverNote }, regular, sizeSmall, colorMuted)
	return nil
}

// languageName names the output language in the output language(s).
func (r *renderer) languageName() string {
	return r.fixed(func(l *Labels) string {
		switch r.opts.Language {
		case French:
			return l.LanguageFrench
		case Bilingual:
			return l.LanguageBilingual
		}
		return l.LanguageEnglish
	})
}

// entry is one line of the contents.
type entry struct {
	anchor string
	title  string
	level  int
}

// entries are the contents: every section, and every claim under the claims.
func (r *renderer) entries() []entry {
	top := func(a string, get func(*Labels) string) entry { return entry{a, r.fixed(get), 0} }
	es := []entry{top(anchorProfile, func(l *Labels) string { return l.Profile })}
	if len(r.v.notes) > 0 {
		es = append(es, top(anchorSupports, func(l *Labels) string { return l.Supports }))
	}
	es = append(es, top(anchorExperiences, func(l *Labels) string { return l.Experiences }),
		top(anchorCredentials, func(l *Labels) string { return l.Credentials }),
		top(anchorClaims, func(l *Labels) string { return l.Claims }))
	for _, c := range r.v.claims {
		es = append(es, entry{claimAnchor(c.OutcomeID), r.claimTitle(c), 1})
	}
	return append(es, top(anchorReadiness, func(l *Labels) string { return l.Readiness }),
		top(anchorIndex, func(l *Labels) string { return l.EvidenceIndex }),
		top(anchorAppendix, func(l *Labels) string { return l.Appendix }),
		top(anchorDeclaration, func(l *Labels) string { return l.Declaration }))
}

// contents lists every section with its page, each line a link.
func (r *renderer) contents() error {
	if err := r.section(anchorContents, func(l *Labels) string { return l.Contents }); err != nil {
		return err
	}
	h := lineH(sizeBody) + 1.2
	for _, e := range r.entries() {
		r.ensure(h)
		st, indent := bold, 0.0
		if e.level > 0 {
			st, indent = regular, bulletIndent
		}
		ln := r.fs.truncate(r.fs.line(e.title), st, sizeBody, contentW-indent-refW)
		link := 0
		if r.pdf != nil {
			link = r.link(e.anchor)
		}
		r.draw(ln, marginX+indent, r.y, sizeBody, link)
		r.drawRight(r.pageOf(e.anchor), marginX+contentW-refW, refW, r.y, st, sizeBody, link)
		r.y += h
	}
	return nil
}
