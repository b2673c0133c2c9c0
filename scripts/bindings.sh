#!/usr/bin/env bash
# Regenerates the Wails bindings in frontend/wailsjs from the Go code, without the wails CLI:
# a binary built with the `bindings` tag writes them when run from the project root (it reads
# wails.json there). Then app/valuesgen writes frontend/wailsjs/values.ts, the lists of allowed
# values the page takes from Go. Files whose content did not change keep their old modification time, so
# make does not rebuild the frontend for nothing.
#
# Usage: scripts/bindings.sh          regenerate
#        scripts/bindings.sh --check  regenerate, then fail if git sees any change or new file
set -euo pipefail

cd "$(dirname "$0")/.."

check=false
[ "${1:-}" = --check ] && check=true

wailsjs=frontend/wailsjs
bin=$(mktemp -d)/passerelle-bindings
keep=$(mktemp -d)
trap 'rm -rf "$(dirname "$bin")" "$keep"' EXIT

# main.go embeds frontend/dist: give a fresh clone something to embed.
if [ ! -d frontend/dist ]; then
	mkdir -p frontend/dist
	: >frontend/dist/.placeholder
fi

[ -d "$wailsjs" ] && cp -a "$wailsjs/." "$keep/"

go build -tags bindings,webkit2_41 -o "$bin" .
# A scratch data dir: the program must not touch the user's portfolios while it generates.
# It prints every type it converts: keep that for when it fails.
if ! PASSERELLE_DATA_DIR=$(dirname "$bin")/data "$bin" >"$(dirname "$bin")/log" 2>&1; then
	cat "$(dirname "$bin")/log" >&2
	echo "bindings: generating the bindings failed" >&2
	exit 1
fi

# The lists of allowed values, limits and event names the page shares with Go (app/values.go).
if ! go run ./app/valuesgen; then
	echo "bindings: writing the shared values failed" >&2
	exit 1
fi

# Put back the old time stamp on every file that came out the same.
if [ -d "$keep" ]; then
	while IFS= read -r -d '' f; do
		rel=${f#"$keep"/}
		if [ -f "$wailsjs/$rel" ] && cmp -s "$f" "$wailsjs/$rel"; then
			touch -r "$f" "$wailsjs/$rel"
		fi
	done < <(find "$keep" -type f -print0)
fi

if $check; then
	# Compare with what was there before: on a fresh clone that is what is committed.
	if ! diff -r -q "$keep" "$wailsjs" >&2; then
		echo "bindings: frontend/wailsjs is out of date with the Go code; run 'make bindings' and commit it" >&2
		diff -r -u "$keep" "$wailsjs" | head -n 60 >&2 || true
		exit 1
	fi
	# And with git, so that a generated file that was never committed is caught too.
	changed=$(git status --porcelain --untracked-files=all -- "$wailsjs")
	if [ -n "$changed" ]; then
		echo "bindings: frontend/wailsjs differs from what git has (commit it):" >&2
		echo "$changed" | head -n 10 >&2
		[ "$(echo "$changed" | wc -l)" -gt 10 ] && echo "  ... $(echo "$changed" | wc -l) files in all" >&2
		# In CI this is a fresh clone, so any difference is a fault; on a work tree it may be
		# work not yet committed.
		[ "${CI:-}" = true ] && exit 1
		echo "bindings: (not an error outside CI)" >&2
	fi
	echo "bindings: frontend/wailsjs is up to date"
else
	echo "bindings: regenerated $wailsjs"
fi
