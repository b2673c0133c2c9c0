package portfolio

// The words of "what happened next". In this codebase an Outcome is a target's learning outcome
// (plar.Outcome); what follows a credential or a submission is a LaterOutcome, so the two never
// share a name in Go, SQL, TypeScript or the locale IDs.

// DecisionResult is what an institution decided on a PLAR request; its label is the locale
// message "PlarDecision" + the value with a capital first letter.
type DecisionResult string

// The decisions an institution gives on a learning outcome or a course.
const (
	DecisionGranted DecisionResult = "granted"
	DecisionPartial DecisionResult = "partial"
	DecisionRefused DecisionResult = "refused"
	DecisionPending DecisionResult = "pending"
)

// DecisionResults are the PLAR decisions, in the order the form offers them.
func DecisionResults() []DecisionResult {
	return []DecisionResult{DecisionGranted, DecisionPartial, DecisionRefused, DecisionPending}
}

// MaxDecisionCredits bounds the credits of one decision, so a typo (3000 for 3) is caught.
const MaxDecisionCredits = 200

// PLARDecision is an institution's decision on one learning outcome (OutcomeID) or, with
// OutcomeID 0, on a whole course (the target). Its note is private, sealed with a passphrase.
type PLARDecision struct {
	ID        int64   `json:"id"`
	TargetID  int64   `json:"targetId"`
	OutcomeID int64   `json:"outcomeId"`
	Result    string  `json:"result"`
	Credits   float64 `json:"credits"`
	Date      string  `json:"date"`
	Note      string  `json:"note"`
	// Course is the target's name, and OutcomeCode the learning outcome's code ("" for the whole
	// course): read only, filled when a decision is read, for lists that name what was decided.
	Course      string `json:"course"`
	OutcomeCode string `json:"outcomeCode"`
	// NoteLocked is true when the decision was read while the portfolio was locked: Note then
	// reads empty, and saving keeps the sealed note as it was.
	NoteLocked bool `json:"noteLocked"`
}

// LaterOutcomeType is a kind of outcome after a credential or a submission; its label is the
// locale message "LaterOutcomeType" + the value with a capital first letter.
type LaterOutcomeType string

// The outcomes a program would like to hear about, "no change" included.
const (
	LaterNewJob         LaterOutcomeType = "newJob"
	LaterPromotion      LaterOutcomeType = "promotion"
	LaterRaise          LaterOutcomeType = "raise"
	LaterNewDuties      LaterOutcomeType = "newDuties"
	LaterSkillsUsed     LaterOutcomeType = "skillsUsed"
	LaterFurtherStudy   LaterOutcomeType = "furtherStudy"
	LaterSelfEmployment LaterOutcomeType = "selfEmployment"
	LaterNoChange       LaterOutcomeType = "noChange"
)

// LaterOutcomeTypes are the kinds of later outcome, in the order the form offers them.
func LaterOutcomeTypes() []LaterOutcomeType {
	return []LaterOutcomeType{LaterNewJob, LaterPromotion, LaterRaise, LaterNewDuties, LaterSkillsUsed,
		LaterFurtherStudy, LaterSelfEmployment, LaterNoChange}
}

// RaiseRange is the optional size of a raise, in bands rather than amounts; its label is the
// locale message "RaiseRange" + the value with a capital first letter. It is never shared.
type RaiseRange string

// The bands of a raise, as a share of the former pay.
const (
	RaiseUnder5     RaiseRange = "under5"
	RaiseFrom5To10  RaiseRange = "from5To10"
	RaiseFrom10To20 RaiseRange = "from10To20"
	RaiseOver20     RaiseRange = "over20"
)

// RaiseRanges are the bands of a raise, smallest first.
func RaiseRanges() []RaiseRange {
	return []RaiseRange{RaiseUnder5, RaiseFrom5To10, RaiseFrom10To20, RaiseOver20}
}

// LaterOutcome is something that happened after a credential or a submission, kept by the
// learner for themself; shared with a program only with consent, as its type and month.
type LaterOutcome struct {
	ID         int64  `json:"id"`
	Type       string `json:"type"`
	Date       string `json:"date"`
	RaiseRange string `json:"raiseRange"`
	Note       string `json:"note"`
	// Prompt is the key of the follow-up prompt this outcome answered, "" when recorded on its own.
	Prompt        string  `json:"prompt"`
	CredentialIDs []int64 `json:"credentialIds"`
	ClaimIDs      []int64 `json:"claimIds"`
	// NoteLocked: as PLARDecision.NoteLocked.
	NoteLocked bool `json:"noteLocked"`
}

// FollowUpMonths are when the app asks what happened, in months after an export or a
// credential's issue date.
func FollowUpMonths() []int { return []int{3, 6, 12} }

// The things a follow-up prompt counts months from.
const (
	FollowUpExport     = "export"
	FollowUpCredential = "credential"
)

// FollowUp is a prompt due now: "It has been 6 months since you earned X: what happened?".
// It is computed from the data, answered by recording a LaterOutcome with its Key, or
// dismissed for good.
type FollowUp struct {
	Key    string `json:"key"`
	Source string `json:"source"`
	Months int    `json:"months"`
	// Elapsed is the whole months from Since to today, what the prompt says: a prompt of the
	// 12-month point may come 45 months after a credential the learner added late.
	Elapsed int `json:"elapsed"`
	// Since is the date months are counted from (the export, or the credential's issue date),
	// Due the date the prompt came due.
	Since string `json:"since"`
	Due   string `json:"due"`
	// Title names what the prompt is about in the learner's own words: the credential's title
	// (English, else French) or the exported target's name; TitleEN and TitleFR are a
	// credential's two titles.
	Title        string `json:"title"`
	TitleEN      string `json:"titleEn"`
	TitleFR      string `json:"titleFr"`
	CredentialID int64  `json:"credentialId"`
	TargetID     int64  `json:"targetId"`
}

// Province is a Canadian province or territory by its postal abbreviation: the coarsest
// region a program can use, and the finest the app shares. Its label is the locale message
// "Province" + the code.
type Province string

// Provinces are the thirteen provinces and territories, in alphabetical order of their codes.
func Provinces() []Province {
	return []Province{"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"}
}

// SelfIDItem is one self-identification question a learner may choose to share for equity
// reporting; its label is the locale message "SelfIdItem" + the value with a capital first letter.
type SelfIDItem string

// The self-identification items of the profile that can be shared, each on its own.
const (
	SelfIDNewcomer   SelfIDItem = "newcomer"
	SelfIDIndigenous SelfIDItem = "indigenous"
	SelfIDDisability SelfIDItem = "disability"
	SelfIDRacialized SelfIDItem = "racialized"
)

// SelfIDItems are the shareable self-identification items, in the profile's order. The
// free-text self-identification notes are never shared.
func SelfIDItems() []SelfIDItem {
	return []SelfIDItem{SelfIDNewcomer, SelfIDIndigenous, SelfIDDisability, SelfIDRacialized}
}

// Answer is what the learner said to a self-identification item.
func (id SelfIdentification) Answer(item SelfIDItem) bool {
	switch item {
	case SelfIDNewcomer:
		return id.Newcomer
	case SelfIDIndigenous:
		return id.Indigenous
	case SelfIDDisability:
		return id.Disability
	case SelfIDRacialized:
		return id.Racialized
	}
	return false
}

// Consent is the learner's choice to share their outcomes with one named program: on until
// revoked, with its own random pseudonym, a province or territory, and the self-identification
// items they ticked (none by default).
type Consent struct {
	ID      int64  `json:"id"`
	Program string `json:"program"`
	// HomePage is the program's web address if it gave one (an https IRI), used in xAPI.
	HomePage string `json:"homePage"`
	// Pseudonym is random, made when consent is first given, and never changes for this program.
	Pseudonym string `json:"pseudonym"`
	Region    string `json:"region"`
	// SelfID lists the self-identification items the learner chose to share (never null).
	SelfID       []string `json:"selfId"`
	On           bool     `json:"on"`
	GivenOn      string   `json:"givenOn"`
	RevokedOn    string   `json:"revokedOn"`
	LastSharedOn string   `json:"lastSharedOn"`
}
