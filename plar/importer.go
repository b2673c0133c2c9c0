package plar

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"passerelle/fault"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxImportSize bounds an outcomes file; a real course's list is a few kilobytes.
const MaxImportSize = 2 << 20

// ParseOutcomes reads a list of learning outcomes from an institution's CSV or JSON file.
// It reads the whole file before returning anything, so a bad row refuses the file; every
// refusal names the row and the reason. UTF-8 with or without BOM, LF or CRLF, comma or
// semicolon separated (as French spreadsheets write them).
func ParseOutcomes(data []byte) ([]Outcome, error) {
	if len(data) > MaxImportSize {
		return nil, fault.New(fault.TooLarge, "", "ErrImportTooLarge", "MaxKB", MaxImportSize>>10)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, fault.New(fault.Invalid, "", "ErrImportEncoding", "Row", firstInvalidLine(data))
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, fault.New(fault.Invalid, "", "ErrImportEmpty")
	}
	var out []Outcome
	var err error
	if trimmed[0] == '{' || trimmed[0] == '[' {
		out, err = parseJSON(trimmed)
	} else {
		out, err = parseCSV(data)
	}
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fault.New(fault.Invalid, "", "ErrImportEmpty")
	}
	if len(out) > MaxOutcomes {
		return nil, fault.New(fault.TooLarge, "", "ErrTooManyOutcomes", "Max", MaxOutcomes)
	}
	return out, nil
}

func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// rows collects parsed outcomes, refusing blank codes, blank texts and repeated codes.
type rows struct {
	out   []Outcome
	first map[string]int
}

func (r *rows) add(row int, o Outcome) error {
	if strings.TrimSpace(o.Code) == "" {
		return fault.New(fault.Invalid, "", "ErrImportRowNoCode", "Row", row)
	}
	if strings.TrimSpace(o.TextEN) == "" && strings.TrimSpace(o.TextFR) == "" {
		return fault.New(fault.Invalid, "", "ErrImportRowNoText", "Row", row, "Code", o.Code)
	}
	o, err := cleanOutcome(o)
	if err != nil {
		return fault.New(fault.Invalid, "", "ErrImportRowText", "Row", row, "Code", o.Code)
	}
	key := strings.ToLower(o.Code)
	if first, ok := r.first[key]; ok {
		return fault.New(fault.Invalid, "", "ErrImportDuplicateCode", "Row", row, "Code", o.Code, "FirstRow", first)
	}
	r.first[key] = row
	r.out = append(r.out, o)
	return nil
}

func parseCSV(data []byte) ([]Outcome, error) {
	header, _, _ := bytes.Cut(data, []byte("\n"))
	sep := ','
	if bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(",")) {
		sep = ';'
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if err != nil {
		return nil, fault.New(fault.Invalid, "", "ErrImportColumns")
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	codeCol, hasCode := col["code"]
	enCol, hasEN := col["text_en"]
	frCol, hasFR := col["text_fr"]
	if !hasCode || (!hasEN && !hasFR) {
		return nil, fault.New(fault.Invalid, "", "ErrImportColumns")
	}
	get := func(rec []string, i int, ok bool) string {
		if !ok || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	acc := rows{first: map[string]int{}}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, fault.New(fault.Invalid, "", "ErrImportMalformed", "Row", line)
		}
		line, _ := r.FieldPos(0)
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		o := Outcome{Code: get(rec, codeCol, true), TextEN: get(rec, enCol, hasEN), TextFR: get(rec, frCol, hasFR)}
		if err := acc.add(line, o); err != nil {
			return nil, err
		}
	}
	return acc.out, nil
}

// jsonOutcomes is the JSON format: an object with an "outcomes" array, or the array itself.
type jsonOutcomes struct {
	Outcomes []jsonOutcome `json:"outcomes"`
}

type jsonOutcome struct {
	Code   string `json:"code"`
	TextEN string `json:"textEn"`
	TextFR string `json:"textFr"`
}

func parseJSON(data []byte) ([]Outcome, error) {
	var list []jsonOutcome
	if data[0] == '[' {
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, jsonError(err)
		}
	} else {
		var doc jsonOutcomes
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, jsonError(err)
		}
		list = doc.Outcomes
	}
	acc := rows{first: map[string]int{}}
	for i, o := range list {
		if err := acc.add(i+1, Outcome{Code: o.Code, TextEN: o.TextEN, TextFR: o.TextFR}); err != nil {
			return nil, err
		}
	}
	return acc.out, nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fault.New(fault.Invalid, "", "ErrImportJSONSyntax", "Offset", syn.Offset)
	}
	return fault.New(fault.Invalid, "", "ErrImportJSONShape")
}

// ReadOutcomesFile reads and parses an outcomes file the learner chose, refusing one beyond
// MaxImportSize before reading it.
func ReadOutcomesFile(path string) ([]Outcome, error) {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil, fault.New(fault.NotFound, "", "ErrImportUnreadable", "Name", filepath.Base(path))
	}
	if info.Size() > MaxImportSize {
		return nil, fault.New(fault.TooLarge, "", "ErrImportTooLarge", "MaxKB", MaxImportSize>>10)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fault.New(fault.NotFound, "", "ErrImportUnreadable", "Name", filepath.Base(path))
	}
	return ParseOutcomes(data)
}
