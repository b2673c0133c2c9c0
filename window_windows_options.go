package main

import (
	"passerelle/locales"

	"github.com/wailsapp/wails/v2/pkg/options/windows"
)

// windowsOptions gives the window's Windows settings: a missing or too old WebView2 runtime
// (Windows 10 without updates) is a message in English and French that says what to install.
// Release builds use Wails' wv2runtime.error strategy (webview2_guard_windows.go), so
// Passerelle never downloads anything by itself: the learner may have no connection, or pay
// for every megabyte.
func windowsOptions(catalog *locales.Catalog) *windows.Options {
	both := func(id string) string {
		return catalog.Text("en", id, nil) + "\n\n" + catalog.Text("fr", id, nil)
	}
	m := windows.DefaultMessages()
	m.Error = catalog.Text("en", "WebView2MissingTitle", nil) + " / " +
		catalog.Text("fr", "WebView2MissingTitle", nil)
	m.MissingRequirements = m.Error
	m.ContactAdmin = both("WebView2Missing")
	m.Webview2NotInstalled = catalog.Text("en", "WebView2MissingShort", nil) + " / " +
		catalog.Text("fr", "WebView2MissingShort", nil)
	// The other strategies' texts, should a build ever use one, say the same thing.
	m.InstallationRequired, m.UpdateRequired, m.DownloadPage = m.ContactAdmin, m.ContactAdmin, m.ContactAdmin
	m.PressOKToInstall, m.FailedToInstall = "", m.Webview2NotInstalled
	return &windows.Options{Messages: m}
}
