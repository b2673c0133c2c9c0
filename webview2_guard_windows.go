//go:build production && !wv2runtime.error

package main

// A Windows release must be built with the tag wv2runtime.error. Without it Wails downloads
// and installs WebView2 silently when it is missing, which a learner on a paid or absent
// connection never agreed to. The name below is undefined on purpose, so such a build stops
// here and says why.
var _ = windowsReleasesNeedTheTag_wv2runtime_error_soWebView2IsNeverDownloaded
