package pdf

import (
	"fmt"
	"reflect"
	"strings"

	"passerelle/credential"
	"passerelle/plar"
	"passerelle/portfolio"
)

// Labels is every fixed text of the PDF in one language, filled by the caller from locales
// (use FillLabels). Texts with {{.Name}} placeholders are filled by this package, so the
// caller passes the raw message, not one rendered by go-i18n.
type Labels struct {
	Title, Keywords, CoverNote, NoTarget                      string `id:"PdfTitle,PdfKeywords,PdfCoverNote,PdfNoTarget"`
	LanguageEnglish, LanguageFrench, LanguageBilingual        string `id:"PdfLanguageEnglish,PdfLanguageFrench,PdfLanguageBilingual"`
	Institution, Program, Course, Date                        string `id:"PdfInstitution,PdfProgram,PdfCourse,PdfDate"`
	Language, DocumentID                                      string `id:"PdfLanguage,PdfDocumentId"`
	Contents, Profile, Supports, Experiences, Credentials     string `id:"PdfContents,PdfProfile,PdfSupports,PdfExperiences,PdfCredentials"`
	Claims, Readiness, EvidenceIndex, Appendix, Declaration   string `id:"PdfClaims,PdfReadiness,PdfEvidenceIndex,PdfEvidenceAppendix,PdfDeclaration"`
	LegalName, PreferredName, PreferredLanguage, Email, Phone string `id:"PdfLegalName,PdfPreferredName,PdfPreferredLanguage,PdfEmail,PdfPhone"`
	Community, Region                                         string `id:"PdfCommunity,PdfRegion"`
	Kind, Organisation, Place, Ongoing, Hours                 string `id:"PdfKind,PdfOrganisation,PdfPlace,PdfOngoing,PdfHours"`
	Skills, Description                                       string `id:"PdfSkills,PdfDescription"`
	Issuer, Issued, Expires, CreditValue, Competencies        string `id:"PdfIssuer,PdfIssued,PdfExpires,PdfCreditValue,PdfCompetencies"`
	AssessmentMethod, Verification, CredentialExpired         string `id:"PdfAssessmentMethod,PdfVerification,PdfCredentialExpired"`
	Outcome, SelfRating, RatingOf, Narrative, NoNarrative     string `id:"PdfOutcome,PdfSelfRating,PdfRatingOf,PdfNarrative,PdfNoNarrative"`
	Currency, LinkedExperiences, LinkedCredentials            string `id:"PdfCurrency,PdfLinkedExperiences,PdfLinkedCredentials"`
	LinkedEvidence, NoEvidence, Relevance, PageRef            string `id:"PdfLinkedEvidence,PdfNoEvidence,PdfRelevance,PdfPageRef"`
	RulesOfEvidence, RuleMet, RuleNotMet                      string `id:"PdfRulesOfEvidence,PdfRuleMet,PdfRuleNotMet"`
	ClaimReady, ClaimNotReady, NotClaimed, NoClaims           string `id:"PdfClaimReady,PdfClaimNotReady,PdfNotClaimed,PdfNoClaims"`
	ReadinessIntro, OutcomesInTarget, ClaimsMade, ClaimsReady string `id:"PdfReadinessIntro,PdfOutcomesInTarget,PdfClaimsMade,PdfClaimsReady"`
	ToDo, Ready, Yes, No                                      string `id:"PdfToDo,PdfReady,PdfYes,PdfNo"`
	Number, EvidenceTitle, Verifier, SHA256, Page             string `id:"PdfColNumber,PdfColTitle,PdfVerifier,PdfSha256,PdfColPage"`
	NotAttached, EvidenceIndexNote                            string `id:"PdfNotAttached,PdfEvidenceIndexNote"`
	File, Format, Size, VerifierContact                       string `id:"PdfFile,PdfFormat,PdfSize,PdfVerifierContact"`
	AddedOn, OriginalAttached, OriginalNotAttached            string `id:"PdfAddedOn,PdfOriginalAttached,PdfOriginalNotAttached"`
	NotReproduced, NotShown, ImageDamaged                     string `id:"PdfNotReproduced,PdfNotShown,PdfImageDamaged"`
	PDFTooLong, PDFUnreadable, PDFBudget, PDFFollows, PDFPage string `id:"PdfPdfTooLong,PdfPdfUnreadable,PdfPdfBudget,PdfPdfFollows,PdfPdfPage"`
	TextTruncated                                             string `id:"PdfTextTruncated"`
	DeclarationText, Signature, Name                          string `id:"PdfDeclarationText,PdfSignature,PdfName"`
	FooterPage, FooterDocument                                string `id:"PdfFooterPage,PdfFooterDocument"`
	WrittenInEnglish, WrittenInFrench                         string `id:"PdfWrittenInEnglish,PdfWrittenInFrench"`
	Provider, FollowUp, SupportsIntro, None                   string `id:"PdfProvider,PdfFollowUp,PdfSupportsIntro,PdfNone"`
	Criteria, Alignments, DigitalCredential, CheckedOffline   string `id:"PdfCriteria,PdfAlignments,PdfDigitalCredential,PdfCheckedOffline"`
	SigningKey, CredentialOriginal, LearnerRecord, CheckLine  string `id:"PdfSigningKey,PdfCredentialOriginal,PdfLearnerRecord,PdfCheckLine"`
	PartOfRecord, OriginalCheckFailed                         string `id:"PdfPartOfRecord,PdfOriginalCheckFailed"`

	// RatingName and RatingDescription are the five self-rating levels, index 0 for level 1.
	RatingName, RatingDescription [5]string
	// Rule names the rules of evidence, keyed by plar.RuleValid and the others.
	Rule map[string]string
	// ExperienceKind, EvidenceKind and SupportCategoryName name the portfolio's choices.
	ExperienceKind, EvidenceKind, SupportCategoryName map[string]string
	// CheckName and CheckState name a digital credential's checks and their four states;
	// CredentialFormat names the kinds of credential file.
	CheckName, CheckState, CredentialFormat map[string]string
	// KeySource says where a signing key came from (portfolio.KeySources).
	KeySource map[string]string
	// CheckReason is the raw message that explains a check's reason code (with {{.Arg}}
	// placeholders), "" when there is none: the verifier's reasons are open-ended, so they are
	// looked up as they come rather than listed here.
	CheckReason func(reason string) string
}

// LabelIDs lists every message ID FillLabels asks for, so a locales test can check that both
// languages have them all.
func LabelIDs() []string {
	var ids []string
	FillLabels(func(id string) string { ids = append(ids, id); return id })
	return ids
}

// FillLabels builds the labels of one language from a lookup of raw messages by ID (for
// example locales.Catalog.Messages); a missing message shows its ID, never an empty line.
func FillLabels(lookup func(id string) string) Labels {
	get := func(id string) string {
		if s := lookup(id); s != "" {
			return s
		}
		return id
	}
	var l Labels
	v := reflect.ValueOf(&l).Elem()
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("id")
		if tag == "" {
			continue
		}
		// Fields sharing a line share a tag; the field's position on the line picks its ID.
		ids := strings.Split(tag, ",")
		v.Field(i).SetString(get(ids[indexOnLine(t, i)]))
	}
	for n := range 5 {
		l.RatingName[n] = get(fmt.Sprintf("RatingLevel%d", n+1))
		l.RatingDescription[n] = get(fmt.Sprintf("RatingLevel%dDescription", n+1))
	}
	l.Rule = map[string]string{}
	for _, r := range rules() {
		l.Rule[r] = get("Rule" + strings.ToUpper(r[:1]) + r[1:])
	}
	l.ExperienceKind = fill(get, "ExperienceKind", portfolio.ExperienceKinds())
	l.EvidenceKind = fill(get, "EvidenceKind", portfolio.EvidenceKinds())
	l.SupportCategoryName = fill(get, "SupportCategory", portfolio.SupportCategories())
	l.CheckName = map[string]string{}
	for _, c := range CheckNames() {
		l.CheckName[c] = get("CredentialCheckName_" + c)
	}
	l.CheckState = map[string]string{}
	for _, s := range []string{portfolio.CheckPassed, portfolio.CheckFailed, portfolio.CheckNotChecked, portfolio.CheckCouldNotCheck} {
		l.CheckState[s] = get("CredentialState_" + s)
	}
	l.CredentialFormat = map[string]string{}
	for _, f := range CredentialFormats() {
		l.CredentialFormat[f] = get("CredentialFormat_" + f)
	}
	l.KeySource = map[string]string{}
	for _, k := range portfolio.KeySources() {
		l.KeySource[k] = get("CredentialKeySource_" + k)
	}
	// An assessor reads the PDF: a reason worded for the learner ("issued to you") has its own
	// PDF wording, looked up first.
	l.CheckReason = func(reason string) string {
		if s := lookup("PdfCredentialCheck_" + reason); s != "" && s != "PdfCredentialCheck_"+reason {
			return s
		}
		return lookup("CredentialCheck_" + reason)
	}
	return l
}

// CredentialFormats are the kinds of digital credential file, as imports record them.
func CredentialFormats() []string {
	return []string{string(credential.FormatOB2Hosted), string(credential.FormatOB2Signed),
		string(credential.FormatOB3JSON), string(credential.FormatOB3JWT), string(credential.FormatCLR2JSON),
		string(credential.FormatCLR2JWT)}
}

// CheckNames are the checks of a digital credential, in the order they are shown.
func CheckNames() []string {
	return []string{string(credential.CheckSignature), string(credential.CheckIssuerKey),
		string(credential.CheckValidity), string(credential.CheckRevoked), string(credential.CheckRecipient)}
}

// rules are the rules of evidence in the order assessors name them.
func rules() []string { return plar.Rules() }

// indexOnLine is how many earlier fields carry the same tag as field i.
func indexOnLine(t reflect.Type, i int) int {
	n := 0
	for j := i - 1; j >= 0 && t.Field(j).Tag == t.Field(i).Tag; j-- {
		n++
	}
	return n
}

func fill[K ~string](get func(string) string, prefix string, keys []K) map[string]string {
	m := make(map[string]string, len(keys))
	for _, k := range keys {
		m[string(k)] = get(prefix + string(k))
	}
	return m
}

// named returns a choice's label, or the raw key when the caller's data holds an unknown one.
func named(m map[string]string, key string) string {
	if s, ok := m[key]; ok {
		return s
	}
	return key
}

// with fills {{.Name}} placeholders; a message that lacks one simply ignores it.
func with(msg string, kv ...string) string {
	for i := 0; i+1 < len(kv); i += 2 {
		msg = strings.ReplaceAll(msg, "{{."+kv[i]+"}}", kv[i+1])
	}
	return msg
}
