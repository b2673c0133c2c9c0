package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"passerelle/pdf"
	"passerelle/pdf/pdftest"
)

// measurement is what one timed export (ours or Chromium's) cost.
type measurement struct {
	Seconds   float64 `json:"seconds"`
	PeakKB    int64   `json:"peakKB"`    // whole process(es) at their peak
	ExportKB  int64   `json:"exportKB"`  // above the document already in memory (ours only)
	SizeBytes int64   `json:"sizeBytes"` // of the PDF written
	Pages     int     `json:"pages"`
}

// child runs one export in its own process, so its peak memory is its own: it loads the
// document, resets the kernel's high-water mark, then times pdf.WriteFile.
func child(docPath, out string, budget int64) error {
	doc, err := load(docPath)
	if err != nil {
		return err
	}
	opts, err := pdftest.Options(pdf.Bilingual)
	if err != nil {
		return err
	}
	opts.MaxAttachmentBytes = budget
	opts.FixedDate = time.Date(2025, 3, 14, 12, 0, 0, 0, time.UTC)
	runtime.GC()
	debug.FreeOSMemory()
	// Writing 5 to clear_refs resets VmHWM, so the peak read later is the export's.
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return fmt.Errorf("reset peak memory: %w", err)
	}
	base := status("VmRSS")
	start := time.Now()
	res, err := pdf.WriteFile(context.Background(), doc, opts, out)
	if err != nil {
		return err
	}
	m := measurement{Seconds: time.Since(start).Seconds(), PeakKB: status("VmHWM"), Pages: res.Pages}
	m.ExportKB = m.PeakKB - base
	if fi, err := os.Stat(out); err == nil {
		m.SizeBytes = fi.Size()
	}
	return json.NewEncoder(os.Stdout).Encode(m)
}

// status reads one kB field of /proc/self/status.
func status(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return n
		}
	}
	return 0
}
