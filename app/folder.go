package app

import (
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"time"

	"passerelle/fault"
)

// revealWait is how long Show in folder waits to hear from the launcher: one that cannot open
// anything (xdg-open with no file manager exits 3 or 4) says so within it, while a file
// manager that opened may keep running.
const revealWait = 3 * time.Second

// ShowInFolder opens the folder that holds an exported file in the system's file manager
// (a local program, never the network), selecting the file where the system can. When
// nothing can open it, the learner is told so, with the folder's path. In the production
// window, only for a file the learner chose to export to.
func (x *Export) ShowInFolder(path string) error {
	if err := x.s.allowPath(chosenExport, path); err != nil {
		return err
	}
	return reveal(goruntime.GOOS, path, revealWait)
}

// reveal starts the system's way of showing path in its folder and reports a launcher that
// failed; the error names the folder, so the learner can find the file by hand.
func reveal(goos, path string, wait time.Duration) error {
	var cmd *exec.Cmd
	switch goos {
	case "windows":
		cmd = exec.Command("explorer", "/select,", path)
	case "darwin":
		cmd = exec.Command("open", "-R", path)
	default:
		cmd = exec.Command("xdg-open", filepath.Dir(path))
	}
	failed := fault.New(fault.Unsupported, "", "ErrShowInFolder", "Path", filepath.Dir(path))
	if err := cmd.Start(); err != nil {
		return failed
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		// Explorer exits with 1 even when it opened the folder: only its start counts.
		if err != nil && goos != "windows" {
			return failed
		}
		return nil
	case <-time.After(wait):
		return nil
	}
}
