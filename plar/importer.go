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

// PreviewRows is how many rows a preview shows: enough to recognise the columns.
const PreviewRows = 5

// Preview is an outcomes file as the learner sees it before importing: its columns, its first
// rows, how many rows it has, and which columns look like the code and the texts.
type Preview struct {
	Format string     `json:"format"`
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
	Count  int        `json:"count"`
	Guess  Columns    `json:"guess"`
}

// PreviewOutcomes reads a whole outcomes file (so a broken one is refused now, not after the
// learner has chosen columns) and returns its header, first rows and guessed columns.
func PreviewOutcomes(data []byte) (Preview, error) {
	t, err := readTable(data)
	if err != nil {
		return Preview{}, err
	}
	p := Preview{Format: t.format, Header: t.header, Rows: [][]string{}, Count: len(t.rows), Guess: GuessColumns(t.header)}
	for _, r := range t.rows[:min(len(t.rows), PreviewRows)] {
		cells := make([]string, len(t.header))
		copy(cells, r.cells)
		p.Rows = append(p.Rows, cells)
	}
	return p, nil
}

// ParseOutcomes reads a list of learning outcomes from an institution's CSV or JSON file,
// finding the columns by their names (GuessColumns). It reads the whole file before returning
// anything, so a bad row refuses the file; every refusal names the row and the reason. UTF-8
// with or without BOM, LF or CRLF, comma or semicolon separated (as French spreadsheets write
// them).
func ParseOutcomes(data []byte) ([]Outcome, error) {
	t, err := readTable(data)
	if err != nil {
		return nil, err
	}
	c := GuessColumns(t.header)
	if c.check(t.header) != nil {
		return nil, fault.New(fault.Invalid, ColumnsField, "ErrImportColumns")
	}
	return t.outcomes(c)
}

// ParseOutcomesWith reads the outcomes from the columns the learner chose, all or nothing.
func ParseOutcomesWith(data []byte, c Columns) ([]Outcome, error) {
	t, err := readTable(data)
	if err != nil {
		return nil, err
	}
	if err := c.check(t.header); err != nil {
		return nil, err
	}
	return t.outcomes(c)
}

// ParseOutcomesChoosing reads the outcomes from columns named or numbered by a person (the
// headless --columns flag); roles left out are guessed from the header.
func ParseOutcomesChoosing(data []byte, ch ColumnChoice) ([]Outcome, error) {
	t, err := readTable(data)
	if err != nil {
		return nil, err
	}
	c, err := ch.resolve(t.header)
	if err != nil {
		return nil, err
	}
	return t.outcomes(c)
}

// table is an outcomes file read into its header and its non-blank rows.
type table struct {
	format string
	header []string
	rows   []tableRow
}

// tableRow is one row of a table, with the line (CSV) or position (JSON) a message names.
type tableRow struct {
	line  int
	cells []string
}

func readTable(data []byte) (table, error) {
	if len(data) > MaxImportSize {
		return table{}, fault.New(fault.TooLarge, "", "ErrImportTooLarge", "MaxKB", MaxImportSize>>10)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return table{}, fault.New(fault.Invalid, "", "ErrImportEncoding", "Row", firstInvalidLine(data))
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return table{}, fault.New(fault.Invalid, "", "ErrImportEmpty")
	}
	var t table
	var err error
	if trimmed[0] == '{' || trimmed[0] == '[' {
		t, err = jsonTable(trimmed)
	} else {
		t, err = csvTable(data)
	}
	if err != nil {
		return table{}, err
	}
	if len(t.rows) == 0 {
		return table{}, fault.New(fault.Invalid, "", "ErrImportEmpty")
	}
	return t, nil
}

// outcomes takes each row's code and texts from the chosen columns, refusing the whole file
// at the first bad row.
func (t table) outcomes(c Columns) ([]Outcome, error) {
	get := func(cells []string, i int) string {
		if i == NoColumn || i >= len(cells) {
			return ""
		}
		return cells[i]
	}
	acc := rows{first: map[string]int{}}
	for _, r := range t.rows {
		o := Outcome{Code: get(r.cells, c.Code), TextEN: get(r.cells, c.EN), TextFR: get(r.cells, c.FR)}
		if err := acc.add(r.line, o); err != nil {
			return nil, err
		}
	}
	if len(acc.out) > MaxOutcomes {
		return nil, fault.New(fault.TooLarge, "", "ErrTooManyOutcomes", "Max", MaxOutcomes)
	}
	return acc.out, nil
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

func csvTable(data []byte) (table, error) {
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
		return table{}, fault.New(fault.Invalid, "", "ErrImportMalformed", "Row", 1)
	}
	t := table{format: "csv", header: make([]string, len(head))}
	for i, h := range head {
		t.header[i] = strings.TrimSpace(h)
	}
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
			return table{}, fault.New(fault.Invalid, "", "ErrImportMalformed", "Row", line)
		}
		line, _ := r.FieldPos(0)
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		t.rows = append(t.rows, tableRow{line: line, cells: rec})
	}
	return t, nil
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

// jsonHeader names the columns of a JSON file the way its keys do.
var jsonHeader = []string{"code", "textEn", "textFr"}

func jsonTable(data []byte) (table, error) {
	var list []jsonOutcome
	if data[0] == '[' {
		if err := json.Unmarshal(data, &list); err != nil {
			return table{}, jsonError(err)
		}
	} else {
		var doc jsonOutcomes
		if err := json.Unmarshal(data, &doc); err != nil {
			return table{}, jsonError(err)
		}
		list = doc.Outcomes
	}
	t := table{format: "json", header: append([]string(nil), jsonHeader...)}
	for i, o := range list {
		t.rows = append(t.rows, tableRow{line: i + 1, cells: []string{o.Code, o.TextEN, o.TextFR}})
	}
	return t, nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fault.New(fault.Invalid, "", "ErrImportJSONSyntax", "Offset", syn.Offset)
	}
	return fault.New(fault.Invalid, "", "ErrImportJSONShape")
}

// ReadOutcomesFile reads an outcomes file the learner chose, refusing one beyond
// MaxImportSize before reading it.
func ReadOutcomesFile(path string) ([]byte, error) {
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
	return data, nil
}
