package credential

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"passerelle/credential/internal/jsonld"
)

// The JSON-LD contexts a signature is checked with travel inside the binary: Passerelle never
// fetches one. Each is pinned by SHA-256, because the same URL has served different contexts
// (1EdTech's context-3.0.3.json was edited in place), and a verification records the set it
// used. Sources: the W3C and Digital Bazaar context packages (credentials v1/v2, data
// integrity v1/v2, multikey, ed25519-2020), the Digital Credentials Consortium's copies of the
// OB 3.0 contexts, and the 1EdTech validator's CLR 2.0 context.
//
//go:embed contexts/*.json contexts/*.jsonld
var contextFiles embed.FS

// bundledContext is one context: the URL credentials name it by, its file and its pin.
type bundledContext struct {
	url, file, sha256 string
}

// bundledContexts are every context Passerelle can verify with.
var bundledContexts = []bundledContext{
	{"https://www.w3.org/2018/credentials/v1", "credentials-v1.jsonld", "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8"},
	{"https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld", "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f"},
	{"https://www.w3.org/ns/credentials/undefined-terms/v2", "undefined-terms-v2.jsonld", "82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581"},
	{"https://w3id.org/security/data-integrity/v1", "data-integrity-v1.jsonld", "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554"},
	{"https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld", "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"},
	{"https://w3id.org/security/multikey/v1", "multikey-v1.jsonld", "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"},
	{"https://w3id.org/security/suites/ed25519-2020/v1", "ed25519-signature-2020-v1.jsonld", "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588"},
	{"https://purl.imsglobal.org/spec/ob/v3p0/context.json", "ob-v3p0-3.0.json", "9f1c8f9f361ba2994b9b50701f41149919542c50c7b7455b2846d87959295d72"},
	{"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "ob-v3p0-3.0.1.json", "af095468326d3449160509b26ca71576e6321d13c85b0369cfe3b654c9a48fba"},
	{"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "ob-v3p0-3.0.2.json", "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53"},
	{"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-3.0.3.json", "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"},
	{"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json", "2d013f981d1f4516081a6a04e55468ba2b071d4153b794f19a79715c45a89a5e"},
	// 1EdTech serves the 2.0.1 context under context.json too: its CLR 2.0 test vector, signed
	// with context.json, verifies only with the 2.0.1 terms (the validator's older copy of
	// context.json uses another vocabulary URL and gives other N-Quads).
	{"https://purl.imsglobal.org/spec/clr/v2p0/context.json", "clr-v2p0-2.0.1.json", "b6fb049f2efe5a55b8040497cd51756aec961403888d277fadb3cc155c241d41"},
	{"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "clr-v2p0-2.0.1.json", "b6fb049f2efe5a55b8040497cd51756aec961403888d277fadb3cc155c241d41"},
}

// contextSet is the bundled contexts, parsed once per verification (json-gold may change
// what it is given, so each verification gets its own copy).
type contextSet struct {
	docs map[string][]byte
	hash string
}

// loadContexts reads the bundled contexts and checks each against its pin, so a context
// edited by mistake cannot silently change what "verified" means.
func loadContexts() (contextSet, error) {
	set := contextSet{docs: map[string][]byte{}}
	var lines []string
	for _, c := range bundledContexts {
		b, err := contextFiles.ReadFile("contexts/" + c.file)
		if err != nil {
			return contextSet{}, fmt.Errorf("bundled context %s: %w", c.file, err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != c.sha256 {
			return contextSet{}, fmt.Errorf("bundled context %s has SHA-256 %s, pinned %s", c.file, got, c.sha256)
		}
		set.docs[c.url] = b
		lines = append(lines, c.url+" "+c.sha256+"\n")
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "")))
	set.hash = hex.EncodeToString(sum[:])
	return set, nil
}

// ContextSetSHA256 is the SHA-256 of the bundled context set (of its sorted "URL SHA-256"
// lines), as Result.Contexts records it.
func ContextSetSHA256() string {
	set, err := loadContexts()
	if err != nil {
		return ""
	}
	return set.hash
}

// BundledContextURLs lists the context URLs Passerelle verifies with, for the README and
// the messages that name an unknown one.
func BundledContextURLs() []string {
	out := make([]string, len(bundledContexts))
	for i, c := range bundledContexts {
		out[i] = c.url
	}
	return out
}

// offlineLoader serves only bundled contexts; any other URL fails the canonicalisation and is
// remembered, so the check says which context was missing. It never touches the network.
type offlineLoader struct {
	set     contextSet
	extra   map[string][]byte // tests map the spec examples' draft URLs here
	missing string
}

// LoadDocument serves a bundled context or refuses.
func (l *offlineLoader) LoadDocument(u string) (*jsonld.RemoteDocument, error) {
	b, ok := l.set.docs[u]
	if !ok {
		b, ok = l.extra[u]
	}
	if !ok {
		if l.missing == "" {
			l.missing = u
		}
		return nil, jsonld.NewJsonLdError(jsonld.LoadingDocumentFailed, "context not bundled: "+u)
	}
	var doc any
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(&doc); err != nil {
		return nil, jsonld.NewJsonLdError(jsonld.LoadingDocumentFailed, err)
	}
	return &jsonld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// OfflineDocumentLoader is a JSON-LD document loader that serves only the bundled contexts,
// for tools and tests that process credentials with json-gold directly.
func OfflineDocumentLoader() (jsonld.DocumentLoader, error) {
	set, err := loadContexts()
	if err != nil {
		return nil, err
	}
	return &offlineLoader{set: set}, nil
}
