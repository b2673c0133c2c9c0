package plar

import (
	"strconv"
	"strings"
	"unicode"

	"passerelle/fault"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// NoColumn marks a role (code, English text, French text) that no column of the file holds.
const NoColumn = -1

// ColumnsField is the field of every refusal caused by the column mapping rather than by a
// row, so a caller (the headless command) can tell a wrong --columns from a wrong file.
const ColumnsField = "columns"

// Columns says which column of an outcomes file holds the code, the English text and the
// French text: 0-based indexes into the header, or NoColumn. The learner confirms or changes
// the guess before an import, because institutions name their columns in many ways.
type Columns struct {
	Code int `json:"code"`
	EN   int `json:"en"`
	FR   int `json:"fr"`
}

// noColumns is a mapping with no role assigned, the start of every guess.
func noColumns() Columns { return Columns{Code: NoColumn, EN: NoColumn, FR: NoColumn} }

// check refuses a mapping that cannot give outcomes: a column outside the header, no code
// column, no text column, or one column given two roles.
func (c Columns) check(header []string) error {
	for _, i := range []int{c.Code, c.EN, c.FR} {
		if i != NoColumn && (i < 0 || i >= len(header)) {
			return fault.New(fault.Invalid, ColumnsField, "ErrImportColumnNumber", "Number", i+1, "Count", len(header))
		}
	}
	if c.Code == NoColumn {
		return fault.New(fault.Invalid, ColumnsField, "ErrImportNoCodeColumn")
	}
	if c.EN == NoColumn && c.FR == NoColumn {
		return fault.New(fault.Invalid, ColumnsField, "ErrImportNoTextColumn")
	}
	if c.Code == c.EN || c.Code == c.FR || (c.EN != NoColumn && c.EN == c.FR) {
		twice := c.Code
		if c.Code != c.EN && c.Code != c.FR {
			twice = c.EN
		}
		return fault.New(fault.Invalid, ColumnsField, "ErrImportColumnTwice", "Column", columnName(header, twice))
	}
	return nil
}

// columnName is how a message names a column: its header, or its number when the header is blank.
func columnName(header []string, i int) string {
	if i >= 0 && i < len(header) && strings.TrimSpace(header[i]) != "" {
		return strings.TrimSpace(header[i])
	}
	return strconv.Itoa(i + 1)
}

// role is what a header says its column holds, with a rank: lower is a surer match.
type role struct {
	kind string // "code", "en", "fr" or ""
	rank int
}

// Words that name a column's content or language, once accents, case and punctuation are
// gone ("Résultat d'apprentissage" → resultat, d, apprentissage; "N°" → n; "text_en" → text, en).
// Words that also name other things a course file holds ("title", "apprentissage" as in
// "Heures d'apprentissage") are left out, so such a column is never taken for the outcomes.
var (
	codeWords = map[string]int{"code": 0, "codes": 0, "numero": 1, "no": 1, "num": 1, "n": 1, "nº": 1,
		"number": 1, "nr": 1, "identifiant": 2, "id": 2, "identifier": 2, "ref": 2, "reference": 2, "cle": 2, "key": 2}
	// "en" is also a French preposition ("Heures en classe"): it names English only as the last word.
	enWords = map[string]bool{"eng": true, "english": true, "anglais": true, "anglaise": true}
	frWords = map[string]bool{"fr": true, "fra": true, "fre": true, "french": true, "francais": true,
		"francaise": true}
	// Text words that imply a language when the header names none.
	enTextWords = map[string]bool{"outcome": true, "outcomes": true, "text": true, "description": true,
		"statement": true, "wording": true, "competency": true}
	frTextWords = map[string]bool{"resultat": true, "resultats": true, "texte": true, "enonce": true,
		"enonces": true, "libelle": true, "competence": true, "competences": true}
)

// headerWords folds a header to the words that identify it: no accents, lower case, split on
// anything that is not a letter or a digit and where a lower-case letter meets a capital
// ("textEn" → text, en).
func headerWords(h string) []string {
	var b strings.Builder
	prevLower := false
	for _, r := range h {
		if prevLower && unicode.IsUpper(r) {
			b.WriteRune(' ')
		}
		b.WriteRune(r)
		prevLower = unicode.IsLower(r)
	}
	return strings.FieldsFunc(foldHeader(b.String()), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// foldHeader lowers a header and removes its accents, so "Résultat", "RESULTAT" and
// "resultat" compare equal.
func foldHeader(h string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, h)
	if err != nil {
		folded = h
	}
	return strings.ToLower(strings.TrimSpace(folded))
}

// classify reads one header: a code column, a text column in a language, or neither. A header
// that names its language outranks one whose words only suggest it ("Outcome" is English,
// "Résultat" French), and a code word outranks both.
func classify(h string) role {
	words := headerWords(h)
	code := role{}
	en, fr, enText, frText := false, false, false, false
	for i, w := range words {
		if r, ok := codeWords[w]; ok && (code.kind == "" || r < code.rank) {
			code = role{kind: "code", rank: r}
		}
		en = en || enWords[w] || (w == "en" && i == len(words)-1)
		fr = fr || frWords[w]
		enText = enText || enTextWords[w]
		frText = frText || frTextWords[w]
	}
	named := 1 // a language alone ("English") is a little less sure than "Outcome (EN)"
	if enText || frText {
		named = 0
	}
	switch {
	case code.kind != "":
		return code
	case en && !fr:
		return role{kind: "en", rank: named}
	case fr && !en:
		return role{kind: "fr", rank: named}
	case frText && !enText:
		return role{kind: "fr", rank: 2}
	case enText && !frText:
		return role{kind: "en", rank: 2}
	case enText && frText:
		// "Outcome / Résultat": a bilingual header; English first, the French column is chosen by hand.
		return role{kind: "en", rank: 3}
	}
	return role{}
}

// GuessColumns reads a header row and guesses which column holds the code and each language's
// text: "code", "Numéro", "No.", "ID"…; "text_en", "Outcome", "English", "Description"…;
// "text_fr", "Résultat d'apprentissage", "Français", "Énoncé"… (case, accents and spaces do not
// matter). Among several candidates the surest wins, then the leftmost.
func GuessColumns(header []string) Columns {
	c := noColumns()
	ranks := map[string]int{}
	for i, h := range header {
		r := classify(h)
		if r.kind == "" {
			continue
		}
		if best, seen := ranks[r.kind]; seen && best <= r.rank {
			continue
		}
		ranks[r.kind] = r.rank
		switch r.kind {
		case "code":
			c.Code = i
		case "en":
			c.EN = i
		case "fr":
			c.FR = i
		}
	}
	return c
}

// ColumnChoice is a mapping the way a person writes it: each role names a column by its
// header or by its number (1 is the first); an empty role is guessed from the header.
type ColumnChoice struct {
	Code, EN, FR string
}

// ParseColumnChoice reads "code=Numéro,en=2,fr=Résultat" (the headless --columns flag). A
// column name with a comma in it cannot be written here: give its number instead.
func ParseColumnChoice(spec string) (ColumnChoice, error) {
	var c ColumnChoice
	bad := func() error {
		return fault.New(fault.Invalid, ColumnsField, "ErrImportColumnsSpec", "Spec", spec)
	}
	if strings.TrimSpace(spec) == "" {
		return c, bad()
	}
	seen := map[string]bool{}
	for _, part := range strings.Split(spec, ",") {
		key, value, ok := strings.Cut(part, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		if !ok || value == "" || strings.Contains(value, "=") || seen[key] {
			return c, bad()
		}
		seen[key] = true
		switch key {
		case "code":
			c.Code = value
		case "en":
			c.EN = value
		case "fr":
			c.FR = value
		default:
			return c, bad()
		}
	}
	return c, nil
}

// resolve turns a written choice into column indexes against the file's header: a number is
// a position, anything else a header compared without case, accents or surrounding spaces.
// Roles left empty keep the guess unless the guessed column was given to another role.
func (ch ColumnChoice) resolve(header []string) (Columns, error) {
	c := GuessColumns(header)
	chosen := map[int]bool{}
	for _, r := range []struct {
		value string
		dst   *int
	}{{ch.Code, &c.Code}, {ch.EN, &c.EN}, {ch.FR, &c.FR}} {
		if r.value == "" {
			continue
		}
		i, err := findColumn(header, r.value)
		if err != nil {
			return c, err
		}
		*r.dst = i
		chosen[i] = true
	}
	for _, r := range []struct {
		value string
		dst   *int
	}{{ch.Code, &c.Code}, {ch.EN, &c.EN}, {ch.FR, &c.FR}} {
		if r.value == "" && chosen[*r.dst] {
			*r.dst = NoColumn
		}
	}
	return c, c.check(header)
}

// findColumn finds one column by number or by header.
func findColumn(header []string, value string) (int, error) {
	if n, err := strconv.Atoi(value); err == nil {
		if n < 1 || n > len(header) {
			return 0, fault.New(fault.Invalid, ColumnsField, "ErrImportColumnNumber", "Number", n, "Count", len(header))
		}
		return n - 1, nil
	}
	want := strings.Join(headerWords(value), " ")
	for i, h := range header {
		if strings.Join(headerWords(h), " ") == want && want != "" {
			return i, nil
		}
	}
	names := make([]string, len(header))
	for i := range header {
		names[i] = columnName(header, i)
	}
	return 0, fault.New(fault.Invalid, ColumnsField, "ErrImportColumnMissing", "Column", value,
		"Columns", strings.Join(names, " · "))
}
