package pdf

import (
	"strconv"
	"strings"
	"time"
)

// profile is who the learner is and how to reach them; self-identification is never shown.
func (r *renderer) profile() error {
	if err := r.section(anchorProfile, func(l *Labels) string { return l.Profile }); err != nil {
		return err
	}
	ln := r.v.learner
	r.fixedField(func(l *Labels) string { return l.LegalName }, ln.LegalName)
	if strings.TrimSpace(ln.DisplayName) != strings.TrimSpace(ln.LegalName) {
		r.fixedField(func(l *Labels) string { return l.PreferredName }, ln.DisplayName)
	}
	r.fixedField(func(l *Labels) string { return l.PreferredLanguage }, r.named(ln.PreferredLanguage))
	r.fixedField(func(l *Labels) string { return l.Email }, ln.Email)
	r.fixedField(func(l *Labels) string { return l.Phone }, ln.Phone)
	r.fixedField(func(l *Labels) string { return l.Community }, ln.Community)
	r.fixedField(func(l *Labels) string { return l.Region }, ln.Region)
	if t := r.v.target; t != nil {
		r.y += sectionGap
		r.fixedField(func(l *Labels) string { return l.Institution }, t.Institution)
		r.fixedField(func(l *Labels) string { return l.Program }, t.Program)
		r.fixedField(func(l *Labels) string { return l.Course }, strings.TrimSpace(t.CourseCode+" "+t.CourseTitle))
	}
	return nil
}

// named is a language code as a word in the output language(s).
func (r *renderer) named(code string) string {
	switch code {
	case "en":
		return r.fixed(func(l *Labels) string { return l.LanguageEnglish })
	case "fr":
		return r.fixed(func(l *Labels) string { return l.LanguageFrench })
	}
	return code
}

// supports lists the support notes the learner ticked for sharing and chose to include.
func (r *renderer) supports() error {
	if len(r.v.notes) == 0 {
		return nil
	}
	if err := r.section(anchorSupports, func(l *Labels) string { return l.Supports }); err != nil {
		return err
	}
	r.fixedText(func(l *Labels) string { return l.SupportsIntro }, italic, sizeSmall, colorMuted)
	for _, n := range r.v.notes {
		r.y += paraGap
		r.heading(r.fixed(func(l *Labels) string { return named(l.SupportCategoryName, n.Category) }), sizeBody, colorAccent)
		r.fixedField(func(l *Labels) string { return l.Date }, n.Date)
		r.fixedField(func(l *Labels) string { return l.Provider }, n.Provider)
		r.fixedField(func(l *Labels) string { return l.Description }, n.Text)
		r.fixedField(func(l *Labels) string { return l.FollowUp }, n.FollowUp)
	}
	return nil
}

// experiences is the chronological record, oldest first, each entry an anchor that claims
// point to.
func (r *renderer) experiences() error {
	if err := r.section(anchorExperiences, func(l *Labels) string { return l.Experiences }); err != nil {
		return err
	}
	if len(r.v.experiences) == 0 {
		r.fixedText(func(l *Labels) string { return l.None }, italic, sizeBody, colorMuted)
	}
	for _, e := range r.v.experiences {
		r.y += paraGap
		r.ensure(4 * lineH(sizeBody))
		r.anchor(expAnchor(e.ID))
		r.para(r.period(e.StartMonth, e.EndMonth), marginX, contentW, bold, sizeSmall, colorMuted)
		r.learnerText(Text{EN: e.TitleEN, FR: e.TitleFR}, bold, sizeH2-1)
		r.y += 1
		r.fixedField(func(l *Labels) string { return l.Kind }, r.fixed(func(l *Labels) string { return named(l.ExperienceKind, e.Kind) }))
		r.fixedField(func(l *Labels) string { return l.Organisation }, e.Organisation)
		r.fixedField(func(l *Labels) string { return l.Place }, e.Place)
		if e.Hours > 0 {
			r.fixedField(func(l *Labels) string { return l.Hours }, r.number(float64(e.Hours)))
		}
		r.fixedField(func(l *Labels) string { return l.Skills }, strings.Join(e.Skills, " · "))
		if (Text{EN: e.DescriptionEN, FR: e.DescriptionFR}) != (Text{}) {
			r.y += 1
			r.learnerText(Text{EN: e.DescriptionEN, FR: e.DescriptionFR}, regular, sizeBody)
		}
		r.y += 1
		r.rule(r.y, colorRule, 0.2)
		r.y += 1
	}
	return nil
}

// period is "2014-03 – 2021-11", or "2022-09 – ongoing" in the output language(s).
func (r *renderer) period(start, end string) string {
	if end == "" {
		end = r.fixed(func(l *Labels) string { return l.Ongoing })
	}
	if start == "" {
		return end
	}
	return start + " – " + end
}

// number prints hours and credits: 12,600 in English, 12 600 in French, the first output
// language deciding in a bilingual PDF.
func (r *renderer) number(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if r.tongues[0] == French {
		sep, dec = "\u202F", ","
	}
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 && d != '-' && whole[i-1] != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// credentials lists each microcredential with what an employer or assessor needs to trust it.
func (r *renderer) credentials() error {
	if err := r.section(anchorCredentials, func(l *Labels) string { return l.Credentials }); err != nil {
		return err
	}
	if len(r.v.credentials) == 0 {
		r.fixedText(func(l *Labels) string { return l.None }, italic, sizeBody, colorMuted)
	}
	for _, c := range r.v.credentials {
		r.y += paraGap
		r.ensure(4 * lineH(sizeBody))
		r.anchor(credAnchor(c.ID))
		r.learnerText(Text{EN: c.TitleEN, FR: c.TitleFR}, bold, sizeH2-1)
		r.y += 1
		r.fixedField(func(l *Labels) string { return l.Issuer }, c.Issuer)
		r.fixedField(func(l *Labels) string { return l.Issued }, c.IssuedOn)
		r.fixedField(func(l *Labels) string { return l.Expires }, r.expiry(c.ExpiresOn))
		if c.Hours > 0 {
			r.fixedField(func(l *Labels) string { return l.Hours }, r.number(c.Hours))
		}
		r.fixedField(func(l *Labels) string { return l.CreditValue }, c.CreditValue)
		r.fixedField(func(l *Labels) string { return l.Competencies }, strings.Join(c.Competencies, " · "))
		r.fixedField(func(l *Labels) string { return l.AssessmentMethod }, c.AssessmentMethod)
		r.fixedField(func(l *Labels) string { return l.Verification }, c.Verification)
		if c.Import != nil {
			r.imported(c)
		}
		r.y += 1
		r.rule(r.y, colorRule, 0.2)
		r.y += 1
	}
	return nil
}

// expiry prints an expiry date, marked expired when it falls before the export date, so an
// assessor reading the PDF later sees at once which credentials had lapsed when it was made.
// Dates are compared as written (YYYY-MM-DD), on the same UTC day the front page prints.
func (r *renderer) expiry(on string) string {
	if on == "" || on >= r.v.date.Format(time.DateOnly) {
		return on
	}
	return on + " (" + r.fixed(func(l *Labels) string { return l.CredentialExpired }) + ")"
}
