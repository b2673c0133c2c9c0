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
	ID       int64  `json:"id"`
	Category string `json:"category"`
	Date     string `json:"date"`
	Provider string `json:"provider"`
	Text     string `json:"text"`
	FollowUp string `json:"followUp"`
	// ShareWithCoach puts the note in the shared copy a coach reads, and nowhere else.
	ShareWithCoach bool `json:"shareWithCoach"`
	// IncludeInSubmission puts the note in the institution's PDF (when the export includes notes).
	IncludeInSubmission bool `json:"includeInSubmission"`
}

// ExperienceKind is a kind of lived or learning experience; its label is the locale message
// "ExperienceKind" + the value, and the page gets the list from the generated values.ts.
type ExperienceKind string

// The kinds of experience PLAR recognises, paid or not.
const (
	ExperiencePaidWork        ExperienceKind = "PaidWork"
	ExperienceVolunteer       ExperienceKind = "Volunteer"
	ExperienceCaregiving      ExperienceKind = "Caregiving"
	ExperienceCommunityRole   ExperienceKind = "CommunityRole"
	ExperienceLandBased       ExperienceKind = "LandBased"
	ExperienceMilitary        ExperienceKind = "Military"
	ExperienceSelfDirected    ExperienceKind = "SelfDirected"
	ExperienceFormalEducation ExperienceKind = "FormalEducation"
	ExperienceTraining        ExperienceKind = "Training"
)

// ExperienceKinds are the kinds of experience PLAR recognises, in the order the UI offers them.
func ExperienceKinds() []ExperienceKind {
	return []ExperienceKind{ExperiencePaidWork, ExperienceVolunteer, ExperienceCaregiving,
		ExperienceCommunityRole, ExperienceLandBased, ExperienceMilitary, ExperienceSelfDirected,
		ExperienceFormalEducation, ExperienceTraining}
}

// EvidenceKind is a kind of evidence an assessor distinguishes; its label is the locale message
// "EvidenceKind" + the value.
type EvidenceKind string

// The kinds of evidence, from someone else (a certificate, a letter) or the learner's own.
const (
	EvidenceCertificate        EvidenceKind = "Certificate"
	EvidenceLetterOfValidation EvidenceKind = "LetterOfValidation"
	EvidenceWorkSample         EvidenceKind = "WorkSample"
	EvidencePerformanceReview  EvidenceKind = "PerformanceReview"
	EvidencePhotoOfPractice    EvidenceKind = "PhotoOfPractice"
	EvidenceTranscript         EvidenceKind = "Transcript"
	EvidenceReference          EvidenceKind = "Reference"
	EvidenceReflection         EvidenceKind = "Reflection"
)

// EvidenceKinds are the kinds of evidence an assessor distinguishes, in the order the UI offers them.
func EvidenceKinds() []EvidenceKind {
	return []EvidenceKind{EvidenceCertificate, EvidenceLetterOfValidation, EvidenceWorkSample,
		EvidencePerformanceReview, EvidencePhotoOfPractice, EvidenceTranscript, EvidenceReference,
		EvidenceReflection}
}

// SupportCategory is a kind of wraparound support; its label is the locale message
// "SupportCategory" + the value.
type SupportCategory string

// The wraparound supports a learner may record.
const (
	SupportCoaching      SupportCategory = "Coaching"
	SupportMentorship    SupportCategory = "Mentorship"
	SupportChildcare     SupportCategory = "Childcare"
	SupportTransport     SupportCategory = "Transportation"
	SupportFinancial     SupportCategory = "Financial"
	SupportHousing       SupportCategory = "Housing"
	SupportMentalHealth  SupportCategory = "MentalHealth"
	SupportAccommodation SupportCategory = "Accommodation"
	SupportLanguage      SupportCategory = "Language"
	SupportDigitalAccess SupportCategory = "DigitalAccess"
	SupportElderCultural SupportCategory = "ElderCultural"
	SupportOther         SupportCategory = "Other"
)

// SupportCategories are the wraparound supports a learner may record, in the order the UI offers them.
func SupportCategories() []SupportCategory {
	return []SupportCategory{SupportCoaching, SupportMentorship, SupportChildcare, SupportTransport,
		SupportFinancial, SupportHousing, SupportMentalHealth, SupportAccommodation, SupportLanguage,
		SupportDigitalAccess, SupportElderCultural, SupportOther}
}
