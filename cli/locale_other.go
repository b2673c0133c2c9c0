//go:build !windows

package cli

// displayLanguage is empty where the environment (LANG, LC_*) is the only word on the language.
func displayLanguage() string { return "" }
