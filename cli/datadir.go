package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"passerelle/fault"
	"passerelle/portfolio"
)

// TakeDataDir removes --data-dir from args (Wails must not see it) and resolves the data
// folder: the flag, then PASSERELLE_DATA_DIR, then the OS user data folder.
func TakeDataDir(args []string) (string, []string, error) {
	dir := os.Getenv("PASSERELLE_DATA_DIR")
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--data-dir" || a == "-data-dir":
			if i+1 >= len(args) {
				return "", nil, fault.New(fault.Invalid, "data-dir", "CliDataDirNeedsFolder")
			}
			dir = args[i+1]
			i++
		case strings.HasPrefix(a, "--data-dir="), strings.HasPrefix(a, "-data-dir="):
			dir = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	if dir == "" {
		dir = DefaultDataDir()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, fmt.Errorf("passerelle: data folder: %w", err)
	}
	return abs, rest, nil
}

// DefaultDataDir follows each OS's convention for a user's own application data. On Windows
// that is %LOCALAPPDATA%, not the roaming %APPDATA%: portfolios hold photos and PDFs, and a
// roaming profile (common on shared and library computers) copies the whole roaming folder
// over the network at every sign-in and sign-out, and puts SQLite on a network share.
func DefaultDataDir() string {
	if runtime.GOOS == "windows" {
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Passerelle")
		}
	}
	if runtime.GOOS == "linux" {
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "passerelle")
		}
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, ".local", "share", "passerelle")
		}
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "Passerelle")
	}
	return "passerelle-data"
}

// SystemLocale reads the locale the way POSIX programs do, then asks the system (Windows
// has no LANG: its display language is the learner's choice), so messages and the first-run
// language follow the learner's system.
func SystemLocale() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	if v := displayLanguage(); v != "" {
		return v
	}
	return "en"
}

// windowFlags are the flags of Wails' development build (each takes a value); the window
// accepts them and nothing else, so a mistyped command never opens a window.
var windowFlags = map[string]bool{"devserver": true, "assetdir": true, "loglevel": true,
	"frontenddevserverurl": true, "wailsjsdir": true}

// ForWindow tells whether args (after --data-dir is taken out) are for the window: none, the
// development build's own flags, and at most one portfolio file to open (what a double-click
// on a .passerelle file passes), or one shared copy (a coach's .passerelle-share, opened in
// coach mode). It returns that file, or "".
func ForWindow(args []string) (openPath string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if !windowFlags[name] {
				return "", false
			}
			if !hasValue {
				i++
			}
			continue
		}
		if ext := filepath.Ext(a); openPath != "" || !(strings.EqualFold(ext, portfolio.FileExtension) ||
			strings.EqualFold(ext, portfolio.SharedFileExtension)) {
			return "", false
		}
		openPath = a
	}
	return openPath, true
}
