// Package filename holds the rules a file name must follow to be usable on Windows, where most
// learners are: no reserved device names (CON, NUL, COM1…), none of \ / : * ? " < > |, no
// control characters, no dot or space at the end. Passerelle follows them on every system, so
// a portfolio or a PDF made on Linux can be copied to a Windows computer as it is.
package filename

import (
	"strings"
	"unicode/utf8"
)

// forbidden are the characters Windows refuses in a file name (besides control characters).
const forbidden = `\/:*?"<>|`

// reserved are the device names Windows keeps for itself, with or without an extension:
// "CON.pdf" opens the console, not a file. The superscript digits count too.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"CONIN$": true, "CONOUT$": true, "CLOCK$": true}

func init() {
	for _, d := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		reserved["COM"+d], reserved["LPT"+d] = true, true
	}
}

// Valid tells whether name (one element, no folder) can be created on Windows as it is.
func Valid(name string) bool {
	if name == "" || name == "." || name == ".." || !utf8.ValidString(name) {
		return false
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(forbidden, r) {
			return false
		}
	}
	return !isReserved(name)
}

// Safe turns name into one that Valid accepts, changing as little as it can: each forbidden
// or control character becomes "_", dots and spaces at either end go, and a reserved device
// name gets "_" after it ("CON.pdf" becomes "CON_.pdf"). An empty result is fallback.
func Safe(name, fallback string) string {
	name = strings.ToValidUTF8(name, "_")
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(forbidden, r) {
			return '_'
		}
		return r
	}, name)
	name = strings.Trim(name, " .")
	if name == "" {
		return fallback
	}
	if isReserved(name) {
		stem, ext, _ := strings.Cut(name, ".")
		name = strings.TrimRight(stem, " ") + "_"
		if ext != "" {
			name += "." + ext
		}
	}
	return name
}

// isReserved compares the part before the first dot, as Windows does ("nul .txt" included).
func isReserved(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	return reserved[strings.ToUpper(strings.TrimRight(stem, " "))]
}
