package main

import (
	"fmt"
	"io"
)

// row is one portfolio's medians: our export with the originals attached within the default
// budget, with all of them, without them (the content Chromium prints), and Chromium's.
type row struct {
	name                    string
	ours, all, bare, chrome measurement
}

// report prints the medians as a Markdown table, with the ratios the issue sets targets for.
func report(w io.Writer, rows []row, runs int) {
	fmt.Fprintf(w, "Medians of %d runs. Peak memory: our export's process (RSS high-water mark), Chromium's process tree (PSS).\n\n", runs)
	fmt.Fprintln(w, "| portfolio | pages | export | time | peak memory | of which the export | size |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, r := range rows {
		line := func(what string, m measurement) {
			if m.Seconds == 0 {
				return
			}
			export := "—"
			if m.ExportKB > 0 {
				export = mib(m.ExportKB * 1024)
			}
			fmt.Fprintf(w, "| %s | %d | %s | %.3f s | %s | %s | %s |\n", r.name, m.Pages, what, m.Seconds, mib(m.PeakKB*1024), export, mib(m.SizeBytes))
		}
		line("passerelle, originals attached (16 MiB budget)", r.ours)
		line("passerelle, every original attached", r.all)
		line("passerelle, no originals attached", r.bare)
		line("chromium --print-to-pdf", r.chrome)
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		if r.chrome.Seconds == 0 {
			continue
		}
		fmt.Fprintf(w, "%s: Chromium takes %.1f× the time of our export (%.1f× without originals), %.1f× the memory; its PDF is %.2f× the size of ours without originals.\n",
			r.name, r.chrome.Seconds/r.ours.Seconds, r.chrome.Seconds/r.bare.Seconds, float64(r.chrome.PeakKB)/float64(r.ours.PeakKB),
			float64(r.chrome.SizeBytes)/float64(r.bare.SizeBytes))
	}
}

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
