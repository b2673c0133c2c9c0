//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// noNetChildEnv switches the test binary into the child that runs the headless commands.
const noNetChildEnv = "PASSERELLE_NONET_CHILD"

// TestNoNetwork_HeadlessCommandsWorkInANamespaceWithNoNetwork runs demo, check, readiness,
// backup and restore inside `unshare -n` (a network namespace whose only interface, loopback,
// is down), then again under strace, which must see no Internet socket opened at all.
func TestNoNetwork_HeadlessCommandsWorkInANamespaceWithNoNetwork(t *testing.T) {
	if os.Getenv(noNetChildEnv) != "" {
		t.Skip("this is the child")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		skipOrFail(t, "unshare (util-linux) is not installed")
	}
	if out, err := exec.Command(unshare, "-n", "true").CombinedOutput(); err != nil {
		skipOrFail(t, fmt.Sprintf("unshare -n is not permitted here (%v: %s): it needs root or user namespaces", err, bytes.TrimSpace(out)))
	}
	child := func(extraEnv string, wrap ...string) string {
		args := append(append([]string{"-n"}, wrap...), os.Args[0], "-test.run=^TestNoNetwork_Child$", "-test.v", "-test.count=1")
		cmd := exec.Command(unshare, args...)
		cmd.Env = append(os.Environ(), noNetChildEnv+"="+t.TempDir(), extraEnv)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestNoNetwork_Child") {
			t.Fatalf("the commands failed with no network (%v):\n%s", err, out)
		}
		return string(out)
	}
	child("")

	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Log("strace is not installed: the socket audit is skipped")
		return
	}
	if out, err := exec.Command(strace, "-f", "-o", "/dev/null", "true").CombinedOutput(); err != nil {
		t.Logf("strace cannot trace here (%v: %s): the socket audit is skipped", err, bytes.TrimSpace(out))
		return
	}
	trace := filepath.Join(t.TempDir(), "trace.txt")
	child("PASSERELLE_NONET_TRACED=1", strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", trace)
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	calls := regexp.MustCompile(`(?m)^.*\b(socket|connect)\(.*$`).FindAllString(string(data), -1)
	for _, c := range calls {
		if strings.Contains(c, "AF_INET") || strings.Contains(c, "AF_INET6") || strings.Contains(c, "sin_port") {
			t.Errorf("a network socket was opened: %s", c)
		}
	}
	t.Logf("strace saw %d socket/connect calls, none to a network", len(calls))
}

// TestNoNetwork_Child is the child: it checks it really has no network, then runs the commands.
func TestNoNetwork_Child(t *testing.T) {
	dir := os.Getenv(noNetChildEnv)
	if dir == "" {
		t.Skip("run by TestNoNetwork_HeadlessCommandsWorkInANamespaceWithNoNetwork")
	}
	if os.Getenv("PASSERELLE_NONET_TRACED") == "" { // listing interfaces opens a netlink socket
		ifs, err := net.Interfaces()
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range ifs {
			if i.Name != "lo" || i.Flags&net.FlagUp != 0 {
				t.Fatalf("not an empty network namespace: interface %s (%v)", i.Name, i.Flags)
			}
		}
	}
	p := filepath.Join(dir, "demo.passerelle")
	data := filepath.Join(dir, "data")
	steps := [][]string{
		{"demo", "--out", p},
		{"check", "--portfolio", p},
		{"readiness", "--portfolio", p},
		{"backup", "--portfolio", p, "--out", filepath.Join(dir, "usb")},
	}
	for _, args := range steps {
		if code, out, stderr := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, stderr)
		}
	}
	backups, _ := filepath.Glob(filepath.Join(dir, "usb", "*.passerelle"))
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	if code, out, stderr := runCLI(t, "--data-dir", data, "restore", backups[0], "--to", p); code != 0 {
		t.Fatalf("restore: exit %d\n%s%s", code, out, stderr)
	}
	if code := run(context.Background(), []string{"check", "--portfolio", p}, os.Stdout, os.Stderr); code != 0 {
		t.Fatal("check after restore failed")
	}
}

// skipOrFail skips on a developer's machine without the prerequisite; under CI (CI=true),
// which installs everything and runs as root, the same reason fails the test.
func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true: " + msg)
	}
	t.Skip(msg)
}
