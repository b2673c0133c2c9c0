package osfile

// accessDeniedMayPass: Windows answers "access denied" to a rename over a file another
// program has open, or that is still being deleted, and that passes.
const accessDeniedMayPass = true
