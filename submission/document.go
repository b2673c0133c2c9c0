package submission

import (
	"context"

	"passerelle/locales"
	"passerelle/pdf"
	"passerelle/plar"
	"passerelle/portfolio"
)

// buildDocument gathers the read-only view the PDF is made from: the learner, the target and
// its claims with the rules of evidence applied and their steps translated into both
// languages, the record, and every piece of evidence with its display copy. Support notes are
// included only when the learner asked for notes in this export, and then only those ticked
// "include in my PLAR submission" (a note shared with the coach alone never reaches it).
func buildDocument(ctx context.Context, st *portfolio.Store, catalog *locales.Catalog, req Request,
	checks map[string]portfolio.FileCheck) (pdf.Document, error) {
	var doc pdf.Document
	var err error
	if doc.Learner, err = st.Learner(ctx); err != nil {
		return doc, err
	}
	doc.Learner.SelfID = portfolio.SelfIdentification{}
	if doc.Experiences, err = st.Experiences(ctx); err != nil {
		return doc, err
	}
	if doc.Credentials, err = st.Credentials(ctx); err != nil {
		return doc, err
	}
	evidence, err := st.EvidenceList(ctx)
	if err != nil {
		return doc, err
	}
	for i := len(evidence) - 1; i >= 0; i-- { // oldest first, as added
		e := evidence[i]
		display, err := st.EvidencePrintCopy(ctx, e.ID)
		if err != nil {
			return doc, err
		}
		id := e.ID
		doc.Evidence = append(doc.Evidence, pdf.Evidence{Evidence: e, Display: display,
			Open: func() ([]byte, error) { return st.EvidenceFile(ctx, id) }})
	}
	if req.IncludeSharedNotes {
		notes, err := st.SupportNotes(ctx)
		if err != nil {
			return doc, err
		}
		for _, n := range notes {
			if n.IncludeInSubmission {
				doc.SupportNotes = append(doc.SupportNotes, n)
			}
		}
	}
	if req.TargetID == 0 {
		return doc, nil
	}
	in, err := plar.NewStore(st).Gather(ctx, req.TargetID)
	if err != nil {
		return doc, err
	}
	for sum, c := range checks { // the checks just made, even where recording them failed
		in.FileChecks[sum] = c
	}
	r := plar.Compute(in)
	doc.Target = &r.Target
	both := func(s plar.Step) pdf.Text {
		return pdf.Text{EN: catalog.Text("en", s.MessageID, s.Args), FR: catalog.Text("fr", s.MessageID, s.Args)}
	}
	for _, o := range r.Outcomes {
		if o.Claim == nil {
			continue
		}
		c := pdf.Claim{Claim: *o.Claim, Readiness: pdf.ClaimReadiness{Ready: o.Assessment.Ready}}
		for _, rule := range o.Assessment.Rules {
			rr := pdf.RuleResult{Rule: rule.Rule, Met: rule.Met}
			for _, s := range rule.Steps {
				rr.Steps = append(rr.Steps, both(s))
			}
			c.Readiness.Rules = append(c.Readiness.Rules, rr)
		}
		doc.Claims = append(doc.Claims, c)
	}
	for _, td := range r.ToDo {
		t := both(td.Step)
		t.EN, t.FR = td.OutcomeCode+" — "+t.EN, td.OutcomeCode+" — "+t.FR
		doc.Readiness.ToDo = append(doc.Readiness.ToDo, t)
	}
	return doc, nil
}
