package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/credential"
	"passerelle/credential/credtest"
)

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCredentialVerify_ExitStatusAndWords(t *testing.T) {
	dir := t.TempDir()
	k := credtest.IssuerKey
	const email = "ana@example.ca"
	valid := writeFile(t, dir, "valid.png", credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3,
		credtest.OB3{Recipient: email, Salt: "s"}.Signed(k), credtest.AfterIHDR))
	expired := writeFile(t, dir, "expired.json", credtest.OB3{ValidUntil: "2025-01-01T00:00:00Z"}.Signed(k))
	plain := writeFile(t, dir, "plain.png", credtest.PlainPNG())
	revoked := writeFile(t, dir, "revoked.json", credtest.OB3{Status: credtest.StatusEntry(3)}.Signed(k))
	list := writeFile(t, dir, "list.json", credtest.StatusList(k, 3))
	tests := []struct {
		name    string
		args    []string
		code    int
		out     []string
		errText string
	}{
		{"valid, issued to the learner", []string{"credential", "verify", valid, "--email", email}, 0,
			[]string{"Signature: passed. The signature is valid with key " + k.Multibase, "Recipient: passed. Issued to you (ana@example.ca).", "offline"}, ""},
		{"expired", []string{"credential", "verify", expired}, 1, []string{"Validity dates: failed. Expired on 2025-01-01."}, ""},
		{"revoked by a status list given", []string{"credential", "verify", revoked, "--status-list", list}, 1, []string{"Revocation: failed. Revoked"}, ""},
		{"status list not given", []string{"credential", "verify", revoked}, 0, []string{"Revocation: not checked (needs the issuer’s server)."}, ""},
		{"a picture with no badge", []string{"credential", "verify", plain}, 2, nil, "holds no Open Badge"},
		{"no file", []string{"credential", "verify"}, 2, nil, "CREDENTIAL is required"},
		{"file not found", []string{"credential", "verify", filepath.Join(dir, "none.png")}, 2, nil, "cannot be found"},
		{"unknown option", []string{"credential", "verify", valid, "--fetch"}, 2, nil, "there is no option -fetch"},
		{"help", []string{"credential", "verify", "--help"}, 0, []string{"passerelle credential verify CREDENTIAL"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errOut)
			}
			for _, w := range tt.out {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			if tt.errText != "" && !strings.Contains(errOut, tt.errText) {
				t.Errorf("stderr lacks %q: %s", tt.errText, errOut)
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
				t.Errorf("stack trace: %s", errOut)
			}
		})
	}
}

func TestCredentialVerify_FrenchSaysEachCheckInWords(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "b.svg", credtest.BakeSVG(credtest.NSOB3, string(credtest.OB3{}.JWT(credtest.IssuerKey, true)), ""))
	code, stdout, stderr := runFR(t, "credential", "verify", p)
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	for _, w := range []string{"Signature\u00a0: vérification réussie.", "Clé de l’émetteur\u00a0: non vérifié (il faudrait le serveur de l’émetteur).", "fournie par le titre lui-même", "hors ligne"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, stdout)
		}
	}
}

// TestCredentialVerify_NamesTheCredentialInTheCommandsLanguage: a credential that gives its
// name in English and French is named in French when the command speaks French.
func TestCredentialVerify_NamesTheCredentialInTheCommandsLanguage(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "b.json", credtest.OB3{Name: "Laboratory Safety", NameFR: "Sécurité en laboratoire"}.Signed(credtest.IssuerKey))
	for _, tc := range []struct {
		run       func(*testing.T, ...string) (int, string, string)
		want, not string
	}{
		{runFR, "Sécurité en laboratoire — ", "Laboratory Safety"},
		{runCLI, "Laboratory Safety — ", "Sécurité en laboratoire"},
	} {
		_, stdout, _ := tc.run(t, "credential", "verify", p)
		if !strings.HasPrefix(stdout, tc.want) || strings.Contains(stdout, tc.not) {
			t.Errorf("stdout does not start with %q, or names %q:\n%s", tc.want, tc.not, stdout)
		}
	}
}

func runFR(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runLang(t, "fr_CA.UTF-8", args...)
}

func TestCredentialVerify_JSONIsTheIssuesObject(t *testing.T) {
	dir := t.TempDir()
	k := credtest.IssuerKey
	clr := writeFile(t, dir, "clr.json", credtest.CLR{Recipient: "ana@example.ca", Salt: "x"}.Signed(k))
	hosted := writeFile(t, dir, "hosted.json", credtest.OB2{Recipient: "ana@example.ca", Salt: "x"}.Hosted())
	for _, tc := range []struct {
		file, format string
		contexts     bool
		checks       int
		achievements []string
	}{
		{clr, "clr2-json", true, 15, []string{"Data Analysis Fundamentals", "Workplace Communication"}},
		{hosted, "ob2-hosted", false, 5, []string{"Workplace First Aid"}},
	} {
		code, out, errOut := runCLI(t, "credential", "verify", "--json", tc.file, "--email", "ana@example.ca")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &raw); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		var keys []string
		for k := range raw {
			keys = append(keys, k)
		}
		if len(raw) != 7 {
			t.Errorf("keys %v, want exactly format, name, issuer, checkedAt, contexts, checks, achievements", keys)
		}
		var got struct {
			Format       string `json:"format"`
			Name         string
			Issuer       struct{ ID, Name string }
			CheckedAt    string
			Contexts     *string
			Checks       []struct{ Check, State, Detail string }
			Achievements []struct {
				Name         string
				Competencies []string
			}
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Format != tc.format || got.Name == "" || got.Issuer.Name == "" {
			t.Errorf("format %q name %q issuer %+v", got.Format, got.Name, got.Issuer)
		}
		if _, err := time.Parse(time.RFC3339, got.CheckedAt); err != nil {
			t.Errorf("checkedAt %q: %v", got.CheckedAt, err)
		}
		if (got.Contexts != nil) != tc.contexts || (got.Contexts != nil && *got.Contexts != credential.ContextSetSHA256()) {
			t.Errorf("contexts %v", got.Contexts)
		}
		if len(got.Checks) != tc.checks {
			t.Errorf("%d checks, want %d", len(got.Checks), tc.checks)
		}
		for _, c := range got.Checks {
			if c.Detail == "" || strings.Contains(c.Detail, "<no value>") || strings.HasPrefix(c.Detail, "CredentialCheck_") {
				t.Errorf("check %s has no words: %q", c.Check, c.Detail)
			}
		}
		if len(got.Achievements) != len(tc.achievements) {
			t.Fatalf("achievements %+v", got.Achievements)
		}
		for i, a := range got.Achievements {
			if a.Name != tc.achievements[i] || a.Competencies == nil {
				t.Errorf("achievement %d: %+v", i, a)
			}
		}
	}
}
