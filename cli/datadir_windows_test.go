package cli

import (
	"path/filepath"
	"testing"
)

// Portfolios hold photos and PDFs: they belong in the local profile folder, which a roaming
// profile on a shared computer does not copy over the network at every sign-in.
func TestDefaultDataDir_WindowsUsesTheLocalProfile(t *testing.T) {
	t.Setenv("LOCALAPPDATA", `C:\Users\Zoé Lévesque\AppData\Local`)
	t.Setenv("APPDATA", `C:\Users\Zoé Lévesque\AppData\Roaming`)
	want := filepath.Join(`C:\Users\Zoé Lévesque\AppData\Local`, "Passerelle")
	if got := DefaultDataDir(); got != want {
		t.Fatalf("DefaultDataDir() = %q, want %q", got, want)
	}
}
