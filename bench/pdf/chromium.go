package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// sampleEvery is how often Chromium's memory is read while it prints.
const sampleEvery = 20 * time.Millisecond

// chromiumPrint times Chromium headless printing html to a PDF and samples the proportional
// set size of its whole process tree (browser, renderer, GPU and utility processes), so
// memory the processes share is counted once.
func chromiumPrint(chromium, html, out, profile string) (measurement, error) {
	os.Remove(out)
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--no-pdf-header-footer", "--user-data-dir="+profile, "--print-to-pdf="+out, "file://"+html)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measurement{}, fmt.Errorf("start chromium: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var peak int64
	tick := time.NewTicker(sampleEvery)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			m := measurement{Seconds: time.Since(start).Seconds(), PeakKB: peak}
			if err != nil {
				return m, fmt.Errorf("chromium: %w", err)
			}
			fi, err := os.Stat(out)
			if err != nil {
				return m, fmt.Errorf("chromium wrote no PDF: %w", err)
			}
			m.SizeBytes = fi.Size()
			m.Pages = pageCount(out)
			return m, nil
		case <-tick.C:
			peak = max(peak, treePSS(cmd.Process.Pid))
		}
	}
}

// pageCount reads a PDF's page count with pdfcpu, configured here so that it writes no
// configuration folder of its own.
func pageCount(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	conf := &model.Configuration{Reader15: true, ValidationMode: model.ValidationRelaxed, Limits: model.DefaultResourceLimits()}
	ctx, err := pdfcpu.ReadWithContext(context.Background(), f, conf)
	if err != nil || ctx.EnsurePageCount() != nil {
		return 0
	}
	return ctx.PageCount
}

// treePSS sums the PSS (kB) of pid and all its descendants.
func treePSS(pid int) int64 {
	children := map[int][]int{}
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// The command name may hold spaces; the fields after its closing parenthesis do not.
		s := string(data)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		self, _ := strconv.Atoi(strings.Fields(s)[0])
		children[ppid] = append(children[ppid], self)
	}
	var total int64
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = append(queue[1:], children[p]...)
		total += pss(p)
	}
	return total
}

func pss(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "Pss:"); ok {
			n, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return n
		}
	}
	return 0
}
