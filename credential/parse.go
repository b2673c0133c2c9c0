package credential

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// maxNested caps the credentials inside one CLR: a transcript holds dozens, not thousands.
const maxNested = 500

// parseVC reads an OB 3.0 or CLR 2.0 Verifiable Credential into the contract types.
func parseVC(doc map[string]any, format Format, src *source) (*Credential, error) {
	c := &Credential{Format: format, ID: str(doc["id"]), Issuer: issuerOf(doc["issuer"])}
	c.IssuedOn = toDate(first(str(doc["awardedDate"]), str(doc["validFrom"]), str(doc["issuanceDate"])))
	c.ExpiresOn = toDate(first(str(doc["validUntil"]), str(doc["expirationDate"])))
	if src.claims != nil {
		// A VC-JWT's registered claims stand for members the credential may leave out.
		if c.ID == "" {
			c.ID = str(src.claims["jti"])
		}
		if c.Issuer.ID == "" {
			c.Issuer.ID = str(src.claims["iss"])
		}
		if c.IssuedOn == "" {
			c.IssuedOn = unixDate(src.claims["nbf"])
		}
		if c.ExpiresOn == "" {
			c.ExpiresOn = unixDate(src.claims["exp"])
		}
	}
	c.src = src
	c.Name, _ = langText(doc["name"], "")
	subject := firstObject(doc["credentialSubject"])
	if format == FormatCLR2JSON || format == FormatCLR2JWT {
		if err := parseCLRSubject(c, subject); err != nil {
			return nil, err
		}
		if c.Name == "" && len(c.Achievements) > 0 {
			c.Name = c.Achievements[0].Name
		}
		return c, nil
	}
	a := achievementOf(firstObject(subject["achievement"]), subject)
	if a.Name == "" {
		a.Name, a.NameFR = langText(doc["name"], "")
	}
	a.IssuedOn, a.ExpiresOn, a.CredentialID = c.IssuedOn, c.ExpiresOn, c.ID
	c.Achievements = []Achievement{a}
	if c.Name == "" {
		c.Name = a.Name
	}
	return c, nil
}

// parseCLRSubject makes one Achievement per achievement of each nested credential; a CLR that
// lists achievements without nesting credentials gives those.
func parseCLRSubject(c *Credential, subject map[string]any) error {
	nested := list(subject["verifiableCredential"])
	if len(nested) > maxNested {
		return errTooLarge()
	}
	for _, v := range nested {
		var (
			n   *Credential
			err error
		)
		switch t := v.(type) {
		case map[string]any:
			n, err = parseVC(t, FormatOB3JSON, &source{doc: t})
		case string:
			if !looksLikeJWS([]byte(t)) {
				return errNotCredential()
			}
			n, err = parseJWS(t)
		default:
			return errNotCredential()
		}
		if err != nil {
			return err
		}
		c.src.nested = append(c.src.nested, n)
		c.Achievements = append(c.Achievements, n.Achievements...)
	}
	if len(nested) > 0 {
		return nil
	}
	for _, v := range list(subject["achievement"]) {
		if m, ok := v.(map[string]any); ok {
			a := achievementOf(m, nil)
			a.IssuedOn, a.ExpiresOn, a.CredentialID = c.IssuedOn, c.ExpiresOn, c.ID
			c.Achievements = append(c.Achievements, a)
		}
	}
	return nil
}

// achievementOf reads an OB 3.0 Achievement, with the results and credits its subject gives.
func achievementOf(a map[string]any, subject map[string]any) Achievement {
	out := Achievement{ID: str(a["id"]), Competencies: []string{}}
	lang := str(a["inLanguage"])
	out.Name, out.NameFR = langText(a["name"], lang)
	out.Description, out.DescriptionFR = langText(a["description"], lang)
	if crit, ok := a["criteria"].(map[string]any); ok {
		out.Criteria, _ = langText(crit["narrative"], lang)
		if out.Criteria == "" {
			out.Criteria = str(crit["id"])
		}
	}
	out.Alignments = alignmentsOf(a["alignment"])
	out.Competencies = competenciesOf(out.Alignments)
	out.Credits = number(a["creditsAvailable"])
	if subject != nil {
		if earned := number(subject["creditsEarned"]); earned > 0 {
			out.Credits = earned
		}
		out.Hours = hoursOf(a, subject)
	}
	return out
}

// hoursOf finds a result whose description names hours (in English or French) and reads its
// value as a number: OB 3.0 has no hours member, so issuers give them as a result.
func hoursOf(a, subject map[string]any) float64 {
	named := map[string]bool{}
	for _, v := range list(a["resultDescription"]) {
		rd, _ := v.(map[string]any)
		label := strings.ToLower(str(rd["name"]) + " " + str(rd["resultType"]))
		if strings.Contains(label, "hour") || strings.Contains(label, "heure") {
			named[str(rd["id"])] = true
		}
	}
	for _, v := range list(subject["result"]) {
		r, _ := v.(map[string]any)
		if !named[str(r["resultDescription"])] {
			continue
		}
		if h, err := strconv.ParseFloat(strings.TrimSpace(str(r["value"])), 64); err == nil && h > 0 && !math.IsInf(h, 0) {
			return h
		}
	}
	return 0
}

// parseOB2 reads an OB 2.0 assertion. A hosted assertion often names its BadgeClass by URL
// only: then the achievement has no name, and the import must ask the learner for one.
func parseOB2(doc map[string]any, format Format, src *source) (*Credential, error) {
	c := &Credential{Format: format, ID: str(doc["id"]), src: src}
	if c.ID == "" {
		c.ID = str(doc["uid"])
	}
	c.IssuedOn = toDate(str(doc["issuedOn"]))
	c.ExpiresOn = toDate(str(doc["expires"]))
	a := Achievement{Competencies: []string{}, IssuedOn: c.IssuedOn, ExpiresOn: c.ExpiresOn, CredentialID: c.ID}
	switch badge := doc["badge"].(type) {
	case string:
		a.ID = badge
	case map[string]any:
		a.ID = str(badge["id"])
		a.Name, a.NameFR = langText(badge["name"], "")
		a.Description, a.DescriptionFR = langText(badge["description"], "")
		switch crit := badge["criteria"].(type) {
		case string:
			a.Criteria = crit
		case map[string]any:
			a.Criteria = first(str(crit["narrative"]), str(crit["id"]))
		}
		a.Alignments = alignmentsOf(badge["alignment"])
		a.Competencies = competenciesOf(a.Alignments)
		c.Issuer = issuerOf(badge["issuer"])
	}
	c.Achievements = []Achievement{a}
	c.Name = a.Name
	return c, nil
}

// issuerOf reads an issuer given as a URL/DID or as a Profile.
func issuerOf(v any) Issuer {
	switch t := v.(type) {
	case string:
		return Issuer{ID: t}
	case map[string]any:
		name, _ := langText(t["name"], "")
		return Issuer{ID: str(t["id"]), Name: name}
	}
	return Issuer{}
}

// alignmentsOf reads OB 2.0 and OB 3.0 alignments (the same member names in both).
func alignmentsOf(v any) []Alignment {
	var out []Alignment
	for _, x := range list(v) {
		m, ok := x.(map[string]any)
		if !ok {
			continue
		}
		name, _ := langText(m["targetName"], "")
		a := Alignment{Framework: str(m["targetFramework"]), Code: str(m["targetCode"]), Name: name, URL: str(m["targetUrl"])}
		if a.Name == "" && a.Code == "" && a.URL == "" {
			continue
		}
		out = append(out, a)
	}
	return out
}

// competenciesOf lists what an achievement certifies in plain words: its alignments' names.
func competenciesOf(al []Alignment) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, a := range al {
		n := first(a.Name, a.Code)
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// langText reads a text that may be a plain string, a JSON-LD value object
// ({"@value", "@language"}), a list of them, or a language map: it returns the English (or only)
// text and the French one. lang is the achievement's inLanguage, for a plain string.
func langText(v any, lang string) (text, fr string) {
	byLang := map[string]string{}
	var order []string
	add := func(l, s string) {
		l = strings.ToLower(l)
		if i := strings.IndexAny(l, "-_"); i > 0 {
			l = l[:i]
		}
		if s == "" {
			return
		}
		if _, ok := byLang[l]; !ok {
			byLang[l] = s
			order = append(order, l)
		}
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch t := v.(type) {
		case string:
			add(lang, t)
		case map[string]any:
			if val, ok := t["@value"]; ok {
				add(first(str(t["@language"]), lang), str(val))
				return
			}
			for k, s := range t {
				if s, ok := s.(string); ok && len(k) >= 2 && len(k) <= 8 && !strings.HasPrefix(k, "@") {
					add(k, s)
				}
			}
		case []any:
			for _, x := range t {
				walk(x, depth+1)
			}
		}
	}
	walk(v, 0)
	if len(order) == 0 {
		return "", ""
	}
	fr = byLang["fr"]
	text = first(byLang["en"], byLang[""], byLang[order[0]])
	return text, fr
}

// toDate turns an ISO 8601 date or date-time, or a Unix time (OB 1.x), into YYYY-MM-DD.
func toDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if t, ok := parseTime(s); ok {
		return t.Format("2006-01-02")
	}
	return ""
}

// parseTime reads the date forms credentials use.
func parseTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 && n < 1e11 {
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

// unixDate reads a JWT NumericDate claim as YYYY-MM-DD.
func unixDate(v any) string {
	f, ok := v.(float64)
	if !ok || f <= 0 || f > 1e11 {
		return ""
	}
	return time.Unix(int64(f), 0).UTC().Format("2006-01-02")
}

// str reads a JSON string, or "" for anything else.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// strs reads a JSON string or list of strings.
func strs(v any) []string {
	var out []string
	for _, x := range list(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// list reads a JSON value that may be one item or a list of them.
func list(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

// firstObject reads the first JSON object of a value that may be an object or a list.
func firstObject(v any) map[string]any {
	for _, x := range list(v) {
		if m, ok := x.(map[string]any); ok {
			return m
		}
	}
	return map[string]any{}
}

// number reads a JSON number or a numeric string (credits are given both ways).
func number(v any) float64 {
	switch t := v.(type) {
	case float64:
		if t > 0 && !math.IsInf(t, 0) {
			return t
		}
	case string:
		if f, err := strconv.ParseFloat(strings.TrimSpace(t), 64); err == nil && f > 0 && !math.IsInf(f, 0) {
			return f
		}
	}
	return 0
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
