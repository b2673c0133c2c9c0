package main

import (
	"os"
	"syscall"
)

// attachConsole lets a headless command print to the console it was typed in. The window
// build is a GUI program (-H windowsgui), which Windows starts with no console and no
// standard handles, so its output and error messages would go nowhere. Output already
// redirected to a file or a pipe is left alone; started from Explorer there is no console to
// attach to, and nothing changes.
func attachConsole() {
	in, out, errOut := usable(syscall.Stdin), usable(syscall.Stdout), usable(syscall.Stderr)
	if in && out && errOut {
		return
	}
	kernel32 := syscall.NewLazyDLL("kernel32.dll")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if ok, _, _ := kernel32.NewProc("AttachConsole").Call(attachParentProcess); ok == 0 {
		return
	}
	setStdHandle := kernel32.NewProc("SetStdHandle")
	reopen := func(usable bool, name string, flag int, std **os.File, which int) {
		if usable {
			return
		}
		f, err := os.OpenFile(name, flag, 0)
		if err != nil {
			return
		}
		*std = f
		setStdHandle.Call(uintptr(uint32(int32(which))), f.Fd())
	}
	reopen(in, "CONIN$", os.O_RDWR, &os.Stdin, syscall.STD_INPUT_HANDLE)
	reopen(out, "CONOUT$", os.O_RDWR, &os.Stdout, syscall.STD_OUTPUT_HANDLE)
	reopen(errOut, "CONOUT$", os.O_RDWR, &os.Stderr, syscall.STD_ERROR_HANDLE)
}

// usable tells whether a standard handle leads somewhere: a console, a file or a pipe.
func usable(h syscall.Handle) bool {
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}
