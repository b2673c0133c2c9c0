//go:build !windows

package main

// attachConsole does nothing outside Windows: a terminal always gives a program its output.
func attachConsole() {}
