//go:build production

package app

// pagePathsAllowed is false in the production window: a path from the page must have been
// chosen by the learner in a native dialog (see allowPath).
const pagePathsAllowed = false
