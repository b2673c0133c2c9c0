#!/usr/bin/env bash
# End-to-end tests: node's test runner runs e2e/tests/*.test.mjs, which start the dev-server
# binary themselves (e2e/lib/server.mjs) and drive Debian chromium with playwright-core.
# The dev binary opens a window, so everything runs inside a private Xvfb display.
# Usage: scripts/e2e.sh [tests/FILE.test.mjs ...]
set -euo pipefail

cd "$(dirname "$0")/.."

if [ -z "${PASSERELLE_E2E_XVFB:-}" ]; then
	export PASSERELLE_E2E_XVFB=1
	exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$0" "$@"
fi

export PASSERELLE_DEV_BIN="$PWD/build/bin/passerelle-dev"
export PASSERELLE_ASSET_DIR="$PWD/frontend/dist"
export E2E_ARTIFACTS="$PWD/e2e/artifacts"
rm -rf "$E2E_ARTIFACTS"
mkdir -p "$E2E_ARTIFACTS"

cd e2e
# One test file at a time: each starts its own app, and the machine has 2 cores.
# Arguments, if any, name test files (relative to e2e/) to run instead of all of them.
if [ $# -gt 0 ]; then
	node --test --test-concurrency=1 "$@"
else
	node --test --test-concurrency=1 tests/*.test.mjs
fi
