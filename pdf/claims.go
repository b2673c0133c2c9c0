package pdf

import (
	"strconv"
	"strings"
)

// claimTitle names a claim by its outcome: "LO2 Perform quality control…" in the first output
// language the outcome is worded in.
func (r *renderer) claimTitle(c Claim) string {
	o := r.v.outcome[c.OutcomeID]
	return strings.TrimSpace(o.Code + " " + r.first(Text{EN: o.TextEN, FR: o.TextFR}))
}

// claims is one section per claimed outcome, each starting on its own page.
func (r *renderer) claims() error {
	if err := r.section(anchorClaims, func(l *Labels) string { return l.Claims }); err != nil {
		return err
	}
	switch {
	case r.v.target == nil:
		r.fixedText(func(l *Labels) string { return l.NoTarget }, italic, sizeBody, colorMuted)
	case len(r.v.claims) == 0:
		r.fixedText(func(l *Labels) string { return l.NoClaims }, italic, sizeBody, colorMuted)
	}
	for i, c := range r.v.claims {
		if err := r.step(); err != nil {
			return err
		}
		if i > 0 {
			r.startPage("")
		}
		r.running = r.claimTitle(c)
		r.claim(c)
	}
	return nil
}

func (r *renderer) claim(c Claim) {
	o := r.v.outcome[c.OutcomeID]
	r.bookmark(r.claimTitle(c), 1)
	r.anchor(claimAnchor(c.OutcomeID))
	r.heading(strings.TrimSpace(r.fixed(func(l *Labels) string { return l.Outcome })+" "+o.Code), sizeH2, colorAccent)
	r.learnerText(Text{EN: o.TextEN, FR: o.TextFR}, bold, sizeBody)

	r.subheading(r.fixed(func(l *Labels) string { return l.SelfRating }))
	r.rating(c.Rating)

	r.subheading(r.fixed(func(l *Labels) string { return l.Narrative }))
	if narrative := (Text{EN: c.NarrativeEN, FR: c.NarrativeFR}); r.pick(narrative) != nil {
		r.learnerText(narrative, regular, sizeBody)
	} else {
		r.fixedText(func(l *Labels) string { return l.NoNarrative }, italic, sizeBody, colorWarn)
	}
	if strings.TrimSpace(c.CurrencyNote) != "" {
		r.subheading(r.fixed(func(l *Labels) string { return l.Currency }))
		r.para(c.CurrencyNote, marginX, contentW, regular, sizeBody, colorInk)
	}
	r.linkedExperiences(c)
	r.linkedCredentials(c)
	r.linkedEvidence(c)
	r.claimRules(c)
}

// rating is "Level 4 of 5 — In varied situations" and the level's description.
func (r *renderer) rating(level int) {
	if level < 1 || level > 5 {
		return
	}
	for _, t := range r.tongues {
		l := r.opts.labels(t)
		head := with(l.RatingOf, "Level", strconv.Itoa(level)) + " — " + l.RatingName[level-1]
		r.para(head, marginX, contentW, bold, sizeBody, colorInk)
		r.para(l.RatingDescription[level-1], marginX, contentW, italic, sizeBody, colorMuted)
	}
}

func (r *renderer) linkedExperiences(c Claim) {
	var items []ref
	for _, id := range c.ExperienceIDs {
		if e, ok := r.v.experience[id]; ok {
			items = append(items, ref{r.first(Text{EN: e.TitleEN, FR: e.TitleFR}) + r.suffix(e.Organisation, r.period(e.StartMonth, e.EndMonth)), expAnchor(id)})
		}
	}
	if len(items) > 0 {
		r.subheading(r.fixed(func(l *Labels) string { return l.LinkedExperiences }))
		r.refList(items)
	}
}

func (r *renderer) linkedCredentials(c Claim) {
	var items []ref
	for _, id := range c.CredentialIDs {
		if cr, ok := r.v.credential[id]; ok {
			items = append(items, ref{r.first(Text{EN: cr.TitleEN, FR: cr.TitleFR}) + r.suffix(cr.Issuer, cr.IssuedOn), credAnchor(id)})
		}
	}
	if len(items) > 0 {
		r.subheading(r.fixed(func(l *Labels) string { return l.LinkedCredentials }))
		r.refList(items)
	}
}

// linkedEvidence lists each piece of evidence with the learner's word on how it relates and
// the page of the appendix that shows it.
func (r *renderer) linkedEvidence(c Claim) {
	r.subheading(r.fixed(func(l *Labels) string { return l.LinkedEvidence }))
	var items []ref
	for _, link := range c.Evidence {
		it, ok := r.v.byID[link.EvidenceID]
		if !ok {
			continue
		}
		text := "E" + strconv.Itoa(it.n) + "  " + it.Title + r.suffix(r.fixed(func(l *Labels) string { return named(l.EvidenceKind, it.Kind) }), it.Date)
		if rel := strings.TrimSpace(link.Relevance); rel != "" {
			text += "\n" + r.fixed(func(l *Labels) string { return l.Relevance }) + " — " + rel
		}
		items = append(items, ref{text, evAnchor(it.n)})
	}
	if len(items) == 0 {
		r.fixedText(func(l *Labels) string { return l.NoEvidence }, italic, sizeBody, colorWarn)
		return
	}
	r.refList(items)
}

// claimRules says, rule by rule, what meets the rules of evidence and what does not yet.
func (r *renderer) claimRules(c Claim) {
	r.subheading(r.fixed(func(l *Labels) string { return l.RulesOfEvidence }))
	for _, res := range c.Readiness.Rules {
		status := r.fixed(func(l *Labels) string { return l.RuleNotMet })
		if res.Met {
			status = r.fixed(func(l *Labels) string { return l.RuleMet })
		}
		name := r.fixed(func(l *Labels) string { return named(l.Rule, res.Rule) })
		var steps []string
		for _, s := range res.Steps {
			steps = append(steps, r.texts(s))
		}
		r.field(name, strings.Join(append([]string{status}, steps...), "\n"))
	}
	r.y += paraGap
	if c.Readiness.Ready {
		r.fixedText(func(l *Labels) string { return l.ClaimReady }, bold, sizeBody, colorAccent)
	} else {
		r.fixedText(func(l *Labels) string { return l.ClaimNotReady }, bold, sizeBody, colorWarn)
	}
}

// texts is a translated Text in the output language(s), joined in a bilingual PDF.
func (r *renderer) texts(t Text) string {
	var parts []string
	for _, s := range r.pick(t) {
		if len(parts) == 0 || parts[len(parts)-1] != s.text {
			parts = append(parts, s.text)
		}
	}
	return strings.Join(parts, " / ")
}

// suffix appends " — a, b" for the parts that are not empty.
func (r *renderer) suffix(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	return " — " + strings.Join(kept, ", ")
}
