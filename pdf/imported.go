package pdf

import (
	"slices"
	"strconv"
	"strings"

	"passerelle/portfolio"
)

// imported lays out what a digital credential says beyond the microcredential's fields, then
// each check of its offline verification in words, with the date and the key, and where the
// original file is in this PDF, so an assessor can verify it again online.
func (r *renderer) imported(c portfolio.Credential) {
	im := c.Import
	desc := Text{EN: im.DescriptionEN, FR: im.DescriptionFR}
	if len(r.pick(desc)) == 2 {
		r.subheadingFixed(func(l *Labels) string { return l.Description })
		r.learnerText(desc, regular, sizeBody)
		r.y += 0.8
	} else {
		r.fixedField(func(l *Labels) string { return l.Description }, r.first(desc))
	}
	r.fixedField(func(l *Labels) string { return l.Criteria }, im.Criteria)
	var aligns []string
	for _, a := range im.Alignments {
		aligns = append(aligns, alignmentText(a))
	}
	r.fixedField(func(l *Labels) string { return l.Alignments }, strings.Join(aligns, " · "))
	r.fixedField(func(l *Labels) string { return l.DigitalCredential },
		r.fixed(func(l *Labels) string { return named(l.CredentialFormat, im.Format) }))
	if others := r.siblings(c); len(others) > 0 {
		r.fixedField(func(l *Labels) string { return l.PartOfRecord }, strings.Join(others, " · "))
	}
	r.y += 1
	r.ensure(3 * lineH(sizeBody))
	date, _, _ := strings.Cut(im.Verification.CheckedAt, "T")
	r.subheadingFixed(func(l *Labels) string { return with(l.CheckedOffline, "Date", date) })
	for _, ck := range im.Verification.Checks {
		r.fixedLines(func(l *Labels) string { return checkLine(l, ck) })
	}
	if v := im.Verification; v.Key != "" {
		r.fixedLines(func(l *Labels) string {
			return with(l.SigningKey, "Key", v.Key, "Source", named(l.KeySource, v.KeySource))
		})
	}
	if it, ok := r.v.byID[im.EvidenceID]; ok && im.EvidenceID != 0 {
		r.fixedLines(func(l *Labels) string {
			return with(l.CredentialOriginal, "File", it.fileName, "N", "E"+strconv.Itoa(it.n), "SHA256", it.SHA256)
		})
	}
}

// siblings are the titles of the other achievements of the learner record (CLR) c came in.
func (r *renderer) siblings(c portfolio.Credential) []string {
	var out []string
	for _, o := range r.v.credentials {
		if o.ID != c.ID && o.Import != nil && o.Import.Group != "" && o.Import.Group == c.Import.Group {
			out = append(out, r.first(Text{EN: o.TitleEN, FR: o.TitleFR}))
		}
	}
	return out
}

// checkLine is one check in one language: "Signature: passed. The signature is valid…", with
// the learner record's own checks (in a CLR) marked as such.
func checkLine(l *Labels, ck portfolio.VerificationCheck) string {
	s := with(l.CheckLine, "Check", named(l.CheckName, ck.Check), "State", named(l.CheckState, ck.State))
	if ck.Scope == portfolio.ScopeRecord {
		s = l.LearnerRecord + " — " + s
	}
	if l.CheckReason != nil {
		if msg := l.CheckReason(ck.Reason); msg != "" {
			var kv []string
			for k, v := range ck.Args {
				kv = append(kv, k, v)
			}
			s += ". " + with(msg, kv...)
		}
	}
	return s
}

func alignmentText(a portfolio.Alignment) string {
	head := strings.TrimSpace(a.Framework + " " + a.Code)
	switch {
	case head == "":
		return a.Name
	case a.Name == "":
		return head
	}
	return head + " — " + a.Name
}

// subheadingFixed is a small heading in the output language(s).
func (r *renderer) subheadingFixed(get func(*Labels) string) {
	r.para(r.fixed(get), marginX, contentW, bold, sizeSmall, colorMuted)
}

// fixedLines lays out one fixed sentence per language: side by side when bilingual, so each
// column reads in one language.
func (r *renderer) fixedLines(get func(*Labels) string) {
	r.fixedText(get, regular, sizeSmall, colorInk)
	r.y += 0.6
}

// failedChecks names, in one language, the checks that failed for the imported credentials whose
// original file is it; none for any other evidence.
func (r *renderer) failedChecks(l *Labels, it *item) []string {
	var out []string
	for _, c := range r.v.credentials {
		if c.Import == nil || c.Import.EvidenceID != it.ID {
			continue
		}
		for _, ck := range c.Import.Verification.Checks {
			name := named(l.CheckName, ck.Check)
			if ck.State == portfolio.CheckFailed && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// checkFailedNote says, where an original credential file is listed, that a check of it
// failed ("" when none did), so the index and the appendix never show it as a plain certificate.
func (r *renderer) checkFailedNote(it *item) string {
	if len(r.failedChecks(r.opts.labels(r.tongues[0]), it)) == 0 {
		return ""
	}
	return r.fixed(func(l *Labels) string {
		return with(l.OriginalCheckFailed, "Checks", strings.Join(r.failedChecks(l, it), ", "))
	})
}
