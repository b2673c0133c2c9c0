package pdf

import (
	"strconv"
	"strings"
)

// Column widths of the readiness table and the evidence index, in millimetres; each set
// adds up to contentW.
const (
	readyOutcomeW = 56.0
	readyRatingW  = 24.0
	readyRuleW    = 19.0
	readyReadyW   = contentW - readyOutcomeW - readyRatingW - 4*readyRuleW
	sizeTable     = 8.0
	sizeIndex     = 7.5
	indexNumberW  = 9.0
	indexTitleW   = 35.0
	indexKindW    = 21.0
	indexDateW    = 17.0
	indexVerifW   = 26.0
	indexSHAW     = 52.0 // 32 hex digits a line, two lines
	indexPageW    = contentW - indexNumberW - indexTitleW - indexKindW - indexDateW - indexVerifW - indexSHAW
)

// readiness says honestly, outcome by outcome, what meets the rules of evidence.
func (r *renderer) readiness() error {
	if err := r.section(anchorReadiness, func(l *Labels) string { return l.Readiness }); err != nil {
		return err
	}
	r.fixedText(func(l *Labels) string { return l.ReadinessIntro }, regular, sizeSmall, colorMuted)
	r.y += paraGap
	if r.v.target == nil {
		r.fixedText(func(l *Labels) string { return l.NoTarget }, italic, sizeBody, colorMuted)
		return nil
	}
	ready := 0
	for _, c := range r.v.claims {
		if c.Readiness.Ready {
			ready++
		}
	}
	r.fixedField(func(l *Labels) string { return l.OutcomesInTarget }, strconv.Itoa(len(r.v.target.Outcomes)))
	r.fixedField(func(l *Labels) string { return l.ClaimsMade }, strconv.Itoa(len(r.v.claims)))
	r.fixedField(func(l *Labels) string { return l.ClaimsReady }, strconv.Itoa(ready))
	r.y += paraGap
	r.table(r.readinessCols(), r.readinessRows(), sizeTable)
	if len(r.v.readiness.ToDo) > 0 {
		r.subheading(r.fixed(func(l *Labels) string { return l.ToDo }))
		var items []string
		for _, t := range r.v.readiness.ToDo {
			items = append(items, r.texts(t))
		}
		r.bullets(items)
	}
	return nil
}

func (r *renderer) readinessCols() []col {
	cols := []col{{head: r.fixed(func(l *Labels) string { return l.Outcome }), w: readyOutcomeW},
		{head: r.fixed(func(l *Labels) string { return l.SelfRating }), w: readyRatingW}}
	for _, rule := range rules() {
		cols = append(cols, col{head: r.fixed(func(l *Labels) string { return named(l.Rule, rule) }), w: readyRuleW})
	}
	return append(cols, col{head: r.fixed(func(l *Labels) string { return l.Ready }), w: readyReadyW})
}

func (r *renderer) readinessRows() [][]cell {
	claimed := map[int64]Claim{}
	for _, c := range r.v.claims {
		claimed[c.OutcomeID] = c
	}
	yes := r.fixed(func(l *Labels) string { return l.Yes })
	no := r.fixed(func(l *Labels) string { return l.No })
	var rows [][]cell
	for _, o := range r.v.target.Outcomes {
		title := strings.TrimSpace(o.Code + " " + r.first(Text{EN: o.TextEN, FR: o.TextFR}))
		c, ok := claimed[o.ID]
		if !ok {
			rows = append(rows, []cell{{text: title}, {text: r.fixed(func(l *Labels) string { return l.NotClaimed }), st: italic}})
			continue
		}
		row := []cell{{text: title, anchor: claimAnchor(o.ID)}, {text: strconv.Itoa(c.Rating) + " / 5"}}
		met := map[string]bool{}
		for _, res := range c.Readiness.Rules {
			met[res.Rule] = res.Met
		}
		for _, rule := range rules() {
			row = append(row, cell{text: map[bool]string{true: yes, false: no}[met[rule]]})
		}
		rows = append(rows, append(row, cell{text: map[bool]string{true: yes, false: no}[c.Readiness.Ready], st: bold}))
	}
	return rows
}

// evidenceIndex lists every item with its SHA-256 and the page that shows it.
func (r *renderer) evidenceIndex() error {
	if err := r.section(anchorIndex, func(l *Labels) string { return l.EvidenceIndex }); err != nil {
		return err
	}
	r.fixedText(func(l *Labels) string { return l.EvidenceIndexNote }, regular, sizeSmall, colorMuted)
	r.y += paraGap
	if len(r.v.evidence) == 0 {
		r.fixedText(func(l *Labels) string { return l.None }, italic, sizeBody, colorMuted)
		return nil
	}
	h := func(get func(*Labels) string) string { return r.fixed(get) }
	cols := []col{{head: h(func(l *Labels) string { return l.Number }), w: indexNumberW},
		{head: h(func(l *Labels) string { return l.EvidenceTitle }), w: indexTitleW},
		{head: h(func(l *Labels) string { return l.Kind }), w: indexKindW},
		{head: h(func(l *Labels) string { return l.Date }), w: indexDateW},
		{head: h(func(l *Labels) string { return l.Verifier }), w: indexVerifW},
		{head: h(func(l *Labels) string { return l.SHA256 }), w: indexSHAW},
		{head: h(func(l *Labels) string { return l.Page }), w: indexPageW, right: true}}
	var rows [][]cell
	for _, it := range r.v.evidence {
		file := it.fileName
		if !it.attached {
			file += " (" + h(func(l *Labels) string { return l.NotAttached }) + ")"
		}
		sha := strings.ToLower(it.SHA256)
		if len(sha) == 64 {
			sha = sha[:32] + "\n" + sha[32:]
		}
		if note := r.checkFailedNote(it); note != "" {
			file += "\n" + note
		}
		rows = append(rows, []cell{{text: "E" + strconv.Itoa(it.n), anchor: evAnchor(it.n)},
			{text: it.Title + "\n" + file},
			{text: h(func(l *Labels) string { return named(l.EvidenceKind, it.Kind) })},
			{text: it.Date},
			{text: strings.Join(nonEmpty(it.VerifierName, it.VerifierRole), ", ")},
			{text: sha},
			{text: r.pageOf(evAnchor(it.n)), anchor: evAnchor(it.n)}})
	}
	r.table(cols, rows, sizeIndex)
	return nil
}

// declaration is the learner's statement of authenticity with lines to sign and date.
func (r *renderer) declaration() error {
	if err := r.section(anchorDeclaration, func(l *Labels) string { return l.Declaration }); err != nil {
		return err
	}
	r.fixedText(func(l *Labels) string { return l.DeclarationText }, regular, sizeBody, colorInk)
	r.ensure(60)
	r.y += 16
	for _, get := range []func(*Labels) string{
		func(l *Labels) string { return l.Signature },
		func(l *Labels) string { return l.Date },
	} {
		r.signLine(r.fixed(get))
	}
	r.fixedField(func(l *Labels) string { return l.Name }, r.v.learnerName())
	return nil
}

// signLine is a label and a rule long enough to sign on.
func (r *renderer) signLine(label string) {
	r.color(colorMuted)
	r.draw(r.fs.shape(r.fs.line(label), bold, sizeSmall), marginX, r.y, sizeSmall, 0)
	r.color(colorInk)
	if r.pdf != nil {
		r.pdf.SetDrawColor(colorInk.parts())
		r.pdf.SetLineWidth(0.3)
		r.pdf.Line(marginX+labelW, r.y+lineH(sizeBody), marginX+labelW+90, r.y+lineH(sizeBody))
	}
	r.y += 16
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
