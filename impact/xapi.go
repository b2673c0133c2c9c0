package impact

import (
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"passerelle/fault"
)

// XAPIBase is the one stable base under which Passerelle names, for xAPI, what no published
// vocabulary does (verbs, activity types, extensions, and the IRIs of programs, courses and
// credentials derived from their names). README "For programs: what happened next" documents it.
const XAPIBase = "https://w3id.org/passerelle/xapi/"

// XAPIVersion is the xAPI version whose rules the statements follow; their "version" property
// is the data model's 1.0.0, as xAPI 1.0.3 requires of a Learning Record Provider that sets it.
const (
	XAPIVersion        = "1.0.3"
	XAPIStatementModel = "1.0.0"
)

// Published IRIs used where one fits (ADL's xAPI vocabulary).
const (
	verbPassed          = "http://adlnet.gov/expapi/verbs/passed"
	verbFailed          = "http://adlnet.gov/expapi/verbs/failed"
	activityCourse      = "http://adlnet.gov/expapi/activities/course"
	activityObjective   = "http://adlnet.gov/expapi/activities/objective"
	verbPartiallyPassed = XAPIBase + "verbs/partially-passed"
	verbReported        = XAPIBase + "verbs/reported"
	activityOutcome     = XAPIBase + "activity-types/career-outcome"
	activityCredential  = XAPIBase + "activity-types/microcredential"
	activityProgram     = XAPIBase + "activity-types/program"
	extMonthsAfter      = XAPIBase + "extensions/months-after-credential"
	extRegion           = XAPIBase + "extensions/region"
	extSelfID           = XAPIBase + "extensions/self-identification"
)

// statementNamespace is the UUID namespace of statement IDs: a statement's ID is derived from
// what it says (RFC 4122 version 5), so loading the same file twice into an LRS adds nothing.
const statementNamespace = "6f1c2e0a-4b7d-5c3e-9a81-2d4f6b8e0c17"

// LanguageMap is an xAPI language map: an RFC 5646 tag to the text in that language.
type LanguageMap map[string]string

// Statement is one xAPI statement as Passerelle writes it: no authority and no stored (the LRS
// sets those), a timestamp at month precision.
type Statement struct {
	ID        string    `json:"id"`
	Actor     Actor     `json:"actor"`
	Verb      Verb      `json:"verb"`
	Object    Activity  `json:"object"`
	Result    *Result   `json:"result,omitempty"`
	Context   *XContext `json:"context,omitempty"`
	Timestamp string    `json:"timestamp"`
	Version   string    `json:"version"`
}

// Actor is the learner as the program knows them: an account on the program's home page whose
// name is the pseudonym.
type Actor struct {
	ObjectType string  `json:"objectType"`
	Account    Account `json:"account"`
}

// Account is an xAPI account: the system's home page and the name it knows the person by.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// Verb is what the actor did.
type Verb struct {
	ID      string      `json:"id"`
	Display LanguageMap `json:"display"`
}

// Activity is an xAPI activity: an outcome, a course, a credential or a program.
type Activity struct {
	ObjectType string      `json:"objectType"`
	ID         string      `json:"id"`
	Definition *Definition `json:"definition,omitempty"`
}

// Definition names an activity and says what type it is.
type Definition struct {
	Name LanguageMap `json:"name,omitempty"`
	Type string      `json:"type,omitempty"`
}

// Result says whether a PLAR request succeeded.
type Result struct {
	Success *bool `json:"success,omitempty"`
}

// XContext names what a statement relates to: the program and courses (grouping), the
// credentials (other), and the months after credential, region and shared self-identification.
type XContext struct {
	ContextActivities *ContextActivities `json:"contextActivities,omitempty"`
	Platform          string             `json:"platform"`
	Extensions        map[string]any     `json:"extensions,omitempty"`
}

// ContextActivities are the activities a statement happened in the context of.
type ContextActivities struct {
	Grouping []Activity `json:"grouping,omitempty"`
	Other    []Activity `json:"other,omitempty"`
}

// Names gives an English and a French label for a locale message, for xAPI language maps.
type Names func(id string) (en, fr string)

// ProgramHomePage is the home page of a program's accounts: the one the program gave, or one
// derived from its name under XAPIBase (a slug and a hash, the same on every computer).
func ProgramHomePage(f File) string {
	if f.HomePage != "" {
		return f.HomePage
	}
	return XAPIBase + "programs/" + slug(f.Program) + "-" + shortHash(normName(f.Program))[:8]
}

// XAPIWithheld says what small-cell suppression kept out of pooled xAPI statements, so the
// report can say so: statements are records, one per learner's outcome, so a group a table hides
// must not be readable in them either.
type XAPIWithheld struct {
	// Statements is how many outcomes were not written at all: their outcome type, or their
	// span of months after the credential, is shared by fewer than MinCell learners.
	Statements int `json:"statements"`
	// Attributes is how many details (a region, a self-identification item) were left out of
	// the statements written, because fewer than MinCell learners share them.
	Attributes int `json:"attributes"`
}

// Statements turns pooled outcome files into xAPI statements, one per shared outcome, safe by
// construction: whatever a table of BuildReport over the same files suppresses (an outcome
// type, a span of months, a region, a self-identification item, complementary cells included)
// is never in a statement. A statement whose type or span of months is suppressed is not
// written; a suppressed region or item is left out of the statements that are. It refuses a
// pool of fewer than MinCell learners: so few would be as good as named.
func Statements(files []File, names Names) ([]Statement, XAPIWithheld, error) {
	var held XAPIWithheld
	if len(files) < MinCell {
		return nil, held, fault.New(fault.Invalid, "xapi", "ErrXAPITooFewLearners", "Min", MinCell)
	}
	shown := shownKeys(BuildReport(files))
	out := []Statement{}
	for _, f := range files {
		home := ProgramHomePage(f)
		program := Activity{ObjectType: "Activity", ID: home, Definition: &Definition{
			Name: LanguageMap{"und": f.Program}, Type: activityProgram}}
		for i, o := range f.Outcomes {
			if !shown["type:"+o.Type] || (o.MonthsAfterCredential != nil && !shown["months:"+bucketOf(*o.MonthsAfterCredential)]) {
				held.Statements++
				continue
			}
			s := Statement{Actor: Actor{ObjectType: "Agent", Account: Account{HomePage: home, Name: f.Pseudonym}},
				Timestamp: o.Month + "-01T00:00:00Z", Version: XAPIStatementModel}
			ctx := &XContext{Platform: "Passerelle", ContextActivities: &ContextActivities{Grouping: []Activity{program}},
				Extensions: map[string]any{}}
			switch o.Type {
			case TypeCreditGranted, TypeCreditPartial, TypeCreditRefused:
				s.Verb, s.Result = decisionVerb(o.Type, names)
				s.Object = courseActivity(o.Courses, true)
			default:
				en, fr := names("LaterOutcomeType" + capital(o.Type))
				s.Verb = Verb{ID: verbReported, Display: langs(names("XapiVerbReported"))}
				s.Object = Activity{ObjectType: "Activity", ID: XAPIBase + "outcomes/" + kebab(o.Type),
					Definition: &Definition{Name: langs(en, fr), Type: activityOutcome}}
				for _, c := range o.Courses {
					ctx.ContextActivities.Grouping = append(ctx.ContextActivities.Grouping, courseActivity([]Course{c}, false))
				}
			}
			for _, c := range o.Credentials {
				ctx.ContextActivities.Other = append(ctx.ContextActivities.Other, credentialActivity(c))
			}
			if o.MonthsAfterCredential != nil {
				ctx.Extensions[extMonthsAfter] = *o.MonthsAfterCredential
			}
			if f.Region != "" {
				if shown["region:"+f.Region] {
					ctx.Extensions[extRegion] = f.Region
				} else {
					held.Attributes++
				}
			}
			selfID := map[string]bool{}
			for item, yes := range f.SelfIdentification {
				if !yes {
					continue // an item not ticked says nothing, and is not sent
				}
				if shown["selfid:"+item] {
					selfID[item] = true
				} else {
					held.Attributes++
				}
			}
			if len(selfID) > 0 {
				ctx.Extensions[extSelfID] = selfID
			}
			if len(ctx.Extensions) == 0 {
				ctx.Extensions = nil
			}
			s.Context = ctx
			s.ID = uuid5(statementNamespace, fmt.Sprintf("%s\x00%s\x00%d\x00%s\x00%s", home, f.Pseudonym, i, o.Type, o.Month))
			out = append(out, s)
		}
	}
	return out, held, nil
}

// shownKeys is the set of groups a report shows ("type:newJob", "months:4-6", "region:MB",
// "selfid:newcomer"): every other value is suppressed and must stay out of statements too.
func shownKeys(r Report) map[string]bool {
	shown := map[string]bool{}
	for _, t := range []struct {
		prefix string
		cells  []Cell
	}{{"type:", r.ByType}, {"months:", r.ByMonths}, {"region:", r.ByRegion}, {"selfid:", r.BySelfID}} {
		for _, c := range t.cells {
			if !c.Suppressed {
				shown[t.prefix+c.Key] = true
			}
		}
	}
	return shown
}

// XAPIPlan is what the statements of files would leave out, for the report to say before the
// program saves them; nothing when there are too few learners for any statement.
func XAPIPlan(files []File) XAPIWithheld {
	_, held, err := Statements(files, func(string) (string, string) { return "", "" })
	if err != nil {
		return XAPIWithheld{}
	}
	return held
}

// decisionVerb is the verb and result of a PLAR decision: ADL's passed and failed, and ours
// for partial credit, which no published vocabulary names.
func decisionVerb(t string, names Names) (Verb, *Result) {
	yes, no := true, false
	switch t {
	case TypeCreditGranted:
		return Verb{ID: verbPassed, Display: langs(names("XapiVerbPassed"))}, &Result{Success: &yes}
	case TypeCreditRefused:
		return Verb{ID: verbFailed, Display: langs(names("XapiVerbFailed"))}, &Result{Success: &no}
	}
	return Verb{ID: verbPartiallyPassed, Display: langs(names("XapiVerbPartiallyPassed"))}, nil
}

// courseActivity names a course (or, for a decision on one learning outcome, that outcome) by
// an IRI derived from the institution, code and title, the same for every learner.
func courseActivity(courses []Course, outcome bool) Activity {
	var c Course
	if len(courses) > 0 {
		c = courses[0]
	}
	key := c.Institution + "\x00" + c.Code + "\x00" + c.Title
	id := XAPIBase + "courses/" + shortHash(key)
	typ := activityCourse
	name := strings.TrimSpace(strings.Join(nonEmpty(c.Code, c.Title), " — "))
	if outcome && c.LearningOutcome != "" {
		id += "/outcomes/" + shortHash(c.LearningOutcome)
		typ = activityObjective
		name = strings.TrimSpace(strings.Join(nonEmpty(c.Code, c.LearningOutcome), " "))
	}
	if name == "" {
		name = c.Institution
	}
	return Activity{ObjectType: "Activity", ID: id, Definition: &Definition{Name: LanguageMap{"und": name}, Type: typ}}
}

// credentialActivity names a microcredential by an IRI derived from its issuer and titles.
func credentialActivity(c Credential) Activity {
	name := LanguageMap{}
	if c.TitleEN != "" {
		name["en-CA"] = c.TitleEN
	}
	if c.TitleFR != "" {
		name["fr-CA"] = c.TitleFR
	}
	if len(name) == 0 {
		name["und"] = c.Issuer
	}
	return Activity{ObjectType: "Activity", ID: XAPIBase + "credentials/" + shortHash(c.Issuer+"\x00"+c.TitleEN+"\x00"+c.TitleFR),
		Definition: &Definition{Name: name, Type: activityCredential}}
}

func langs(en, fr string) LanguageMap { return LanguageMap{"en-CA": en, "fr-CA": fr} }

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// kebab writes newJob as new-job, for IRIs.
func kebab(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('-')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shortHash is 16 hex digits of the SHA-256 of s: enough to keep names apart, short in an IRI.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// uuid5 is the RFC 4122 version 5 UUID of name in namespace ns.
func uuid5(ns, name string) string {
	nsBytes, _ := hex.DecodeString(strings.ReplaceAll(ns, "-", ""))
	h := sha1.New()
	h.Write(nsBytes)
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	x := hex.EncodeToString(u)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// EncodeStatements is the file a program POSTs to its LRS's /statements resource: a JSON array.
func EncodeStatements(ss []Statement) []byte {
	b, _ := json.MarshalIndent(ss, "", "  ") // plain structs of strings, numbers and maps
	return append(b, '\n')
}

// WriteXAPI pools the outcome files of folder (for program, or all) as xAPI statements and
// writes them to path, whole or not at all, and says how many it wrote and what small-cell
// suppression withheld. Every statement is checked first: a file that would not pass
// CheckStatements is never written, and a pool whose every statement is withheld writes none.
func WriteXAPI(ctx context.Context, folder, program string, names Names, path string) (int, XAPIWithheld, error) {
	files, _, err := ReadFolder(ctx, folder, program)
	if err != nil {
		return 0, XAPIWithheld{}, err
	}
	ss, held, err := Statements(files, names)
	if err != nil {
		return 0, held, err
	}
	if len(ss) == 0 {
		return 0, held, fault.New(fault.Invalid, "xapi", "ErrXAPIAllWithheld", "Min", MinCell, "Count", held.Statements)
	}
	data := EncodeStatements(ss)
	if problems := CheckStatements(data); len(problems) > 0 {
		return 0, held, fmt.Errorf("xapi: %d statements break the rules, first %s", len(problems), problems[0])
	}
	return len(ss), held, writeFile(path, data)
}
