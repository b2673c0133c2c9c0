//go:build windows

// Command holdfile plays the other program in the Wine journey (scripts/wine-journey.sh): it
// opens a file the way an antivirus or a second copy of an app can, sharing nothing, says
// "held", and lets go when its standard input closes (or after two minutes).
package main

import (
	"fmt"
	"io"
	"os"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: holdfile FILE")
		os.Exit(2)
	}
	name, err := syscall.UTF16PtrFromString(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "holdfile:", err)
		os.Exit(1)
	}
	defer syscall.CloseHandle(h)
	fmt.Println("held")
	done := make(chan struct{})
	go func() {
		io.Copy(io.Discard, os.Stdin)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
	}
}
