package cli

import "golang.org/x/sys/windows"

// displayLanguage is the first of the user's preferred Windows display languages ("fr-CA").
func displayLanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
