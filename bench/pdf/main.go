// Command pdfbench measures the PDF portfolio export against Chromium headless printing the
// same content: time, peak memory and size, for the demo portfolio and a large one (200
// experiences, 60 outcomes, 80 photos of 12 MP). It prints a table of medians.
//
//	go run ./bench/pdf [-runs 5] [-work DIR] [-chromium /usr/bin/chromium]
//
// Each export runs in a child process (this program, re-run with -child), so the peak
// memory reported is that export's; Chromium's is the PSS of its whole process tree.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"passerelle/pdf"
)

// Attachment budgets the bench compares: none of the originals (the content Chromium prints),
// and every one of them whatever the size.
const (
	noOriginals  = 1
	allOriginals = -1
)

func main() {
	runs := flag.Int("runs", 5, "timed runs of each export; the medians are reported")
	work := flag.String("work", filepath.Join(os.TempDir(), "passerelle-pdf-bench"), "folder for inputs and outputs")
	chromium := flag.String("chromium", "/usr/bin/chromium", "Chromium to compare with; empty to skip")
	childDoc := flag.String("child", "", "internal: export this saved document and print the measurement")
	out := flag.String("out", "", "internal: where the child writes its PDF")
	budget := flag.Int64("budget", 0, "internal: the child's attachment budget")
	flag.Parse()
	if *childDoc != "" {
		if err := child(*childDoc, *out, *budget); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if err := bench(*work, *chromium, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "pdfbench:", err)
		os.Exit(1)
	}
}

func bench(work, chromium string, runs int) error {
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "preparing the demo and the large portfolio (photos are cached in", work+")…")
	demo, err := demoDocument(context.Background(), work)
	if err != nil {
		return err
	}
	large, err := largeDocument(work)
	if err != nil {
		return err
	}
	largePrint, err := withPrintCopies(large, work)
	if err != nil {
		return err
	}
	var rows []row
	for _, c := range []struct {
		name string
		doc  pdf.Document
	}{{"demo", demo}, {"large", large}, {"large, print copies (as the app exports)", largePrint}} {
		file := strings.NewReplacer(" ", "-", ",", "").Replace(c.name)
		docPath := filepath.Join(work, file+".gob")
		if err := save(c.doc, work, docPath); err != nil {
			return err
		}
		r := row{name: c.name}
		if r.ours, err = repeat(runs, func() (measurement, error) { return runChild(docPath, filepath.Join(work, file+".pdf"), 0) }); err != nil {
			return err
		}
		if r.all, err = repeat(runs, func() (measurement, error) {
			return runChild(docPath, filepath.Join(work, file+"-all-originals.pdf"), allOriginals)
		}); err != nil {
			return err
		}
		if r.bare, err = repeat(runs, func() (measurement, error) {
			return runChild(docPath, filepath.Join(work, file+"-no-originals.pdf"), noOriginals)
		}); err != nil {
			return err
		}
		if chromium != "" {
			html, err := writeHTML(c.doc, filepath.Join(work, file+"-html"))
			if err != nil {
				return err
			}
			profile := filepath.Join(work, "chromium-profile")
			if r.chrome, err = repeat(runs, func() (measurement, error) {
				return chromiumPrint(chromium, html, filepath.Join(work, file+"-chromium.pdf"), profile)
			}); err != nil {
				return err
			}
		}
		rows = append(rows, r)
	}
	report(os.Stdout, rows, runs)
	return nil
}

// runChild runs one timed export in a fresh process.
func runChild(docPath, out string, budget int64) (measurement, error) {
	self, err := os.Executable()
	if err != nil {
		return measurement{}, err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(self, "-child", docPath, "-out", out, "-budget", fmt.Sprint(budget))
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return measurement{}, fmt.Errorf("export %s: %v: %s", docPath, err, strings.TrimSpace(stderr.String()))
	}
	var m measurement
	return m, json.Unmarshal(stdout.Bytes(), &m)
}

// repeat runs a measurement n times and keeps the median of each figure.
func repeat(n int, f func() (measurement, error)) (measurement, error) {
	var all []measurement
	for range n {
		m, err := f()
		if err != nil {
			return measurement{}, err
		}
		all = append(all, m)
	}
	med := func(get func(measurement) float64) float64 {
		v := make([]float64, len(all))
		for i, m := range all {
			v[i] = get(m)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return measurement{Seconds: med(func(m measurement) float64 { return m.Seconds }),
		PeakKB:    int64(med(func(m measurement) float64 { return float64(m.PeakKB) })),
		ExportKB:  int64(med(func(m measurement) float64 { return float64(m.ExportKB) })),
		SizeBytes: int64(med(func(m measurement) float64 { return float64(m.SizeBytes) })),
		Pages:     all[0].Pages}, nil
}
