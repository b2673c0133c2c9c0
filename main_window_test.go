package main

import (
	"regexp"
	"testing"
)

// TestInstanceID_OnePerDataFolderAndAValidBusName: the single-instance id differs between
// data folders (each may have its window) and stays within what a D-Bus name element and a
// Windows mutex name accept, or Wails silently runs without the single-instance lock.
func TestInstanceID_OnePerDataFolderAndAValidBusName(t *testing.T) {
	a, b := instanceID("/home/lea/.local/share/passerelle"), instanceID("/tmp/passerelle-e2e-1")
	if a == b {
		t.Fatal("two data folders share one window")
	}
	if a != instanceID("/home/lea/.local/share/passerelle/") {
		t.Fatal("the same folder, spelt with a trailing slash, got another id")
	}
	valid := regexp.MustCompile(`^[a-z][a-z0-9-]{0,100}$`)
	for _, id := range []string{a, b} {
		if !valid.MatchString(id) {
			t.Errorf("id %q would not make a D-Bus name", id)
		}
	}
}
