//go:build bindings

package main

// generatingBindings is true in the build that only writes frontend/wailsjs: it runs
// wails.Run, which needs no display there.
const generatingBindings = true
