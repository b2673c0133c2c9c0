package credential

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"passerelle/credential/internal/jsonld"
)

// Why a JSON-LD document could not be canonicalised; each becomes a check's reason.
var (
	errUnknownContext = errors.New("context not bundled")
	errInvalidJSONLD  = errors.New("invalid JSON-LD")
)

// relativeIRIError names the first IRI without a scheme: json-gold lets a relative @type
// through, and a signature over it would mean different things to different verifiers.
type relativeIRIError struct{ iri string }

func (e *relativeIRIError) Error() string { return "relative IRI: " + e.iri }

// unknownContextError names the context that is not bundled.
type unknownContextError struct{ url string }

func (e *unknownContextError) Error() string { return "context not bundled: " + e.url }
func (e *unknownContextError) Unwrap() error { return errUnknownContext }

// CanonicalNQuads turns a JSON-LD document into its RDFC-1.0 canonical N-Quads with the
// bundled contexts only, as a Data Integrity proof is computed; credtest signs with it.
func CanonicalNQuads(doc map[string]any) (string, error) {
	set, err := loadContexts()
	if err != nil {
		return "", err
	}
	return canonicalJSONLD(doc, &offlineLoader{set: set})
}

// canonicalJSONLD expands a document with the loader (safe mode: a term its contexts do not
// define is an error, never silently dropped), checks every IRI has a scheme, and
// canonicalises the result.
func canonicalJSONLD(doc map[string]any, l *offlineLoader) (out string, err error) {
	// json-gold was not written for hostile input: a panic inside it on a crafted credential
	// must not take the app down, only leave the signature unchecked.
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("%w: json-ld processor failed: %v", errInvalidJSONLD, r)
		}
	}()
	cp, err := deepCopy(doc)
	if err != nil {
		return "", fmt.Errorf("%w: %v", errInvalidJSONLD, err)
	}
	opts := jsonld.NewJsonLdOptions("")
	opts.DocumentLoader = l
	opts.SafeMode = true
	opts.ProcessingMode = jsonld.JsonLd_1_1
	opts.Algorithm = jsonld.AlgorithmURDNA2015
	proc := jsonld.NewJsonLdProcessor()
	expanded, err := proc.Expand(cp, opts)
	if l.missing != "" {
		return "", &unknownContextError{url: l.missing}
	}
	if err != nil {
		return "", fmt.Errorf("%w: %v", errInvalidJSONLD, err)
	}
	// JSON-LD to RDF silently drops a node whose @id is relative, with all its statements:
	// a signature would then not cover them. Refuse instead.
	if iri := relativeInExpanded(expanded, 0); iri != "" {
		return "", &relativeIRIError{iri: iri}
	}
	res, err := proc.ToRDF(expanded, opts)
	if err != nil {
		return "", fmt.Errorf("%w: %v", errInvalidJSONLD, err)
	}
	ds, ok := res.(*jsonld.RDFDataset)
	if !ok {
		return "", fmt.Errorf("%w: no dataset", errInvalidJSONLD)
	}
	quads := quadsOf(ds)
	if iri := firstRelativeIRI(quads); iri != "" {
		return "", &relativeIRIError{iri: iri}
	}
	return canonicalize(quads)
}

// relativeInExpanded finds an @id or @type in expanded JSON-LD that is neither an absolute
// IRI nor a blank node.
func relativeInExpanded(v any, depth int) string {
	if depth > 64 {
		return ""
	}
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			if iri := relativeInExpanded(x, depth+1); iri != "" {
				return iri
			}
		}
	case map[string]any:
		_, isValue := t["@value"]
		for k, x := range t {
			switch {
			case k == "@id":
				if s, ok := x.(string); ok && !strings.HasPrefix(s, "_:") && !hasScheme(s) {
					return s
				}
			case k == "@type" && !isValue:
				for _, y := range list(x) {
					if s, ok := y.(string); ok && !strings.HasPrefix(s, "_:") && !hasScheme(s) {
						return s
					}
				}
			case k == "@type" && isValue:
				if s, ok := x.(string); ok && s != "@json" && !hasScheme(s) {
					return s
				}
			default:
				if iri := relativeInExpanded(x, depth+1); iri != "" {
					return iri
				}
			}
		}
	}
	return ""
}

// firstRelativeIRI finds an IRI term (subject, predicate, object, graph or datatype) with no
// scheme. A literal typed xsd:anyURI may hold a relative reference: it is a string.
func firstRelativeIRI(quads []quad) string {
	for _, q := range quads {
		for _, t := range []term{q.s, q.p, q.o, q.g} {
			if t.kind == kindIRI && t.value != "" && !hasScheme(t.value) {
				return t.value
			}
			if t.kind == kindLiteral && t.datatype != "" && !hasScheme(t.datatype) {
				return t.datatype
			}
		}
	}
	return ""
}

// hasScheme tells an absolute IRI: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
func hasScheme(iri string) bool {
	for i := 0; i < len(iri); i++ {
		c := iri[i]
		switch {
		case c == ':':
			return i > 0
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// deepCopy copies a JSON value, so json-gold's processing cannot change the parsed credential.
func deepCopy(doc map[string]any) (map[string]any, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	err = json.Unmarshal(b, &out)
	return out, err
}
