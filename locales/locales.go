// Package locales holds the app's messages in English and French: the one source of text for
// Go and for the frontend, so the two can never disagree.
package locales

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed en.json fr.json
var files embed.FS

// Languages are the languages the app speaks, the first being the fallback.
func Languages() []string { return []string{"en", "fr"} }

// Catalog translates message IDs into the active language.
type Catalog struct {
	bundle *i18n.Bundle
	raw    map[string]map[string]json.RawMessage
}

// New loads both message files; it fails only if a file is malformed.
func New() (*Catalog, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	c := &Catalog{bundle: b, raw: map[string]map[string]json.RawMessage{}}
	for _, lang := range Languages() {
		data, err := files.ReadFile(lang + ".json")
		if err != nil {
			return nil, fmt.Errorf("read %s messages: %w", lang, err)
		}
		if _, err := b.ParseMessageFileBytes(data, lang+".json"); err != nil {
			return nil, fmt.Errorf("parse %s messages: %w", lang, err)
		}
		m := map[string]json.RawMessage{}
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("parse %s messages: %w", lang, err)
		}
		c.raw[lang] = m
	}
	return c, nil
}

// Normalize maps any locale name (fr_CA.UTF-8, en-US, FR) to a language the app speaks.
func Normalize(locale string) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(locale)), "fr") {
		return "fr"
	}
	return "en"
}

// Text translates id with args; a missing message yields the ID itself, never a panic.
func (c *Catalog) Text(lang, id string, args map[string]any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: args}
	if n, ok := args["Count"]; ok {
		cfg.PluralCount = n
	}
	s, err := i18n.NewLocalizer(c.bundle, Normalize(lang)).Localize(cfg)
	if err != nil || s == "" {
		return id
	}
	return s
}

// Messages returns every message of lang for the frontend: "Id" holds the "other" form and
// "Id.one" the singular where there is one.
func (c *Catalog) Messages(lang string) map[string]string {
	out := map[string]string{}
	for id, raw := range c.raw[Normalize(lang)] {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			out[id] = s
			continue
		}
		var forms map[string]string
		if json.Unmarshal(raw, &forms) == nil {
			for form, text := range forms {
				if form == "other" {
					out[id] = text
				} else if form == "one" {
					out[id+".one"] = text
				}
			}
		}
	}
	return out
}

// IDs lists every message ID of lang, for tests that compare the two files.
func (c *Catalog) IDs(lang string) []string {
	var ids []string
	for id := range c.raw[lang] {
		ids = append(ids, id)
	}
	return ids
}
