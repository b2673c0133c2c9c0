//go:build !production

package app

// pagePathsAllowed is true outside the production window: the dev server serves the page to a
// browser, where the end-to-end tests stand in for the native dialog by passing paths.
const pagePathsAllowed = true
