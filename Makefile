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
LDFLAGS := -w -s

BIN := build/bin/passerelle
DEV_BIN := build/bin/passerelle-dev
# Windows: cross-built without cgo; wv2runtime.error makes a missing WebView2 a message, never
# a silent download (a build without it stops at webview2_guard_windows.go).
WIN_EXE := build/bin/passerelle.exe
TAGS_WIN := desktop,production,wv2runtime.error

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

.PHONY: help setup frontend bindings bindings-check build build-prod build-dev run \
	test fmt-check vet go-test frontend-check frontend-test fuzz fuzz-short e2e smoke bench clean \
	build-windows wine

help:
	@echo "make run      install what is missing, build and open Passerelle"
	@echo "make test     install what is missing and run every check (what CI runs)"
	@echo "make setup    Debian packages, npm ci in frontend/ and e2e/, go mod download"
	@echo "make build    frontend + $(BIN) + $(DEV_BIN)"
	@echo "make bindings regenerate frontend/wailsjs from the Go code"
	@echo "make e2e      Playwright tests in Debian chromium against the dev server (under Xvfb)"
	@echo "make smoke    the production window under Xvfb: screenshot (SHOT=$(SHOT)) + one keyboard edit"
	@echo "make bench    binary size, start-up time, memory, open-and-list time"
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
	$(GO) build -tags $(TAGS_DEV) -o $(DEV_BIN) .

build-windows: frontend
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -tags $(TAGS_WIN) -ldflags "$(LDFLAGS) -H windowsgui" -o $(WIN_EXE) .

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
	$(GO) vet ./...

go-test: frontend
	$(GO) test -count=1 ./...

frontend-check:
	@scripts/setup.sh npm frontend
	cd frontend && npm run check

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

bench: build-prod
	scripts/bench.sh

clean:
	rm -rf build/bin frontend/dist e2e/artifacts
