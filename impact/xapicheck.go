package impact

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// The xAPI 1.0.3 statement rules CheckStatements applies, each a name a failing check reports.
const (
	RuleJSON          = "json"           // the file is a JSON array of statement objects
	RuleProperties    = "properties"     // only the properties the spec defines, each of the right JSON type
	RuleRequired      = "required"       // actor, verb and object are present
	RuleUUID          = "uuid"           // id (and context.registration) are RFC 4122 UUIDs
	RuleActorIFI      = "actor-ifi"      // an Agent has exactly one inverse functional identifier
	RuleAccount       = "account"        // an account has a homePage IRL and a name
	RuleIRI           = "iri"            // verb, activity, activity type and extension keys are absolute IRIs
	RuleLanguageMap   = "language-map"   // language maps have RFC 5646 tags and string values
	RuleTimestamp     = "timestamp"      // timestamps are ISO 8601 (RFC 3339) with a time zone
	RuleAuthority     = "authority"      // a client never sets authority (nor stored): the LRS does
	RuleVersion       = "version"        // a client that sets version sets 1.0.0
	RuleContext       = "context"        // contextActivities has only parent, grouping, category, other
	RuleObjectType    = "object-type"    // objectType, when given, is one the spec defines
	RuleContextObject = "context-object" // revision and platform only when the object is an Activity
)

// Problem is one statement breaking one rule.
type Problem struct {
	Statement int    `json:"statement"`
	Rule      string `json:"rule"`
	Path      string `json:"path"`
}

func (p Problem) String() string {
	return fmt.Sprintf("statement %d: %s at %s", p.Statement, p.Rule, p.Path)
}

// languageTag is RFC 5646's well-formed tag with a primary language of 2 or 3 letters (the
// 5-to-8-letter form is reserved and none is registered, so "English" is refused).
var (
	uuidForm     = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`)
	languageTag  = regexp.MustCompile(`^(?:[a-zA-Z]{2,3}(?:-[a-zA-Z]{3}){0,3})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|[0-9]{3}))?(?:-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*(?:-[0-9a-wyzA-WYZ](?:-[a-zA-Z0-9]{2,8})+)*(?:-x(?:-[a-zA-Z0-9]{1,8})+)?$`)
	iriScheme    = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
	statementKey = []string{"id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority",
		"version", "attachments"}
)

// CheckStatements checks a file of xAPI statements (a JSON array, as POSTed to /statements)
// against the xAPI 1.0.3 statement requirements a Learning Record Provider must meet; it
// returns every problem found, none for a valid file.
func CheckStatements(data []byte) []Problem {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return []Problem{{Statement: -1, Rule: RuleJSON, Path: "$"}}
	}
	var out []Problem
	for i, r := range raw {
		var s map[string]any
		d := json.NewDecoder(strings.NewReader(string(r)))
		d.UseNumber()
		if err := d.Decode(&s); err != nil || s == nil {
			out = append(out, Problem{i, RuleJSON, "$"})
			continue
		}
		c := &checker{n: i}
		c.statement(s)
		out = append(out, c.problems...)
	}
	return out
}

type checker struct {
	n        int
	problems []Problem
}

func (c *checker) fail(rule, path string) { c.problems = append(c.problems, Problem{c.n, rule, path}) }

func (c *checker) statement(s map[string]any) {
	for k := range s {
		if !slices.Contains(statementKey, k) {
			c.fail(RuleProperties, k)
		}
	}
	for _, k := range []string{"actor", "verb", "object"} {
		if _, ok := s[k]; !ok {
			c.fail(RuleRequired, k)
		}
	}
	if v, ok := s["id"]; ok {
		c.uuid("id", v)
	}
	if v, ok := s["actor"]; ok {
		c.agent("actor", v)
	}
	if v, ok := s["verb"]; ok {
		c.verb(v)
	}
	objectIsActivity := false
	if v, ok := s["object"]; ok {
		objectIsActivity = c.object(v)
	}
	if v, ok := s["result"]; ok {
		c.result(v)
	}
	if v, ok := s["context"]; ok {
		c.context(v, objectIsActivity)
	}
	if v, ok := s["timestamp"]; ok {
		c.timestamp("timestamp", v)
	}
	if _, ok := s["authority"]; ok {
		c.fail(RuleAuthority, "authority")
	}
	if _, ok := s["stored"]; ok {
		c.fail(RuleAuthority, "stored")
	}
	if v, ok := s["version"]; ok && v != XAPIStatementModel {
		c.fail(RuleVersion, "version")
	}
}

func (c *checker) object(v any) bool {
	o, ok := v.(map[string]any)
	if !ok {
		c.fail(RuleProperties, "object")
		return false
	}
	switch t, _ := o["objectType"].(string); t {
	case "", "Activity":
		c.activity("object", o)
		return true
	case "Agent", "Group":
		c.agent("object", o)
	case "StatementRef":
		c.uuid("object.id", o["id"])
	case "SubStatement":
		for _, k := range []string{"actor", "verb", "object"} {
			if _, ok := o[k]; !ok {
				c.fail(RuleRequired, "object."+k)
			}
		}
	default:
		c.fail(RuleObjectType, "object.objectType")
	}
	return false
}

func (c *checker) agent(path string, v any) {
	a, ok := v.(map[string]any)
	if !ok {
		c.fail(RuleProperties, path)
		return
	}
	if t, has := a["objectType"]; has && t != "Agent" && t != "Group" {
		c.fail(RuleObjectType, path+".objectType")
	}
	ifis := 0
	for _, k := range []string{"mbox", "mbox_sha1sum", "openid", "account"} {
		if _, ok := a[k]; ok {
			ifis++
		}
	}
	if a["objectType"] == "Group" && ifis == 0 {
		return // an anonymous group is named by its members
	}
	if ifis != 1 {
		c.fail(RuleActorIFI, path)
	}
	if m, ok := a["mbox"]; ok {
		if s, _ := m.(string); !strings.HasPrefix(s, "mailto:") {
			c.fail(RuleActorIFI, path+".mbox")
		}
	}
	if v, ok := a["openid"]; ok {
		c.iri(path+".openid", v)
	}
	if acc, ok := a["account"]; ok {
		m, ok := acc.(map[string]any)
		name, _ := m["name"].(string)
		if !ok || name == "" || !isIRL(m["homePage"]) {
			c.fail(RuleAccount, path+".account")
		}
	}
	if n, ok := a["name"]; ok {
		if _, isString := n.(string); !isString {
			c.fail(RuleProperties, path+".name")
		}
	}
}

func (c *checker) verb(v any) {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(RuleProperties, "verb")
		return
	}
	c.iri("verb.id", m["id"])
	if d, ok := m["display"]; ok {
		c.languageMap("verb.display", d)
	}
}

func (c *checker) activity(path string, a map[string]any) {
	c.iri(path+".id", a["id"])
	def, ok := a["definition"]
	if !ok {
		return
	}
	d, ok := def.(map[string]any)
	if !ok {
		c.fail(RuleProperties, path+".definition")
		return
	}
	for _, k := range []string{"name", "description"} {
		if v, ok := d[k]; ok {
			c.languageMap(path+".definition."+k, v)
		}
	}
	if v, ok := d["type"]; ok {
		c.iri(path+".definition.type", v)
	}
	if v, ok := d["moreInfo"]; ok && !isIRL(v) {
		c.fail(RuleIRI, path+".definition.moreInfo")
	}
	if v, ok := d["extensions"]; ok {
		c.extensions(path+".definition.extensions", v)
	}
}

func (c *checker) result(v any) {
	r, ok := v.(map[string]any)
	if !ok {
		c.fail(RuleProperties, "result")
		return
	}
	for _, k := range []string{"success", "completion"} {
		if b, ok := r[k]; ok {
			if _, isBool := b.(bool); !isBool {
				c.fail(RuleProperties, "result."+k)
			}
		}
	}
	if e, ok := r["extensions"]; ok {
		c.extensions("result.extensions", e)
	}
}

func (c *checker) context(v any, objectIsActivity bool) {
	x, ok := v.(map[string]any)
	if !ok {
		c.fail(RuleProperties, "context")
		return
	}
	if r, ok := x["registration"]; ok {
		c.uuid("context.registration", r)
	}
	for _, k := range []string{"revision", "platform"} {
		if p, ok := x[k]; ok {
			if !objectIsActivity {
				c.fail(RuleContextObject, "context."+k)
			}
			if _, isString := p.(string); !isString {
				c.fail(RuleProperties, "context."+k)
			}
		}
	}
	if l, ok := x["language"]; ok {
		if s, _ := l.(string); !languageTag.MatchString(s) {
			c.fail(RuleLanguageMap, "context.language")
		}
	}
	if e, ok := x["extensions"]; ok {
		c.extensions("context.extensions", e)
	}
	ca, ok := x["contextActivities"]
	if !ok {
		return
	}
	m, ok := ca.(map[string]any)
	if !ok {
		c.fail(RuleContext, "context.contextActivities")
		return
	}
	for k, list := range m {
		path := "context.contextActivities." + k
		if !slices.Contains([]string{"parent", "grouping", "category", "other"}, k) {
			c.fail(RuleContext, path)
			continue
		}
		items, isList := list.([]any)
		if !isList {
			items = []any{list} // a single activity is allowed, and means a list of one
		}
		for i, it := range items {
			a, ok := it.(map[string]any)
			if t, _ := a["objectType"].(string); !ok || (t != "" && t != "Activity") {
				c.fail(RuleContext, fmt.Sprintf("%s[%d]", path, i))
				continue
			}
			c.activity(fmt.Sprintf("%s[%d]", path, i), a)
		}
	}
}

func (c *checker) extensions(path string, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(RuleProperties, path)
		return
	}
	for k := range m {
		c.iri(path+"["+k+"]", k)
	}
}

func (c *checker) languageMap(path string, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(RuleLanguageMap, path)
		return
	}
	for k, text := range m {
		if _, isString := text.(string); !isString || !languageTag.MatchString(k) {
			c.fail(RuleLanguageMap, path+"."+k)
		}
	}
}

func (c *checker) uuid(path string, v any) {
	if s, _ := v.(string); !uuidForm.MatchString(s) {
		c.fail(RuleUUID, path)
	}
}

func (c *checker) iri(path string, v any) {
	s, _ := v.(string)
	if !isIRI(s) {
		c.fail(RuleIRI, path)
	}
}

func (c *checker) timestamp(path string, v any) {
	s, _ := v.(string)
	if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
		c.fail(RuleTimestamp, path)
	}
}

// isIRI tells whether s is an absolute IRI: a scheme, then no spaces or characters an IRI
// cannot hold, and something after the scheme.
func isIRI(s string) bool {
	if !iriScheme.MatchString(s) || strings.ContainsAny(s, " <>\"{}|\\^`\t\n\r") {
		return false
	}
	_, rest, _ := strings.Cut(s, ":")
	return rest != ""
}

// isIRL tells whether v is an IRL: an IRI that can be looked up (http or https, with a host).
func isIRL(v any) bool {
	s, _ := v.(string)
	u, err := url.Parse(s)
	return err == nil && isIRI(s) && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
