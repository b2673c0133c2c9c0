package credential

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"passerelle/credential/internal/jsonld"
)

// This file is RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024), written here
// rather than taken from json-gold, whose version writes control characters raw in N-Quads
// (W3C rdf-canon test060) — both in the output and inside the hashes that name blank nodes, so
// a signer that follows the standard and json-gold disagree. json-gold still turns JSON-LD into
// RDF; the canonical form, its escaping and its blank-node labels are computed here.

// maxHashNDegree bounds the work on blank nodes: RDFC-1.0 is exponential on crafted graphs
// ("poison" datasets); a credential needs a few dozen steps.
const maxHashNDegree = 20000

// errTooComplex is returned for a dataset whose blank nodes would take too long to label.
var errTooComplex = errors.New("rdfc: dataset too complex to canonicalise")

// termKind tells IRIs, blank nodes and literals apart.
type termKind byte

const (
	kindIRI termKind = iota
	kindBlank
	kindLiteral
)

// term is one RDF term; a zero graph term (value "") is the default graph.
type term struct {
	kind     termKind
	value    string
	datatype string
	lang     string
}

// quad is one RDF statement in a named or the default graph.
type quad struct {
	s, p, o, g term
}

const (
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	xsdString     = "http://www.w3.org/2001/XMLSchema#string"
)

// quadsOf converts json-gold's dataset into quads.
func quadsOf(ds *jsonld.RDFDataset) []quad {
	var out []quad
	names := make([]string, 0, len(ds.Graphs))
	for name := range ds.Graphs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var g term
		if name != "@default" {
			g = termOf(graphNode(name))
		}
		for _, q := range ds.Graphs[name] {
			out = append(out, quad{s: termOf(q.Subject), p: termOf(q.Predicate), o: termOf(q.Object), g: g})
		}
	}
	return out
}

func graphNode(name string) jsonld.Node {
	if strings.HasPrefix(name, "_:") {
		return jsonld.NewBlankNode(name)
	}
	return jsonld.NewIRI(name)
}

func termOf(n jsonld.Node) term {
	switch t := n.(type) {
	case jsonld.IRI:
		return term{kind: kindIRI, value: t.Value}
	case *jsonld.IRI:
		return term{kind: kindIRI, value: t.Value}
	case jsonld.BlankNode:
		return term{kind: kindBlank, value: t.Attribute}
	case *jsonld.BlankNode:
		return term{kind: kindBlank, value: t.Attribute}
	case jsonld.Literal:
		return term{kind: kindLiteral, value: t.Value, datatype: t.Datatype, lang: t.Language}
	case *jsonld.Literal:
		return term{kind: kindLiteral, value: t.Value, datatype: t.Datatype, lang: t.Language}
	}
	return term{kind: kindIRI, value: n.GetValue()}
}

// nquad writes one quad in canonical N-Quads, with blank nodes renamed by label.
func nquad(q quad, label func(term) string) string {
	var b strings.Builder
	writeTerm(&b, q.s, label)
	b.WriteByte(' ')
	writeTerm(&b, q.p, label)
	b.WriteByte(' ')
	writeTerm(&b, q.o, label)
	if q.g.value != "" {
		b.WriteByte(' ')
		writeTerm(&b, q.g, label)
	}
	b.WriteString(" .\n")
	return b.String()
}

func writeTerm(b *strings.Builder, t term, label func(term) string) {
	switch t.kind {
	case kindIRI:
		b.WriteString("<" + t.value + ">")
	case kindBlank:
		b.WriteString(label(t))
	case kindLiteral:
		b.WriteByte('"')
		b.WriteString(escapeLiteral(t.value))
		b.WriteByte('"')
		switch {
		case t.lang != "" || t.datatype == rdfLangString:
			b.WriteString("@" + t.lang)
		case t.datatype != "" && t.datatype != xsdString:
			b.WriteString("^^<" + t.datatype + ">")
		}
	}
}

// escapeLiteral escapes a literal as canonical N-Quads require: \b \t \n \f \r \" \\ by name,
// the other control characters (U+0000–U+001F, U+007F) as \u00XX, everything else as is.
func escapeLiteral(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// issuer hands out blank-node identifiers in order (RDFC-1.0 §4.5).
type issuer struct {
	prefix string
	ids    map[string]string
	order  []string
}

func newIssuer(prefix string) *issuer {
	return &issuer{prefix: prefix, ids: map[string]string{}}
}

func (is *issuer) id(old string) string {
	if id, ok := is.ids[old]; ok {
		return id
	}
	id := fmt.Sprintf("%s%d", is.prefix, len(is.order))
	is.ids[old] = id
	is.order = append(is.order, old)
	return id
}

func (is *issuer) has(old string) bool {
	_, ok := is.ids[old]
	return ok
}

func (is *issuer) clone() *issuer {
	c := &issuer{prefix: is.prefix, ids: make(map[string]string, len(is.ids)), order: append([]string(nil), is.order...)}
	for k, v := range is.ids {
		c.ids[k] = v
	}
	return c
}

// canonicalizer holds the state of one RDFC-1.0 run.
type canonicalizer struct {
	quads     []quad
	bnodes    map[string][]int // blank node → the quads it appears in
	hashes    map[string]string
	canonical *issuer
	steps     int
}

// canonicalize returns the canonical N-Quads of a dataset, sorted, one line per quad.
func canonicalize(quads []quad) (string, error) {
	c := &canonicalizer{quads: quads, bnodes: map[string][]int{}, hashes: map[string]string{}, canonical: newIssuer("_:c14n")}
	for i, q := range quads {
		for _, t := range []term{q.s, q.o, q.g} {
			if t.kind == kindBlank && t.value != "" {
				if l := c.bnodes[t.value]; len(l) == 0 || l[len(l)-1] != i {
					c.bnodes[t.value] = append(l, i)
				}
			}
		}
	}
	// Blank nodes whose first-degree hash is unique get their label in hash order.
	hashToNodes := map[string][]string{}
	for id := range c.bnodes {
		h := c.hashFirstDegree(id)
		hashToNodes[h] = append(hashToNodes[h], id)
	}
	hashes := sortedKeys(hashToNodes)
	for _, h := range hashes {
		if ids := hashToNodes[h]; len(ids) == 1 {
			c.canonical.id(ids[0])
			delete(hashToNodes, h)
		}
	}
	// The others are told apart by the paths to their neighbours (Hash N-Degree Quads).
	for _, h := range sortedKeys(hashToNodes) {
		type result struct {
			hash string
			is   *issuer
		}
		var results []result
		for _, id := range hashToNodes[h] {
			if c.canonical.has(id) {
				continue
			}
			tmp := newIssuer("_:b")
			tmp.id(id)
			hash, is, err := c.hashNDegree(id, tmp)
			if err != nil {
				return "", err
			}
			results = append(results, result{hash, is})
		}
		sort.SliceStable(results, func(i, j int) bool { return results[i].hash < results[j].hash })
		for _, r := range results {
			for _, old := range r.is.order {
				c.canonical.id(old)
			}
		}
	}
	lines := make([]string, len(quads))
	label := func(t term) string { return c.canonical.id(t.value) }
	for i, q := range quads {
		lines[i] = nquad(q, label)
	}
	sort.Strings(lines)
	// A dataset is a set: a quad given twice is written once.
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && l == lines[i-1] {
			continue
		}
		b.WriteString(l)
	}
	return b.String(), nil
}

// hashFirstDegree hashes the quads a blank node appears in, itself as _:a, others as _:z.
func (c *canonicalizer) hashFirstDegree(id string) string {
	if h, ok := c.hashes[id]; ok {
		return h
	}
	label := func(t term) string {
		if t.value == id {
			return "_:a"
		}
		return "_:z"
	}
	var lines []string
	for _, i := range c.bnodes[id] {
		lines = append(lines, nquad(c.quads[i], label))
	}
	sort.Strings(lines)
	sum := sha256.New()
	for _, l := range lines {
		sum.Write([]byte(l))
	}
	h := hex.EncodeToString(sum.Sum(nil))
	c.hashes[id] = h
	return h
}

// hashRelated hashes a neighbour of a blank node with its position and predicate (§4.7).
func (c *canonicalizer) hashRelated(related string, q quad, is *issuer, position string) string {
	var id string
	switch {
	case c.canonical.has(related):
		id = c.canonical.id(related)
	case is.has(related):
		id = is.id(related)
	default:
		id = c.hashFirstDegree(related)
	}
	input := position
	if position != "g" {
		input += "<" + q.p.value + ">"
	}
	sum := sha256.Sum256([]byte(input + id))
	return hex.EncodeToString(sum[:])
}

// hashNDegree is Hash N-Degree Quads (§4.8), bounded by maxHashNDegree steps.
func (c *canonicalizer) hashNDegree(id string, is *issuer) (string, *issuer, error) {
	c.steps++
	if c.steps > maxHashNDegree {
		return "", nil, errTooComplex
	}
	related := map[string][]string{}
	for _, i := range c.bnodes[id] {
		q := c.quads[i]
		for pos, t := range map[string]term{"s": q.s, "o": q.o, "g": q.g} {
			if t.kind == kindBlank && t.value != "" && t.value != id {
				h := c.hashRelated(t.value, q, is, pos)
				related[h] = append(related[h], t.value)
			}
		}
	}
	data := sha256.New()
	for _, h := range sortedKeys(related) {
		data.Write([]byte(h))
		chosenPath := ""
		var chosen *issuer
		err := permute(related[h], func(perm []string) error {
			if c.steps++; c.steps > maxHashNDegree {
				return errTooComplex
			}
			cp := is.clone()
			path := ""
			var recursion []string
			for _, r := range perm {
				if c.canonical.has(r) {
					path += c.canonical.id(r)
				} else {
					if !cp.has(r) {
						recursion = append(recursion, r)
					}
					path += cp.id(r)
				}
				if chosen != nil && len(path) >= len(chosenPath) && path > chosenPath {
					return nil
				}
			}
			for _, r := range recursion {
				rh, ris, err := c.hashNDegree(r, cp)
				if err != nil {
					return err
				}
				path += cp.id(r) + "<" + rh + ">"
				cp = ris
				if chosen != nil && len(path) >= len(chosenPath) && path > chosenPath {
					return nil
				}
			}
			if chosen == nil || path < chosenPath {
				chosenPath, chosen = path, cp
			}
			return nil
		})
		if err != nil {
			return "", nil, err
		}
		data.Write([]byte(chosenPath))
		is = chosen
	}
	return hex.EncodeToString(data.Sum(nil)), is, nil
}

// permute calls f with every permutation of list (a blank-node list in RDFC-1.0 is short;
// the step budget stops crafted ones).
func permute(list []string, f func([]string) error) error {
	l := append([]string(nil), list...)
	sort.Strings(l)
	var rec func(k int) error
	rec = func(k int) error {
		if k == len(l) {
			return f(append([]string(nil), l...))
		}
		for i := k; i < len(l); i++ {
			l[k], l[i] = l[i], l[k]
			if err := rec(k + 1); err != nil {
				return err
			}
			l[k], l[i] = l[i], l[k]
		}
		return nil
	}
	return rec(0)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
