package portfolio

// Language is a language the app and the learner's texts can be in.
type Language = string

// The two languages of the app.
const (
	English Language = "en"
	French  Language = "fr"
)

// Learner is who the portfolio belongs to; SelfID is private like support notes.
type Learner struct {
	DisplayName       string             `json:"displayName"`
	LegalName         string             `json:"legalName"`
	PreferredLanguage string             `json:"preferredLanguage"`
	Email             string             `json:"email"`
	Phone             string             `json:"phone"`
	Community         string             `json:"community"`
	Region            string             `json:"region"`
	SelfID            SelfIdentification `json:"selfId"`
	// Locked is true when the portfolio is locked: Email, Phone and SelfID are then sealed and
	// read as empty, and saving leaves them as they were.
	Locked bool `json:"locked"`
}

// SelfIdentification holds optional equity self-identification, private by default.
type SelfIdentification struct {
	Newcomer   bool   `json:"newcomer"`
	Indigenous bool   `json:"indigenous"`
	Disability bool   `json:"disability"`
	Racialized bool   `json:"racialized"`
	Notes      string `json:"notes"`
}

// Experience is lived or learning experience a claim can point to.
type Experience struct {
	ID            int64    `json:"id"`
	Kind          string   `json:"kind"`
	TitleEN       string   `json:"titleEn"`
	TitleFR       string   `json:"titleFr"`
	Organisation  string   `json:"organisation"`
	Place         string   `json:"place"`
	StartMonth    string   `json:"startMonth"`
	EndMonth      string   `json:"endMonth"`
	Hours         int      `json:"hours"`
	DescriptionEN string   `json:"descriptionEn"`
	DescriptionFR string   `json:"descriptionFr"`
	Skills        []string `json:"skills"`
}

// Credential is a microcredential the learner holds, entered by hand or imported later.
type Credential struct {
	ID               int64    `json:"id"`
	TitleEN          string   `json:"titleEn"`
	TitleFR          string   `json:"titleFr"`
	Issuer           string   `json:"issuer"`
	IssuedOn         string   `json:"issuedOn"`
	ExpiresOn        string   `json:"expiresOn"`
	Competencies     []string `json:"competencies"`
	AssessmentMethod string   `json:"assessmentMethod"`
	Hours            float64  `json:"hours"`
	CreditValue      string   `json:"creditValue"`
	Verification     string   `json:"verification"`
}

// Evidence is a file kept inside the portfolio, identified by its SHA-256 so tampering shows.
type Evidence struct {
	ID              int64   `json:"id"`
	SHA256          string  `json:"sha256"`
	MediaType       string  `json:"mediaType"`
	Size            int64   `json:"size"`
	OriginalName    string  `json:"originalName"`
	TitleEN         string  `json:"titleEn"`
	TitleFR         string  `json:"titleFr"`
	Kind            string  `json:"kind"`
	Date            string  `json:"date"`
	VerifierName    string  `json:"verifierName"`
	VerifierRole    string  `json:"verifierRole"`
	VerifierContact string  `json:"verifierContact"`
	HasPreview      bool    `json:"hasPreview"`
	AddedAt         string  `json:"addedAt"`
	ExperienceIDs   []int64 `json:"experienceIds"`
	CredentialIDs   []int64 `json:"credentialIds"`
}

// AnyTitle is the evidence's title for a message that names it: English when there is one,
// else French (as plar names experiences and microcredentials in its matches).
func (e Evidence) AnyTitle() string {
	if e.TitleEN != "" {
		return e.TitleEN
	}
	return e.TitleFR
}

// SupportNote records a wraparound support; it stays private unless the learner shares it.
type SupportNote struct {
	ID             int64  `json:"id"`
	Category       string `json:"category"`
	Date           string `json:"date"`
	Provider       string `json:"provider"`
	Text           string `json:"text"`
	FollowUp       string `json:"followUp"`
	ShareWithCoach bool   `json:"shareWithCoach"`
}

// ExperienceKinds are the kinds of experience PLAR recognises, in the order the UI offers them.
func ExperienceKinds() []string {
	return []string{"PaidWork", "Volunteer", "Caregiving", "CommunityRole", "LandBased",
		"Military", "SelfDirected", "FormalEducation", "Training"}
}

// EvidenceKinds are the kinds of evidence an assessor distinguishes.
func EvidenceKinds() []string {
	return []string{"Certificate", "LetterOfValidation", "WorkSample", "PerformanceReview",
		"PhotoOfPractice", "Transcript", "Reference", "Reflection"}
}

// SupportCategories are the wraparound supports a learner may record.
func SupportCategories() []string {
	return []string{"Coaching", "Mentorship", "Childcare", "Transportation", "Financial",
		"Housing", "MentalHealth", "Accommodation", "Language", "DigitalAccess", "ElderCultural", "Other"}
}
