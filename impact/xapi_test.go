package impact

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/locales"
)

func names(t testing.TB) Names {
	c, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	return func(id string) (string, string) { return c.Text("en", id, nil), c.Text("fr", id, nil) }
}

// Every statement of a pooled export passes the xAPI 1.0.3 statement rules, and says what the
// issue asks: an account actor (program home page, pseudonym), month-precision timestamps,
// the credential in its context, a UUID, no authority.
func TestXAPI_EveryExportedStatementPassesTheRules(t *testing.T) {
	dir := cohort(t, 40, 7)
	out := filepath.Join(t.TempDir(), "pool.xapi.json")
	n, _, err := WriteXAPI(context.Background(), dir, "", names(t), out)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if problems := CheckStatements(data); len(problems) > 0 {
		t.Fatalf("%d problems, first %v", len(problems), problems[0])
	}
	var ss []map[string]any
	if err := json.Unmarshal(data, &ss); err != nil || len(ss) != n || n < 40 {
		t.Fatalf("%d statements, %v", len(ss), err)
	}
	ids := map[string]bool{}
	for _, s := range ss {
		acc := s["actor"].(map[string]any)["account"].(map[string]any)
		if !strings.HasPrefix(acc["homePage"].(string), XAPIBase+"programs/centre-d-amitie-career-coaching-2026-") ||
			len(acc["name"].(string)) != 26 {
			t.Fatalf("actor %v", acc)
		}
		ts := s["timestamp"].(string)
		if !strings.HasSuffix(ts, "-01T00:00:00Z") || len(ts) != len("2024-09-01T00:00:00Z") {
			t.Errorf("timestamp %s is not the first of a month", ts)
		}
		if s["version"] != "1.0.0" || s["authority"] != nil || s["stored"] != nil {
			t.Errorf("version/authority/stored: %v", s)
		}
		if ids[s["id"].(string)] {
			t.Errorf("id %s twice", s["id"])
		}
		ids[s["id"].(string)] = true
		ctx := s["context"].(map[string]any)["contextActivities"].(map[string]any)
		verb := s["verb"].(map[string]any)["id"].(string)
		if verb == verbReported && ctx["other"] == nil {
			t.Errorf("an outcome after a credential does not name it: %v", ctx)
		}
	}
	again := filepath.Join(t.TempDir(), "again.json")
	if _, _, err := WriteXAPI(context.Background(), dir, "", names(t), again); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(again); string(b) != string(data) {
		t.Error("the same files gave other statements: loading twice would duplicate them in an LRS")
	}
	if testing.Verbose() {
		t.Logf("sample statement:\n%s", sample(data))
	}
}

func sample(data []byte) string {
	var ss []json.RawMessage
	json.Unmarshal(data, &ss)
	var pretty map[string]any
	json.Unmarshal(ss[0], &pretty)
	b, _ := json.MarshalIndent(pretty, "", "  ")
	return string(b)
}

func TestXAPI_FewerThanFiveLearnersAreNotWritten(t *testing.T) {
	dir := cohort(t, 4, 3)
	out := filepath.Join(t.TempDir(), "pool.json")
	if _, _, err := WriteXAPI(context.Background(), dir, "", names(t), out); err == nil {
		t.Fatal("four learners written as statements")
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a file was left")
	}
}

// Each rule of the checker rejects a statement that breaks it, and only it.
func TestCheckStatements_RejectsEachBrokenRule(t *testing.T) {
	valid := `{"id":"9f1c2e0a-4b7d-5c3e-9a81-2d4f6b8e0c17",
		"actor":{"objectType":"Agent","account":{"homePage":"https://w3id.org/passerelle/xapi/programs/p","name":"abc"}},
		"verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-CA":"passed","fr-CA":"a réussi"}},
		"object":{"objectType":"Activity","id":"https://w3id.org/passerelle/xapi/courses/1","definition":{"name":{"und":"MLT101"},"type":"http://adlnet.gov/expapi/activities/course"}},
		"context":{"platform":"Passerelle","contextActivities":{"other":[{"id":"https://w3id.org/passerelle/xapi/credentials/2"}]},
			"extensions":{"https://w3id.org/passerelle/xapi/extensions/region":"MB"}},
		"result":{"success":true},
		"timestamp":"2024-09-01T00:00:00Z","version":"1.0.0"}`
	if p := CheckStatements([]byte("[" + valid + "]")); len(p) != 0 {
		t.Fatalf("the valid statement: %v", p)
	}
	for _, c := range []struct {
		rule, from, to string
	}{
		{RuleJSON, valid, `{"id":`},
		{RuleProperties, `"version":"1.0.0"`, `"version":"1.0.0","score":1`},
		{RuleRequired, `"verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-CA":"passed","fr-CA":"a réussi"}},`, ``},
		{RuleUUID, `9f1c2e0a-4b7d-5c3e-9a81-2d4f6b8e0c17`, `9f1c2e0a4b7d5c3e9a812d4f6b8e0c17`},
		{RuleUUID, `9f1c2e0a-4b7d-5c3e-9a81`, `9f1c2e0a-4b7d-7c3e-1a81`},
		{RuleActorIFI, `"objectType":"Agent","account"`, `"objectType":"Agent","mbox":"mailto:a@example.org","account"`},
		{RuleActorIFI, `"account":{"homePage":"https://w3id.org/passerelle/xapi/programs/p","name":"abc"}`, `"name":"abc"`},
		{RuleActorIFI, `"account":{"homePage":"https://w3id.org/passerelle/xapi/programs/p","name":"abc"}`, `"mbox":"a@example.org"`},
		{RuleAccount, `"name":"abc"`, `"name":""`},
		{RuleAccount, `"homePage":"https://w3id.org/passerelle/xapi/programs/p"`, `"homePage":"programs/p"`},
		{RuleIRI, `"id":"http://adlnet.gov/expapi/verbs/passed"`, `"id":"passed"`},
		{RuleIRI, `"id":"https://w3id.org/passerelle/xapi/courses/1"`, `"id":"course 1"`},
		{RuleIRI, `"type":"http://adlnet.gov/expapi/activities/course"`, `"type":"course"`},
		{RuleIRI, `"https://w3id.org/passerelle/xapi/extensions/region"`, `"region"`},
		{RuleLanguageMap, `"en-CA":"passed"`, `"English":"passed"`},
		{RuleLanguageMap, `{"und":"MLT101"}`, `"MLT101"`},
		{RuleLanguageMap, `"fr-CA":"a réussi"`, `"fr-CA":1`},
		{RuleTimestamp, `2024-09-01T00:00:00Z`, `2024-09`},
		{RuleTimestamp, `2024-09-01T00:00:00Z`, `2024-09-01T00:00:00`},
		{RuleAuthority, `"version":"1.0.0"`, `"version":"1.0.0","authority":{"mbox":"mailto:lrs@example.org"}`},
		{RuleAuthority, `"version":"1.0.0"`, `"version":"1.0.0","stored":"2024-09-01T00:00:00Z"`},
		{RuleVersion, `"version":"1.0.0"`, `"version":"1.0.3"`},
		{RuleContext, `"contextActivities":{"other"`, `"contextActivities":{"siblings"`},
		{RuleObjectType, `"objectType":"Activity","id":"https://w3id.org/passerelle/xapi/courses/1"`, `"objectType":"Course","id":"https://w3id.org/passerelle/xapi/courses/1"`},
		{RuleContextObject, `"object":{"objectType":"Activity","id":"https://w3id.org/passerelle/xapi/courses/1","definition":{"name":{"und":"MLT101"},"type":"http://adlnet.gov/expapi/activities/course"}}`,
			`"object":{"objectType":"StatementRef","id":"9f1c2e0a-4b7d-5c3e-9a81-2d4f6b8e0c17"}`},
	} {
		broken := strings.Replace(valid, c.from, c.to, 1)
		if broken == valid {
			t.Fatalf("%s: the replacement did not apply", c.rule)
		}
		problems := CheckStatements([]byte("[" + broken + "]"))
		found := false
		for _, p := range problems {
			found = found || p.Rule == c.rule
		}
		if !found {
			t.Errorf("%s: not caught (%v) in %s", c.rule, problems, broken)
		}
	}
	if p := CheckStatements([]byte(`{"not":"an array"}`)); len(p) != 1 || p[0].Rule != RuleJSON {
		t.Errorf("not an array: %v", p)
	}
}

// Over a seeded cohort with rare regions and items, no statement carries a value that a table
// of the same files suppresses, and what was left out is counted.
func TestXAPI_NoStatementHoldsASuppressedGroup(t *testing.T) {
	files, _, err := ReadFolder(context.Background(), cohort(t, 60, 11), "")
	if err != nil {
		t.Fatal(err)
	}
	r := BuildReport(files)
	suppressed := map[string]bool{}
	for prefix, table := range map[string][]Cell{"type:": r.ByType, "months:": r.ByMonths, "region:": r.ByRegion,
		"selfid:": r.BySelfID} {
		for _, c := range table {
			if c.Suppressed {
				suppressed[prefix+c.Key] = true
			}
		}
	}
	if !suppressed["region:NU"] && !suppressed["region:YT"] {
		t.Fatalf("the cohort has no rare region to test with: %v", r.ByRegion)
	}
	ss, held, err := Statements(files, names(t))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, f := range files {
		total += len(f.Outcomes)
	}
	if len(ss)+held.Statements != total || held.Attributes == 0 {
		t.Fatalf("%d written + %d withheld of %d outcomes, %d attributes withheld", len(ss), held.Statements, total, held.Attributes)
	}
	for _, s := range ss {
		ext := s.Context.Extensions
		if region, ok := ext[extRegion].(string); ok && suppressed["region:"+region] {
			t.Errorf("statement %s holds the suppressed region %s", s.ID, region)
		}
		if items, ok := ext[extSelfID].(map[string]bool); ok {
			for item := range items {
				if suppressed["selfid:"+item] {
					t.Errorf("statement %s holds the suppressed item %s", s.ID, item)
				}
			}
		}
		if m, ok := ext[extMonthsAfter].(int); ok && suppressed["months:"+bucketOf(m)] {
			t.Errorf("statement %s holds %d months, in a suppressed span", s.ID, m)
		}
		if strings.HasPrefix(s.Object.ID, XAPIBase+"outcomes/") {
			for _, typ := range OutcomeTypes() {
				if s.Object.ID == XAPIBase+"outcomes/"+kebab(typ) && suppressed["type:"+typ] {
					t.Errorf("statement %s is of the suppressed type %s", s.ID, typ)
				}
			}
		}
	}
	if got := XAPIPlan(files); got != held {
		t.Errorf("the report's plan %+v differs from what is written %+v", got, held)
	}
}
