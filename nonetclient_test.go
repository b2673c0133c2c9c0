package main

import (
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// networkPackages are the standard packages through which Go code reaches the network as a
// client: importing one is what a network client needs.
var networkPackages = map[string]bool{"net/http": true, "crypto/tls": true, "net/http/httputil": true}

// reviewedNetworkImporters are the dependencies that import a network package although
// Passerelle never reaches the network through them; each was read, and the release binaries
// hold no HTTP client (scripts/dist.sh checks their symbols). A new entry needs the same review.
var reviewedNetworkImporters = map[string]string{
	"github.com/wailsapp/wails/v2/pkg/assetserver":          "serves the page to the WebView in process (http.Handler, no client)",
	"github.com/wailsapp/wails/v2/pkg/assetserver/webview":  "the WebView's requests as http.Request values",
	"github.com/wailsapp/wails/v2/pkg/options":              "the asset server's http.Handler option",
	"github.com/wailsapp/wails/v2/pkg/options/assetserver":  "the asset server's http.Handler option",
	"github.com/wailsapp/wails/v2/internal/webview2runtime": "Windows: the release is built with wv2runtime.error (Makefile), which only shows a message; the bootstrapper download is never linked",
	"github.com/wailsapp/go-webview2/pkg/edge":              "Windows: WebView2 requests as http.Header values",
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/primitives":        "image boxes by URL, a form feature Passerelle never calls",
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/sign":              "signature revocation checks, never called (Passerelle validates no PDF signature)",
}

// bannedModules held an HTTP client or only served one (json-gold's document loaders, their
// cache headers, the N-Quads parser they brought): credential/internal/jsonld replaces them.
var bannedModules = []string{"github.com/piprate/json-gold", "github.com/pquerna/cachecontrol", "github.com/cayleygraph/"}

// TestProductionBinary_HasNoNetworkClient lists the packages of the Linux and Windows release
// builds and fails when a module that carried a network client comes back, when a Passerelle
// package imports a network package, or when another dependency starts importing one.
func TestProductionBinary_HasNoNetworkClient(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: the go command is not on PATH")
		}
		t.Skip("the go command is not on PATH")
	}
	// The tags and cgo setting of the Makefile's build-prod and build-windows.
	for _, build := range []struct{ goos, tags, cgo string }{
		{"linux", "desktop,production,webkit2_41", "1"},
		{"windows", "desktop,production,wv2runtime.error", "0"},
	} {
		t.Run(build.goos, func(t *testing.T) {
			cmd := exec.Command(goTool, "list", "-deps", "-e", "-tags", build.tags,
				"-f", "{{.ImportPath}}\t{{.Standard}}\t{{join .Imports \" \"}}", ".")
			cmd.Env = append(os.Environ(), "GOOS="+build.goos, "GOARCH=amd64", "CGO_ENABLED="+build.cgo)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list: %v", err)
			}
			seen, importers := 0, []string{}
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				fields := strings.SplitN(line, "\t", 3)
				if len(fields) != 3 {
					t.Fatalf("go list line %q", line)
				}
				pkg, standard, imports := fields[0], fields[1] == "true", strings.Fields(fields[2])
				seen++
				for _, m := range bannedModules {
					if strings.HasPrefix(pkg, m) {
						t.Errorf("%s is in the %s build: it brings an HTTP client Passerelle never uses", pkg, build.goos)
					}
				}
				if standard {
					continue
				}
				for _, imp := range imports {
					if !networkPackages[imp] {
						continue
					}
					if pkg == "passerelle" || strings.HasPrefix(pkg, "passerelle/") {
						t.Errorf("%s imports %s: Passerelle makes no network call", pkg, imp)
					} else if _, ok := reviewedNetworkImporters[pkg]; !ok {
						importers = append(importers, pkg+" → "+imp)
					}
				}
			}
			if seen < 100 {
				t.Fatalf("go list named only %d packages: not the application's build", seen)
			}
			sort.Strings(importers)
			if len(importers) > 0 {
				t.Errorf("dependencies newly import a network package (review them, then list them in reviewedNetworkImporters):\n%s", strings.Join(importers, "\n"))
			}
		})
	}
}
