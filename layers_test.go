package main

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// layers is the import graph the folders show, lowest first: a package may import only
// packages of a lower layer. README's "How it is built" table states the same order.
var layers = [][]string{
	{"fault", "filename", "locales", "docs/examples", "credential/internal/jsonld"},
	{"osfile", "credential"},
	{"media", "credential/credtest"},
	{"portfolio"},
	{"plar", "intake"},
	{"pdf", "comment"},
	{"pdf/pdftest", "demo", "submission", "impact"},
	{"share"},
	{"cli", "app", "bench/pdf"},
	{".", "app/valuesgen"},
}

// TestLayers_NoPackageImportsAHigherOne reads every package's imports (test files aside) and
// fails when one reaches a package of its own layer or above, or when a package is missing
// from the table, so the picture in the README stays true.
func TestLayers_NoPackageImportsAHigherOne(t *testing.T) {
	rank := map[string]int{}
	for i, layer := range layers {
		for _, p := range layer {
			if _, twice := rank[p]; twice {
				t.Fatalf("%s is in two layers", p)
			}
			rank[p] = i
		}
	}
	const module = "passerelle"
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != "." && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata" || name == "frontend" || name == "build") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, build.IgnoreVendor)
		if _, none := err.(*build.NoGoError); none {
			return nil
		}
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(path)
		seen[dir] = true
		r, known := rank[dir]
		if !known {
			t.Errorf("package %s is in no layer: add it to layers (and to the README's table)", dir)
			return nil
		}
		for _, imp := range pkg.Imports {
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			target := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			if target == "" {
				target = "."
			}
			if tr, ok := rank[target]; !ok || tr >= r {
				t.Errorf("%s (layer %d) imports %s (layer %d): a package may import only lower layers", dir, r, target, tr)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var stale []string
	for p := range rank {
		if _, err := os.Stat(p); err != nil || !seen[p] {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("layers names packages that no longer exist: %v", stale)
	}
}
