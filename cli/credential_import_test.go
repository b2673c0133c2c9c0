package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/credential/credtest"
	"passerelle/portfolio"
)

func TestCLI_CredentialImportSaysPerFileWhatHappened(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.passerelle")
	st, err := portfolio.Create(context.Background(), path, "Test")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	badge := filepath.Join(dir, "data-101.png")
	os.WriteFile(badge, credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3,
		credtest.OB3{}.Signed(credtest.IssuerKey), credtest.BeforeIEND), 0o600)
	photo := filepath.Join(dir, "holiday.png")
	os.WriteFile(photo, credtest.PlainPNG(), 0o600)

	code, out, stderr := runCLI(t, "credential", "import", "--portfolio", path, badge, photo)
	if code != 1 || !strings.Contains(out, "data-101.png: imported, 1 microcredential") ||
		!strings.Contains(out, "Data Analysis Fundamentals — Signature: passed") ||
		!strings.Contains(stderr, "holiday.png") || !strings.Contains(stderr, "holiday.png: refused, nothing was written.") {
		t.Fatalf("exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "credential", "import", badge, "--portfolio", path)
	if code != 0 || !strings.Contains(out, "data-101.png: already in the portfolio, updated (1 microcredential)") {
		t.Fatalf("again: exit %d\n%s\n%s", code, out, stderr)
	}
	st, err = portfolio.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if all, _ := st.Credentials(context.Background()); len(all) != 1 || all[0].Import == nil {
		t.Fatalf("credentials %+v", all)
	}
}

func TestCLI_CredentialImportBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"credential", "import", "x.png"}, "--portfolio is required"},
		{[]string{"credential", "import", "--portfolio", "p.passerelle"}, "CREDENTIAL is required"},
		{[]string{"credential", "import", "--bogus", "--portfolio", "p.passerelle", "x.png"}, "-bogus"},
	}
	for _, tc := range cases {
		code, _, stderr := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: exit %d %q", tc.args, code, stderr)
		}
	}
	code, out, _ := runCLI(t, "credential", "import", "--help")
	if code != 0 || !strings.Contains(out, "passerelle credential import --portfolio FILE CREDENTIAL…") {
		t.Errorf("--help: exit %d %q", code, out)
	}
}
