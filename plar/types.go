// Package plar holds prior learning assessment and recognition: the targets a learner seeks
// credit for, their learning outcomes, the learner's claims, and the rules of evidence that
// say whether each claim is ready for an assessor.
package plar

// Target is what the learner seeks credit for: one course of one program at one institution.
type Target struct {
	ID            int64     `json:"id"`
	Name          string    `json:"name"`
	Institution   string    `json:"institution"`
	Program       string    `json:"program"`
	CourseCode    string    `json:"courseCode"`
	CourseTitle   string    `json:"courseTitle"`
	Language      string    `json:"language"`
	CurrencyYears int       `json:"currencyYears"`
	Methods       []string  `json:"methods"`
	MethodsNotes  string    `json:"methodsNotes"`
	Outcomes      []Outcome `json:"outcomes"`
}

// Outcome is one learning outcome of a target, as the institution words it.
type Outcome struct {
	ID       int64  `json:"id"`
	TargetID int64  `json:"targetId"`
	Code     string `json:"code"`
	TextEN   string `json:"textEn"`
	TextFR   string `json:"textFr"`
}

// Claim is the learner's statement that they meet one outcome, with what supports it.
type Claim struct {
	ID            int64          `json:"id"`
	OutcomeID     int64          `json:"outcomeId"`
	Rating        int            `json:"rating"`
	NarrativeEN   string         `json:"narrativeEn"`
	NarrativeFR   string         `json:"narrativeFr"`
	CurrencyNote  string         `json:"currencyNote"`
	ExperienceIDs []int64        `json:"experienceIds"`
	CredentialIDs []int64        `json:"credentialIds"`
	Evidence      []EvidenceLink `json:"evidence"`
}

// EvidenceLink ties a piece of evidence to a claim with the learner's word on how it relates.
type EvidenceLink struct {
	EvidenceID int64  `json:"evidenceId"`
	Relevance  string `json:"relevance"`
}

// Rating levels of the self-assessment scale, from "I have not done this" to "I could teach it".
const (
	RatingNotDone  = 1
	RatingWithHelp = 2
	RatingOnMyOwn  = 3
	RatingVaried   = 4
	RatingTeach    = 5
)

// Method is an assessment method an institution may offer; its label is the locale message
// "Method" + the value.
type Method string

// The assessment methods of PLAR.
const (
	MethodPortfolio     Method = "Portfolio"
	MethodChallengeExam Method = "ChallengeExam"
	MethodInterview     Method = "Interview"
	MethodDemonstration Method = "Demonstration"
)

// Methods are the assessment methods an institution may offer, in the order the UI offers them.
func Methods() []Method {
	return []Method{MethodPortfolio, MethodChallengeExam, MethodInterview, MethodDemonstration}
}
