# Passerelle: build, run and test. GNU make.
#   make run    install what is missing, build, open the app
#   make test   install what is missing, then every check (what CI runs)
# Every build uses the same flags, so the Go build cache is shared between targets.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

GO ?= go
TAGS_PROD := desktop,production,webkit2_41
TAGS_DEV := dev,webkit2_41
# Windows: wv2runtime.error makes a missing WebView2 runtime an error message instead of Wails'
# default download of Microsoft's bootstrapper (no network, ever; and 1.4 MB less code).
TAGS_WIN := desktop,production,wv2runtime.error
# Windows: no inlining outside the packages where a learner waits for the CPU (the runtime,
# images, compression, hashing and crypto, the PDF writer, Passerelle's own code). The installer
# must stay under 6 MB for slow or paid connections, and inlined code is both bigger and less
# compressible. Measured (xz -9 of the exe): inlining everywhere 6.11 MB; off everywhere 5.41 MB
# (but SQLite and photo work then take 30-50% more CPU); this list 5.64 MB, installer 5.8 MB.
# The Linux build keeps inlining everywhere: its .deb is well within its 7 MB.
WIN_INLINE := runtime runtime/... internal/... image/... compress/... hash/... crypto/... \
	bytes strings sort slices maps math/... unicode/... strconv sync/... io bufio os syscall \
	database/sql encoding/binary golang.org/x/image/... golang.org/x/crypto/... \
	codeberg.org/go-pdf/fpdf passerelle/...
# The JSON-LD processor copied from json-gold stays without inlining, as it was when it was a
# module outside passerelle/... (the last matching -gcflags wins): 48 KB less exe, 17 KB less
# installer, and canonicalising a credential is not where a learner waits.
WIN_NO_INLINE := passerelle/credential/internal/jsonld
GCFLAGS_WIN := -gcflags=all=-l $(foreach p,$(WIN_INLINE),-gcflags=$(p)=) $(foreach p,$(WIN_NO_INLINE),-gcflags=$(p)=-l)
# Every build carries its version (passerelle --version), from git describe.
VERSION := $(shell scripts/version.sh)
LDFLAGS := -w -s -X main.version=$(VERSION)

# The module's Go packages. npm puts Go code of its own under frontend/node_modules (a copy
# of flatted), which is not ours to vet, check or test.
GO_PACKAGES = $(shell $(GO) list -e ./... | grep -v /node_modules/)

BIN := build/bin/passerelle
DEV_BIN := build/bin/passerelle-dev
WIN_EXE := build/bin/passerelle.exe

# Fuzz targets as PACKAGE:FuzzName, run one after the other. Empty: every Fuzz* test in the
# module (scripts/fuzz.sh --list), so a new fuzz test is fuzzed without editing this file.
# e.g. make fuzz FUZZ_TARGETS="./media:FuzzInspect ./media:FuzzDisplayCopy"
FUZZ_TARGETS ?=
# Short runs for make test, longer ones for make fuzz.
FUZZTIME_SHORT ?= 10s
FUZZTIME ?= 60s
# Where make smoke saves its screenshot.
SHOT ?= /tmp/passerelle-smoke.png

# Everything the frontend build reads (not its output, not node_modules).
FRONTEND_SRC := $(shell find frontend \( -path frontend/node_modules -o -path frontend/dist \) -prune -o -type f -print 2>/dev/null) \
	$(wildcard locales/*.json)

.PHONY: help setup frontend bindings bindings-check build build-prod build-dev build-windows run \
	test fmt-check vet staticcheck go-test frontend-check frontend-lint frontend-test fuzz fuzz-short e2e smoke bench clean \
	dist deb-test installer-test wine

help:
	@echo "make run      install what is missing, build and open Passerelle"
	@echo "make test     install what is missing and run every check (what CI runs)"
	@echo "make setup    Debian packages, npm ci in frontend/ and e2e/, go mod download"
	@echo "make build    frontend + $(BIN) + $(DEV_BIN)"
	@echo "make bindings regenerate frontend/wailsjs from the Go code"
	@echo "make e2e      Playwright tests in Debian chromium against the dev server (under Xvfb)"
	@echo "make smoke    the production window under Xvfb: screenshot (SHOT=$(SHOT)) + one keyboard edit"
	@echo "make bench    binary, installer and .deb sizes, start-up time, memory, open-and-list time"
	@echo "make dist     dist/: Windows installer, .deb, bare Linux and Windows binaries, SHA256SUMS"
	@echo "make deb-test install the .deb (dpkg -i), run it and its window, remove it"
	@echo "make installer-test  the Windows installer under Wine: /S install, run, uninstall"
	@echo "make fuzz     fuzz each of FUZZ_TARGETS for FUZZTIME=$(FUZZTIME)"
	@echo "make wine     Windows under Wine: the Go tests as Windows binaries, then the headless journey of $(WIN_EXE)"

setup:
	@scripts/setup.sh

# ---- builds ---------------------------------------------------------------------------------

frontend: frontend/dist/index.html

frontend/dist/index.html: $(FRONTEND_SRC)
	@scripts/setup.sh npm frontend
	cd frontend && npm run build
	@touch $@

bindings:
	scripts/bindings.sh

bindings-check:
	scripts/bindings.sh --check

build: build-prod build-dev

build-prod: frontend
	$(GO) build -tags $(TAGS_PROD) -ldflags "$(LDFLAGS)" -o $(BIN) .

build-dev: frontend
	$(GO) build -tags $(TAGS_DEV) -ldflags "-X main.version=$(VERSION)" -o $(DEV_BIN) .

# No cgo: Wails uses WebView2 through go-webview2. A GUI-subsystem program (no console window).
# rsrc_windows_amd64.syso (icon, version in English and French, manifest) is linked in by go
# build; the check reads them back from the built program.
build-windows: frontend
	$(GO) run ./build/windows/winres -version "$(VERSION)" -icon build/appicon.png -out rsrc_windows_amd64.syso
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -tags $(TAGS_WIN) $(GCFLAGS_WIN) -ldflags "$(LDFLAGS) -H windowsgui" -o $(WIN_EXE) .
	$(GO) run ./build/windows/winres -check $(WIN_EXE) -version "$(VERSION)"

# ---- release --------------------------------------------------------------------------------

dist: build-prod build-windows
	scripts/dist.sh

deb-test: dist
	scripts/deb-test.sh

installer-test: dist
	scripts/installer-test.sh

run: setup build
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		echo "make run: no display (DISPLAY is not set); on a headless machine try: xvfb-run -a make run"; exit 1; fi
	./$(BIN)

# ---- checks ---------------------------------------------------------------------------------

test:
	@scripts/test.sh

fmt-check:
	@files=$$(git ls-files --cached --others --exclude-standard -- '*.go' ':!:frontend/**' | xargs -r gofmt -l); \
	if [ -n "$$files" ]; then echo "gofmt would change:"; echo "$$files"; exit 1; fi; \
	echo "gofmt: clean"

vet: frontend
	$(GO) vet $(GO_PACKAGES)

staticcheck: frontend
	@scripts/setup.sh go
	"$$($(GO) env GOPATH)/bin/staticcheck" $(GO_PACKAGES)
	@echo "staticcheck: clean"

# The second run checks the app's path policy as the production window has it (the first run
# builds without the production tag: the dev door the end-to-end tests use).
go-test: frontend
	$(GO) test -count=1 $(GO_PACKAGES)
	$(GO) test -count=1 -tags production -run 'TestPaths' ./app

frontend-check:
	@scripts/setup.sh npm frontend
	cd frontend && npm run check

# ESLint (typescript-eslint, eslint-plugin-svelte) over frontend/src; warnings fail it too.
frontend-lint:
	@scripts/setup.sh npm frontend
	cd frontend && npm run lint

frontend-test:
	@scripts/setup.sh npm frontend
	cd frontend && npm test

fuzz-short:
	@FUZZTIME=$(FUZZTIME_SHORT) scripts/fuzz.sh $(FUZZ_TARGETS)

fuzz:
	@FUZZTIME=$(FUZZTIME) scripts/fuzz.sh $(FUZZ_TARGETS)

e2e: build-dev
	@scripts/setup.sh npm e2e
	scripts/e2e.sh

wine: build-windows
	scripts/wine-test.sh

smoke: build-prod
	SHOT=$(SHOT) scripts/smoke.sh

bench: dist
	scripts/bench.sh

clean:
	rm -rf build/bin frontend/dist e2e/artifacts dist
