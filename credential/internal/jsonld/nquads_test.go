package jsonld

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseNQuads_ReadsEveryTermForm checks the parser that replaced cayleygraph's: each kind
// of subject, object and graph label, and the escapes, come out as the dataset json-gold built.
func TestParseNQuads_ReadsEveryTermForm(t *testing.T) {
	tests := []struct {
		name, line         string
		subject, predicate string
		object             Node
		graph              string
	}{
		{"iri object", `<http://a.example/s> <http://a.example/p> <http://a.example/o> .`,
			"http://a.example/s", "http://a.example/p", NewIRI("http://a.example/o"), "@default"},
		{"blank nodes and graph", `_:b0 <http://a.example/p> _:b1.x _:g .`,
			"_:b0", "http://a.example/p", NewBlankNode("_:b1.x"), "_:g"},
		{"label before the dot", `_:b0 <http://a.example/p> _:b1.`,
			"_:b0", "http://a.example/p", NewBlankNode("_:b1"), "@default"},
		{"plain literal with escapes", `<http://a.example/s> <http://a.example/p> "tab\there \"q\" \\ \u00e9\U0001F600\n" <http://a.example/g> . # comment`,
			"http://a.example/s", "http://a.example/p", NewLiteral("tab\there \"q\" \\ é😀\n", XSDString, ""), "http://a.example/g"},
		{"language tag", `<http://a.example/s> <http://a.example/p> "Bonjour"@fr-CA .`,
			"http://a.example/s", "http://a.example/p", NewLiteral("Bonjour", RDFLangString, "fr-CA"), "@default"},
		{"datatype", `<http://a.example/s> <http://a.example/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
			"http://a.example/s", "http://a.example/p", NewLiteral("1", XSDInteger, ""), "@default"},
		{"escaped iri, raw utf-8", "<http://a.example/\\u00E9> <http://a.example/p> \"ᐊᓂᔅᑯ\" .",
			"http://a.example/é", "http://a.example/p", NewLiteral("ᐊᓂᔅᑯ", XSDString, ""), "@default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := ParseNQuads(tt.line + "\n\n# only a comment\n")
			if err != nil {
				t.Fatal(err)
			}
			quads := ds.Graphs[tt.graph]
			total := 0
			for _, g := range ds.Graphs {
				total += len(g)
			}
			if len(quads) != 1 || total != 1 {
				t.Fatalf("graphs %v, want one quad in %q", ds.Graphs, tt.graph)
			}
			q := quads[0]
			if q.Subject.GetValue() != tt.subject || q.Predicate.GetValue() != tt.predicate {
				t.Errorf("subject %q predicate %q", q.Subject.GetValue(), q.Predicate.GetValue())
			}
			if fmt.Sprintf("%#v", q.Object) != fmt.Sprintf("%#v", tt.object) {
				t.Errorf("object %#v, want %#v", q.Object, tt.object)
			}
		})
	}
}

// TestParseNQuads_RefusesMalformedLines checks a broken statement is a syntax error naming its
// line, never a partial dataset.
func TestParseNQuads_RefusesMalformedLines(t *testing.T) {
	for _, line := range []string{
		`<http://a.example/s> <http://a.example/p> <http://a.example/o>`,
		`<http://a.example/s> <http://a.example/p> "open .`,
		`<http://a.example/s> "p" <http://a.example/o> .`,
		`"s" <http://a.example/p> <http://a.example/o> .`,
		`<http://a.example/s> <http://a.example/p> "x"@ .`,
		`<http://a.example/s> <http://a.example/p> "\q" .`,
		`<http://a.example/s> <http://a.example/p> "\uD800" .`,
		`<http://a.example/s p> <http://a.example/p> <http://a.example/o> .`,
		`<http://a.example/s> <http://a.example/p> <http://a.example/o> . extra`,
		`_: <http://a.example/p> <http://a.example/o> .`,
	} {
		ds, err := ParseNQuads("<http://a.example/ok> <http://a.example/p> \"fine\" .\n" + line + "\n")
		if err == nil {
			t.Errorf("%s: parsed as %v", line, ds.Graphs)
			continue
		}
		if !strings.Contains(err.Error(), "line: 2") {
			t.Errorf("%s: error %q does not name line 2", line, err)
		}
	}
}
