package impact

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"passerelle/fault"
	"passerelle/plar"
	"passerelle/portfolio"
)

var today = time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)

// secrets are what a learner entered that must never leave in an outcome file.
var secrets = []string{"Nakuset Tremblay-Wapachee", "Nakuset T.", "nakuset@example.org", "819 555-0147",
	"Kitigan Zibi", "Maniwaki", "Note-de-décision-Quetzal", "Note-emploi-Ornithorynque", "Note-hausse-Marmotte",
	"Auto-identification-privée-5512", "VERIF-7731", "https://badges.example.org/a/991", "from10To20",
	"2026-03-17", "2026-06-02", "2025-11-20", "2026-01-12"}

// learner builds a portfolio with everything private filled in, two credentials, a course
// with claims, PLAR decisions (one pending) and three later outcomes.
func learner(t *testing.T) *portfolio.Store {
	t.Helper()
	ctx := context.Background()
	st, err := portfolio.Create(ctx, filepath.Join(t.TempDir(), "l.passerelle"), "Portfolio de Nakuset",
		portfolio.WithClock(func() time.Time { return today }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveLearner(ctx, portfolio.Learner{DisplayName: "Nakuset T.", LegalName: "Nakuset Tremblay-Wapachee",
		Email: "nakuset@example.org", Phone: "819 555-0147", Community: "Kitigan Zibi", Region: "Maniwaki",
		SelfID: portfolio.SelfIdentification{Indigenous: true, Disability: true, Notes: "Auto-identification-privée-5512"}}))
	a, err := st.SaveCredential(ctx, portfolio.Credential{TitleEN: "Workplace First Aid", TitleFR: "Secourisme en milieu de travail",
		Issuer: "Croix-Rouge", IssuedOn: "2025-11-20", Verification: "VERIF-7731"})
	must(a, err)
	b, err := st.SaveCredential(ctx, portfolio.Credential{TitleFR: "Gestion de projet communautaire",
		Issuer: "Cégep de l’Outaouais", IssuedOn: "2026-01-12", Verification: "https://badges.example.org/a/991"})
	must(b, err)
	ps := plar.NewStore(st)
	tg, err := ps.SaveTarget(ctx, plar.Target{Name: "Mon cours", Institution: "Cégep de l’Outaouais",
		CourseCode: "GPC-101", CourseTitle: "Gestion de projet"})
	must(tg, err)
	outs, err := ps.AddOutcomes(ctx, tg.ID, []plar.Outcome{{Code: "GPC-1", TextFR: "Planifier"}, {Code: "GPC-2", TextFR: "Suivre"}})
	must(outs, err)
	claim, err := ps.SaveClaim(ctx, plar.Claim{OutcomeID: outs[0].ID, Rating: 3})
	must(claim, err)
	must(st.SavePLARDecision(ctx, portfolio.PLARDecision{TargetID: tg.ID, OutcomeID: outs[0].ID, Result: "granted",
		Credits: 2, Date: "2026-03-17", Note: "Note-de-décision-Quetzal"}))
	must(st.SavePLARDecision(ctx, portfolio.PLARDecision{TargetID: tg.ID, Result: "pending", Date: "2026-03-17"}))
	must(st.SaveLaterOutcome(ctx, portfolio.LaterOutcome{Type: "newJob", Date: "2026-06-02", Note: "Note-emploi-Ornithorynque",
		CredentialIDs: []int64{a.ID, b.ID}, ClaimIDs: []int64{claim.ID}}))
	must(st.SaveLaterOutcome(ctx, portfolio.LaterOutcome{Type: "raise", Date: "2026-06-02", RaiseRange: "from10To20",
		Note: "Note-hausse-Marmotte", CredentialIDs: []int64{b.ID}}))
	must(st.SaveLaterOutcome(ctx, portfolio.LaterOutcome{Type: "noChange", Date: "2026-01-12"}))
	return st
}

func TestExport_WithoutConsentNothingIsWritten(t *testing.T) {
	st := learner(t)
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "o.json")
	_, err := Write(ctx, st, "Programme jamais nommé", out, today)
	if e, ok := fault.As(err); !ok || e.MessageID != "ErrConsentNotFound" {
		t.Fatalf("no consent: %v", err)
	}
	if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: "P"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RevokeConsent(ctx, "P"); err != nil {
		t.Fatal(err)
	}
	_, err = Write(ctx, st, "P", out, today)
	if e, ok := fault.As(err); !ok || e.MessageID != "ErrConsentRevoked" {
		t.Fatalf("revoked: %v", err)
	}
	if _, err := Preview(ctx, st, "P", today); fault.CodeOf(err) != fault.Conflict {
		t.Fatalf("a preview of a revoked consent: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 0 {
		t.Fatalf("written without consent: %v", entries)
	}
	if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: "P"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(ctx, st, "P", out, today); err != nil {
		t.Fatalf("consent on again: %v", err)
	}
	if c, _ := st.ConsentFor(ctx, "P"); c.LastSharedOn != "2026-11-29" {
		t.Fatalf("last shared: %+v", c)
	}
}

// Every field of the file, checked against what may be shared: the keys there may be and no
// other, months not days, types from the list, months after the earliest linked credential.
func TestExport_EachFieldFollowsTheRules(t *testing.T) {
	st := learner(t)
	ctx := context.Background()
	if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: "Centre d’amitié — Career coaching 2026", Region: "QC",
		SelfID: []string{"indigenous"}, HomePage: "https://amitie.example.ca/coaching"}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "o.json")
	if _, err := Write(ctx, st, "Centre d’amitié — Career coaching 2026", out, today); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	month := regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
	keys := func(m map[string]any) []string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return k
	}
	if got := keys(f); !slices.Equal(got, []string{"format", "homePage", "month", "outcomes", "program", "pseudonym",
		"region", "selfIdentification"}) {
		t.Fatalf("top-level keys %v", got)
	}
	if f["format"] != Format || f["program"] != "Centre d’amitié — Career coaching 2026" || f["region"] != "QC" ||
		f["homePage"] != "https://amitie.example.ca/coaching" || f["month"] != "2026-11" {
		t.Fatalf("file %s", data)
	}
	if !regexp.MustCompile(`^[a-z2-7]{26}$`).MatchString(f["pseudonym"].(string)) {
		t.Fatalf("pseudonym %q is not 128 random bits in base32", f["pseudonym"])
	}
	if sid := f["selfIdentification"].(map[string]any); len(sid) != 1 || sid["indigenous"] != true {
		t.Fatalf("self-identification: only the ticked item, with the learner's answer: %v", sid)
	}
	outcomes := f["outcomes"].([]any)
	seen := map[string]map[string]any{}
	for _, raw := range outcomes {
		o := raw.(map[string]any)
		for _, k := range keys(o) {
			if !slices.Contains([]string{"type", "month", "credentials", "courses", "monthsAfterCredential"}, k) {
				t.Errorf("an outcome holds %q", k)
			}
		}
		if !slices.Contains(OutcomeTypes(), o["type"].(string)) || !month.MatchString(o["month"].(string)) {
			t.Errorf("outcome %v", o)
		}
		seen[o["type"].(string)] = o
	}
	if len(outcomes) != 4 || seen["newJob"] == nil || seen["raise"] == nil || seen["noChange"] == nil || seen[TypeCreditGranted] == nil {
		t.Fatalf("outcomes (the pending decision is not one): %s", data)
	}
	job := seen["newJob"]
	if job["month"] != "2026-06" || job["monthsAfterCredential"] != float64(7) {
		t.Errorf("a job in June 2026, 7 months after the earliest linked credential (Nov. 2025): %v", job)
	}
	creds := job["credentials"].([]any)
	if len(creds) != 2 || !slices.Equal(keys(creds[0].(map[string]any)), []string{"issuer", "titleEn", "titleFr"}) {
		t.Errorf("credentials by issuer and title only: %v", creds)
	}
	course := job["courses"].([]any)[0].(map[string]any)
	if course["code"] != "GPC-101" || course["institution"] != "Cégep de l’Outaouais" || course["learningOutcome"] != "GPC-1" {
		t.Errorf("course of the linked claim: %v", course)
	}
	if seen["raise"]["monthsAfterCredential"] != float64(5) {
		t.Errorf("raise: %v", seen["raise"])
	}
	granted := seen[TypeCreditGranted]
	if granted["month"] != "2026-03" || granted["courses"].([]any)[0].(map[string]any)["learningOutcome"] != "GPC-1" ||
		granted["monthsAfterCredential"] != nil {
		t.Errorf("decision: %v", granted)
	}
	if seen["noChange"]["monthsAfterCredential"] != nil || seen["noChange"]["credentials"] != nil {
		t.Errorf("an outcome linked to nothing says nothing more: %v", seen["noChange"])
	}
}

// The bytes of every export, with each choice of self-identification, searched for everything
// private: none of it is there, and a self-identification item only when ticked.
func TestExport_NothingPrivateInTheBytes(t *testing.T) {
	st := learner(t)
	ctx := context.Background()
	items := []string{"newcomer", "indigenous", "disability", "racialized"}
	choices := [][]string{nil, {"indigenous"}, {"disability", "newcomer"}, items}
	dir := t.TempDir()
	for i, ticked := range choices {
		program := "Programme " + string(rune('A'+i))
		if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: program, SelfID: ticked}); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, program+".json")
		if _, err := Write(ctx, st, program, out, today); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(out)
		preview, _ := Preview(ctx, st, program, today)
		if preview != string(data) {
			t.Errorf("%s: the preview is not what was written", program)
		}
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s: the file holds %q", program, s)
			}
		}
		for _, item := range items {
			if got, want := bytes.Contains(data, []byte(`"`+item+`"`)), slices.Contains(ticked, item); got != want {
				t.Errorf("%s: item %s in the file = %v, ticked = %v", program, item, got, want)
			}
		}
		if bytes.Contains(data, []byte(`"credits"`)) || bytes.Contains(data, []byte(`"note"`)) {
			t.Errorf("%s: credits or notes in %s", program, data)
		}
	}
}

func TestExport_PseudonymsDifferAcrossProgramsAndStayWithinOne(t *testing.T) {
	ctx := context.Background()
	pseudonym := func(st *portfolio.Store, program string) string {
		t.Helper()
		f, err := Build(ctx, st, program, today)
		if err != nil {
			t.Fatal(err)
		}
		return f.Pseudonym
	}
	one, two := learner(t), learner(t)
	seen := map[string]string{}
	for _, st := range []*portfolio.Store{one, two} {
		for _, p := range []string{"Programme A", "Programme B"} {
			if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: p}); err != nil {
				t.Fatal(err)
			}
			first := pseudonym(st, p)
			if _, err := st.RevokeConsent(ctx, p); err != nil {
				t.Fatal(err)
			}
			if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: p, Region: "ON"}); err != nil {
				t.Fatal(err)
			}
			if again := pseudonym(st, p); again != first {
				t.Errorf("%s: pseudonym changed from %s to %s", p, first, again)
			}
			if other, dup := seen[first]; dup {
				t.Errorf("pseudonym %s given twice (%s)", first, other)
			}
			seen[first] = p
			if strings.Contains(first, "programme") {
				t.Errorf("the pseudonym says something: %s", first)
			}
		}
	}
	if len(seen) != 4 {
		t.Fatalf("pseudonyms %v", seen)
	}
}

// A locked portfolio still shares what holds nothing private, and asks to be unlocked when a
// self-identification item is ticked.
func TestExport_LockedPortfolio(t *testing.T) {
	st := learner(t)
	ctx := context.Background()
	if err := st.SetPassphrase(ctx, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	st.Lock()
	if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: "Sans auto-identification"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.GiveConsent(ctx, portfolio.Consent{Program: "Avec", SelfID: []string{"newcomer"}}); err != nil {
		t.Fatal(err)
	}
	f, err := Build(ctx, st, "Sans auto-identification", today)
	if err != nil || len(f.Outcomes) != 4 {
		t.Fatalf("locked, nothing private asked: %+v, %v", f, err)
	}
	if _, err := Build(ctx, st, "Avec", today); fault.CodeOf(err) != fault.Locked {
		t.Fatalf("locked, self-identification ticked: %v", err)
	}
}

func TestDraft_ShowsTheChoicesBeforeSharingIsOn(t *testing.T) {
	st := learner(t)
	ctx := context.Background()
	f, err := Draft(ctx, st, portfolio.Consent{Program: "Nouveau", Region: "nu", SelfID: []string{"racialized"}}, today)
	if err != nil || f.Pseudonym != "" || f.Region != "NU" || len(f.SelfIdentification) != 1 || len(f.Outcomes) != 4 {
		t.Fatalf("draft: %+v, %v", f, err)
	}
	if list, _ := st.Consents(ctx); len(list) != 0 {
		t.Fatalf("a draft stored a consent: %+v", list)
	}
	if _, err := Draft(ctx, st, portfolio.Consent{Program: "X", Region: "Gatineau"}, today); fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("a town as region: %v", err)
	}
}
