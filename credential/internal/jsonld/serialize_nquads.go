// Copyright 2015-2017 Piprate Limited
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package jsonld

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NQuadRDFSerializer parses and serializes N-Quads.
type NQuadRDFSerializer struct {
}

// Parse N-Quads from string into an RDFDataset.
func (s *NQuadRDFSerializer) Parse(input interface{}) (*RDFDataset, error) {
	return ParseNQuadsFrom(input)
}

// SerializeTo writes RDFDataset as N-Quad into a writer.
func (s *NQuadRDFSerializer) SerializeTo(w io.Writer, dataset *RDFDataset) error {
	for graphName, triples := range dataset.Graphs {
		if graphName == "@default" {
			graphName = ""
		}
		for _, triple := range triples {
			q := toNQuad(triple, graphName)
			if _, err := fmt.Fprint(w, q); err != nil {
				return NewJsonLdError(IOError, err)
			}
		}
	}
	return nil
}

// Serialize an RDFDataset into N-Quad string.
func (s *NQuadRDFSerializer) Serialize(dataset *RDFDataset) (interface{}, error) {
	buf := bytes.NewBuffer(nil)
	if err := s.SerializeTo(buf, dataset); err != nil {
		return nil, err
	}
	return buf.String(), nil
}

func toNQuad(triple *Quad, graphName string) string {

	s := triple.Subject
	p := triple.Predicate
	o := triple.Object

	q := ""

	// subject is an IRI or bnode
	if IsIRI(s) {
		q += "<" + escape(s.GetValue()) + ">"
	} else {
		q += s.GetValue()
	}

	if IsIRI(p) {
		q += " <" + escape(p.GetValue()) + "> "
	} else {
		q += " " + escape(p.GetValue()) + " "
	}

	// object is IRI, bnode or literal
	if IsIRI(o) {
		q += "<" + escape(o.GetValue()) + ">"
	} else if IsBlankNode(o) {
		q += o.GetValue()
	} else {
		literal := o.(Literal)
		escaped := escape(literal.GetValue())
		q += "\"" + escaped + "\""
		if literal.Datatype == RDFLangString {
			q += "@" + literal.Language
		} else if literal.Datatype != XSDString {
			q += "^^<" + escape(literal.Datatype) + ">"
		}
	}

	// graph
	if graphName != "" {
		if strings.Index(graphName, "_:") != 0 {
			q += " <" + escape(graphName) + ">"
		} else {
			q += " " + graphName
		}
	}

	q += " .\n"

	return q
}

func escape(str string) string {
	str = strings.ReplaceAll(str, "\\", "\\\\")
	str = strings.ReplaceAll(str, "\"", "\\\"")
	str = strings.ReplaceAll(str, "\n", "\\n")
	str = strings.ReplaceAll(str, "\r", "\\r")
	str = strings.ReplaceAll(str, "\t", "\\t")
	return str
}

type lineScanner interface {
	Bytes() []byte
	Scan() bool
	Err() error
}

type bytesLineScanner struct {
	err   error
	b     []byte
	token []byte
	i     int
}

func (ls *bytesLineScanner) Err() error { return ls.err }
func (ls *bytesLineScanner) Scan() bool {
	b, i := ls.b, ls.i
	if ls.err != nil || i >= len(b) {
		return false
	}
	di, token, err := bufio.ScanLines(b[i:], true)
	if err != nil {
		ls.err = err
		return false
	}
	ls.token = token
	ls.i += di
	return true
}
func (ls *bytesLineScanner) Bytes() []byte {
	return ls.token
}

func newScannerFor(o interface{}) (lineScanner, error) {
	switch inp := o.(type) {
	case []byte:
		return &bytesLineScanner{b: inp}, nil
	case string:
		return &bytesLineScanner{b: []byte(inp)}, nil
	case io.Reader:
		return bufio.NewScanner(inp), nil
	default:
		return nil, NewJsonLdError(InvalidInput, "expected []byte, string or io.Reader")
	}
}

// ParseNQuadsFrom parses RDF in the form of N-Quads from io.Reader, []byte or string.
func ParseNQuadsFrom(o interface{}) (*RDFDataset, error) {

	// build RDF dataset
	dataset := NewRDFDataset()

	// maintain a set of triples for each graph to check for duplicates
	triplesByGraph := make(map[string]map[Quad]struct{})
	dataset.parsedWithoutDuplicates = true // the following code ensures that no duplicate quads are added

	scanner, err := newScannerFor(o)
	if err != nil {
		return nil, err
	}

	// scan N-Quad input lines
	lineNumber := 0
	for scanner.Scan() {
		line := scanner.Bytes()
		lineNumber++

		// skip empty lines
		if isEmpty(line) {
			continue
		}

		// parse quad (Passerelle's copy: its own parser below, in place of cayleygraph's)
		subject, predicate, object, name, err := parseQuadLine(line)
		if err != nil {
			return nil, NewJsonLdError(SyntaxError, fmt.Errorf("error while parsing N-Quads; invalid quad. line: %d. reason: %w", lineNumber, err))
		}

		triple := NewQuad(subject, predicate, object, name)

		// initialise graph in dataset
		triples, present := dataset.Graphs[name]
		if triplesByGraph[name] == nil {
			triplesByGraph[name] = make(map[Quad]struct{})
		}

		if !present {
			dataset.Graphs[name] = []*Quad{triple}
		} else {
			// add triple if unique to its graph
			if _, hasTriple := triplesByGraph[name][*triple]; !hasTriple {
				dataset.Graphs[name] = append(triples, triple)
			}
		}
		triplesByGraph[name][*triple] = struct{}{}
	}
	if err := scanner.Err(); err != nil {
		return nil, NewJsonLdError(IOError, err)
	}

	return dataset, nil
}

// ParseNQuads parses RDF in the form of N-Quads.
func ParseNQuads(input string) (*RDFDataset, error) {
	return ParseNQuadsFrom(input)
}

func isEmpty(line []byte) bool {
	for _, b := range line {
		if b == '#' {
			return true
		}
		if b != ' ' && b != '\t' {
			return false
		}
	}
	return true
}

// The N-Quads line parser below replaces json-gold's use of github.com/cayleygraph/quad
// (Passerelle's copy): it reads one statement of the N-Quads grammar
// (https://www.w3.org/TR/n-quads/#sec-grammar) — subject, predicate, object, optional graph
// label, '.' and an optional comment — and unescapes IRIs (UCHAR) and literals (ECHAR, UCHAR).

// quadLexer walks one N-Quads line.
type quadLexer struct {
	s string
	i int
}

func (l *quadLexer) skipSpace() {
	for l.i < len(l.s) && (l.s[l.i] == ' ' || l.s[l.i] == '\t') {
		l.i++
	}
}

func (l *quadLexer) peek() byte {
	if l.i < len(l.s) {
		return l.s[l.i]
	}
	return 0
}

// parseQuadLine parses one non-empty N-Quads line; the graph name is "@default" when the
// statement has no graph label.
func parseQuadLine(line []byte) (subject, predicate, object Node, graph string, err error) {
	l := &quadLexer{s: string(line)}
	l.skipSpace()
	switch l.peek() {
	case '<':
		subject, err = l.iri()
	case '_':
		subject, err = l.blankNode()
	default:
		err = fmt.Errorf("invalid subject at column %d", l.i+1)
	}
	if err != nil {
		return nil, nil, nil, "", err
	}
	l.skipSpace()
	if l.peek() != '<' {
		return nil, nil, nil, "", fmt.Errorf("invalid predicate at column %d", l.i+1)
	}
	if predicate, err = l.iri(); err != nil {
		return nil, nil, nil, "", err
	}
	l.skipSpace()
	switch l.peek() {
	case '<':
		object, err = l.iri()
	case '_':
		object, err = l.blankNode()
	case '"':
		object, err = l.literal()
	default:
		err = fmt.Errorf("invalid object at column %d", l.i+1)
	}
	if err != nil {
		return nil, nil, nil, "", err
	}
	l.skipSpace()
	graph = "@default"
	switch l.peek() {
	case '<':
		var g Node
		if g, err = l.iri(); err != nil {
			return nil, nil, nil, "", err
		}
		graph = g.GetValue()
	case '_':
		var g Node
		if g, err = l.blankNode(); err != nil {
			return nil, nil, nil, "", err
		}
		graph = g.GetValue()
	}
	l.skipSpace()
	if l.peek() != '.' {
		return nil, nil, nil, "", fmt.Errorf("expected '.' at column %d", l.i+1)
	}
	l.i++
	l.skipSpace()
	if l.i < len(l.s) && l.s[l.i] != '#' {
		return nil, nil, nil, "", fmt.Errorf("unexpected text after '.' at column %d", l.i+1)
	}
	return subject, predicate, object, graph, nil
}

// iri reads an IRIREF: <...> with UCHAR escapes and none of the characters the grammar excludes.
func (l *quadLexer) iri() (Node, error) {
	start := l.i
	l.i++ // '<'
	var b strings.Builder
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case c == '>':
			l.i++
			return NewIRI(b.String()), nil
		case c == '\\':
			r, err := l.uchar()
			if err != nil {
				return nil, err
			}
			b.WriteRune(r)
		case c <= 0x20 || strings.IndexByte("<\"{}|^`", c) >= 0:
			return nil, fmt.Errorf("invalid character in IRI at column %d", l.i+1)
		default:
			b.WriteByte(c)
			l.i++
		}
	}
	return nil, fmt.Errorf("unterminated IRI at column %d", start+1)
}

// blankNode reads a BLANK_NODE_LABEL: _: then a label that may hold '.' but not end with one.
func (l *quadLexer) blankNode() (Node, error) {
	start := l.i
	if !strings.HasPrefix(l.s[l.i:], "_:") {
		return nil, fmt.Errorf("invalid blank node at column %d", start+1)
	}
	l.i += 2
	for l.i < len(l.s) {
		c := l.s[l.i]
		if c == ' ' || c == '\t' || c == '<' || c == '"' || c == '#' {
			break
		}
		l.i++
	}
	for l.i > start+2 && l.s[l.i-1] == '.' {
		l.i--
	}
	if l.i == start+2 {
		return nil, fmt.Errorf("empty blank node label at column %d", start+1)
	}
	label := l.s[start:l.i]
	if !utf8.ValidString(label) || strings.HasPrefix(label[2:], "-") || strings.HasPrefix(label[2:], ".") {
		return nil, fmt.Errorf("invalid blank node label at column %d", start+1)
	}
	return NewBlankNode(label), nil
}

// literal reads a STRING_LITERAL_QUOTE with an optional language tag or datatype IRI.
func (l *quadLexer) literal() (Node, error) {
	start := l.i
	l.i++ // '"'
	var b strings.Builder
	closed := false
	for l.i < len(l.s) && !closed {
		c := l.s[l.i]
		switch c {
		case '"':
			l.i++
			closed = true
		case '\\':
			if l.i+1 >= len(l.s) {
				return nil, fmt.Errorf("unterminated escape at column %d", l.i+1)
			}
			switch e := l.s[l.i+1]; e {
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			case '"', '\'', '\\':
				b.WriteByte(e)
			case 'u', 'U':
				r, err := l.uchar()
				if err != nil {
					return nil, err
				}
				b.WriteRune(r)
				continue
			default:
				return nil, fmt.Errorf("invalid escape at column %d", l.i+1)
			}
			l.i += 2
		case '\n', '\r':
			return nil, fmt.Errorf("line break in literal at column %d", l.i+1)
		default:
			b.WriteByte(c)
			l.i++
		}
	}
	if !closed {
		return nil, fmt.Errorf("unterminated literal at column %d", start+1)
	}
	value := b.String()
	switch {
	case l.peek() == '@':
		l.i++
		tagStart := l.i
		for l.i < len(l.s) {
			c := l.s[l.i]
			if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (l.i > tagStart && (c == '-' || (c >= '0' && c <= '9'))) {
				l.i++
				continue
			}
			break
		}
		if l.i == tagStart {
			return nil, fmt.Errorf("empty language tag at column %d", tagStart+1)
		}
		return NewLiteral(value, RDFLangString, l.s[tagStart:l.i]), nil
	case strings.HasPrefix(l.s[l.i:], "^^"):
		l.i += 2
		if l.peek() != '<' {
			return nil, fmt.Errorf("invalid datatype at column %d", l.i+1)
		}
		dt, err := l.iri()
		if err != nil {
			return nil, err
		}
		return NewLiteral(value, dt.GetValue(), ""), nil
	}
	return NewLiteral(value, XSDString, ""), nil
}

// uchar reads \uXXXX or \UXXXXXXXX at the lexer's position.
func (l *quadLexer) uchar() (rune, error) {
	n := 0
	if l.i+1 < len(l.s) {
		switch l.s[l.i+1] {
		case 'u':
			n = 4
		case 'U':
			n = 8
		}
	}
	if n == 0 || l.i+2+n > len(l.s) {
		return 0, fmt.Errorf("invalid escape at column %d", l.i+1)
	}
	v, err := strconv.ParseUint(l.s[l.i+2:l.i+2+n], 16, 32)
	if err != nil || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
		return 0, fmt.Errorf("invalid escape at column %d", l.i+1)
	}
	l.i += 2 + n
	return rune(v), nil
}
