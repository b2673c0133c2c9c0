package credtest

// Contexts of the credentials the tests build: the ones the 1EdTech examples use.
const (
	ContextVC2   = "https://www.w3.org/ns/credentials/v2"
	ContextOB303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
	ContextCLR   = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
)

// OB3 describes an OB 3.0 OpenBadgeCredential to build.
type OB3 struct {
	ID         string // default urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002
	Issuer     string // the issuer's id; Sign sets it to the key's did:key when ""
	Recipient  string // the learner's email, hashed with Salt
	Salt       string
	ValidFrom  string // default 2024-05-01T12:00:00Z
	ValidUntil string
	Name       string // default "Data Analysis Fundamentals"
	NameFR     string // when not "", the names are given in English and French
	Contexts   []string
	// Extra members merged into the credential subject's achievement (tests use it for
	// control characters, relative types…).
	Achievement map[string]any
	Status      map[string]any // credentialStatus, when not nil
}

// Credential returns the unsigned credential as a map.
func (o OB3) Credential() map[string]any {
	if o.ID == "" {
		o.ID = "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002"
	}
	if o.ValidFrom == "" {
		o.ValidFrom = "2024-05-01T12:00:00Z"
	}
	if o.Name == "" {
		o.Name = "Data Analysis Fundamentals"
	}
	if o.Contexts == nil {
		o.Contexts = []string{ContextVC2, ContextOB303}
	}
	var name any = o.Name
	if o.NameFR != "" {
		name = []any{
			map[string]any{"@value": o.Name, "@language": "en"},
			map[string]any{"@value": o.NameFR, "@language": "fr"},
		}
	}
	achievement := map[string]any{
		"id":               "https://college.example.ca/achievements/data-101",
		"type":             []any{"Achievement"},
		"name":             name,
		"description":      "Cleans, summarises and charts a data set with a spreadsheet.",
		"criteria":         map[string]any{"narrative": "Completed four graded labs and a final project."},
		"creditsAvailable": 3,
		"alignment": []any{
			map[string]any{"type": []any{"Alignment"}, "targetName": "Analyse data", "targetFramework": "Skills for Success",
				"targetCode": "NUM-3", "targetUrl": "https://frameworks.example.ca/num-3", "targetType": "CFItem"},
			map[string]any{"type": []any{"Alignment"}, "targetName": "Communicate findings", "targetFramework": "Skills for Success",
				"targetCode": "COM-2", "targetUrl": "https://frameworks.example.ca/com-2"},
		},
		"resultDescription": []any{map[string]any{
			"id": "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c", "type": []any{"ResultDescription"},
			"name": "Hours of instruction", "resultType": "ext:Hours",
		}},
	}
	for k, v := range o.Achievement {
		achievement[k] = v
	}
	issuer := map[string]any{"id": o.Issuer, "type": []any{"Profile"}, "name": "Collège Exemple / Example College"}
	subject := map[string]any{
		"type":        []any{"AchievementSubject"},
		"achievement": achievement,
		"result": []any{map[string]any{
			"type": []any{"Result"}, "resultDescription": "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c", "value": "45",
		}},
	}
	if o.Recipient != "" {
		subject["identifier"] = []any{map[string]any{
			"type": "IdentityObject", "hashed": true, "identityHash": IdentityHash(o.Recipient, o.Salt),
			"identityType": "emailAddress", "salt": o.Salt,
		}}
	}
	c := map[string]any{
		"@context":          toAny(o.Contexts),
		"id":                o.ID,
		"type":              []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":              o.Name,
		"issuer":            issuer,
		"validFrom":         o.ValidFrom,
		"credentialSubject": subject,
	}
	if o.ValidUntil != "" {
		c["validUntil"] = o.ValidUntil
	}
	if o.Status != nil {
		c["credentialStatus"] = o.Status
	}
	return c
}

// JSON returns the unsigned credential's JSON.
func (o OB3) JSON() []byte { return marshal(o.Credential()) }

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
