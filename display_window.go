//go:build !bindings

package main

// generatingBindings is false in every build a person runs.
const generatingBindings = false
