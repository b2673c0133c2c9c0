//go:build memprofile

package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// A build with the tag memprofile (never a release) writes a heap profile to
// $PASSERELLE_MEMPROFILE, and the runtime's memory statistics beside it (.txt), each time a file
// named $PASSERELLE_MEMPROFILE.now appears, so the memory of the window process can be looked
// into with the real window open. A file, not a signal: WebKit's JavaScript engine owns SIGUSR1.
func init() {
	path := os.Getenv("PASSERELLE_MEMPROFILE")
	if path == "" {
		return
	}
	go func() {
		for range time.Tick(500 * time.Millisecond) {
			if os.Remove(path+".now") != nil {
				continue
			}
			if err := writeMemProfile(path); err != nil {
				fmt.Fprintln(os.Stderr, "passerelle: memory profile:", err)
			}
		}
	}()
}

func writeMemProfile(path string) error {
	var m runtime.MemStats
	runtime.ReadMemStats(&m) // as the window holds it, before the collection the profile needs
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	text := fmt.Sprintf("HeapHeld %d\nHeapAlloc %d\nHeapInuse %d\nHeapIdle %d\nHeapReleased %d\nHeapSys %d\nStackInuse %d\n"+
		"MSpanInuse %d\nGCSys %d\nOtherSys %d\nSys %d\nNumGC %d\n",
		m.HeapSys-m.HeapReleased, m.HeapAlloc, m.HeapInuse, m.HeapIdle, m.HeapReleased, m.HeapSys, m.StackInuse, m.MSpanInuse, m.GCSys,
		m.OtherSys, m.Sys, m.NumGC)
	return os.WriteFile(path+".txt", []byte(text), 0o600)
}
