package main

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("LANG", "en_CA.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestRun_MistypedCommandsNeverOpenTheWindow: an unknown command once started the window (and,
// with no display, died in a Go stack trace). Each of these must be answered by the headless
// side: a window started here, with no display in the test, would panic.
func TestRun_MistypedCommandsNeverOpenTheWindow(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"shre", "--portfolio", "x"}, 2, "“shre” is not a command"},
		{[]string{"--bogus"}, 2, "“--bogus” is not a command"},
		{[]string{"a.passerelle", "b.passerelle"}, 2, "is not a command"},
		{[]string{"--data-dir", t.TempDir(), "exprot"}, 2, "“exprot” is not a command"},
		{[]string{"--help"}, 0, "passerelle verify FILE.pdf"},
		{[]string{"--version"}, 0, "passerelle "},
		{nil, 1, "Passerelle needs a screen to open its window"},
		{[]string{"--data-dir", t.TempDir(), "lea.passerelle"}, 1, "Passerelle needs a screen"},
	}
	for _, c := range cases {
		if c.code == 1 && runtime.GOOS != "linux" {
			continue // the no-display answer is Linux's; elsewhere the window would start
		}
		code, out, stderr := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(out+stderr, c.want) {
			t.Errorf("%q: exit %d, out %q, stderr %q", c.args, code, out, stderr)
		}
	}
}
