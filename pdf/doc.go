// Package pdf lays out a learner's PLAR portfolio as the PDF an institution receives: English,
// French or bilingual, with its fonts embedded, images downscaled, the original evidence files
// attached and an evidence index that Verify checks. It is fed a read-only Document and the
// Labels the caller filled from locales; it does no SQL and no translation of its own.
package pdf

import (
	"passerelle/plar"
	"passerelle/portfolio"
)

// Document is the read-only view of one portfolio that one PDF shows; the caller fills it.
type Document struct {
	// Learner is who the portfolio belongs to; its SelfID is never read.
	Learner portfolio.Learner
	// Target is what the learner seeks credit for, with its outcomes; nil when none is chosen.
	Target *plar.Target
	// Claims are the learner's claims on the target's outcomes, with their readiness.
	Claims []Claim
	// Readiness is the overall to-do list for the target, already translated.
	Readiness Readiness
	// Experiences are shown as the chronological record and resolved from claims by ID.
	Experiences []portfolio.Experience
	// Credentials are the learner's microcredentials, resolved from claims by ID.
	Credentials []portfolio.Credential
	// Evidence is every evidence item to index, show and attach, in the order to number them.
	Evidence []Evidence
	// SupportNotes are the notes the learner chose to include; any with IncludeInSubmission
	// false is dropped here whatever the caller passed.
	SupportNotes []portfolio.SupportNote
}

// Claim is one claim with the rules of evidence applied to it, as the caller computed them.
type Claim struct {
	plar.Claim
	// Readiness is what plar.Assess said, with its steps translated.
	Readiness ClaimReadiness
}

// ClaimReadiness is the four rules of evidence for one claim, honest about what is missing.
type ClaimReadiness struct {
	// Ready is true when every rule is met.
	Ready bool
	// Rules are the rules of evidence in the order assessors name them.
	Rules []RuleResult
}

// RuleResult says whether one rule of evidence is met and, if not, what would meet it.
type RuleResult struct {
	// Rule is plar.RuleValid, plar.RuleCurrent, plar.RuleSufficient or plar.RuleAuthentic.
	Rule string
	// Met is true when the rule is satisfied.
	Met bool
	// Steps are the next steps, already translated.
	Steps []Text
}

// Readiness is the overall picture for the target beyond what the claims themselves say.
type Readiness struct {
	// ToDo is the ordered list of what is still missing, already translated.
	ToDo []Text
}

// Text is one sentence or value in English and in French; either may be empty, and an
// output in one language falls back to the other, marked as written in it.
type Text struct {
	EN string
	FR string
}

// Evidence is one evidence item with the bytes the PDF needs.
type Evidence struct {
	portfolio.Evidence
	// Data is the original file, attached to the PDF byte for byte.
	Data []byte
	// Open, used when Data is nil, reads the original file. The export calls it only for the
	// files it attaches or reproduces, so a portfolio of 12 MP photos need not all sit in
	// memory; the portfolio's Size then stands for len(Data).
	Open func() ([]byte, error)
	// Display is the JPEG display copy made when the evidence was added (images only); the
	// PDF shows it and never the original, so a 12 MP photo costs what a page needs.
	Display []byte
}
