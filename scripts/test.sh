#!/usr/bin/env bash
# Every check of `make test`, in order, each timed. A failing stage does not stop the later ones
# (their results still tell something); the run fails at the end if any stage failed.
# SKIP="e2e smoke" skips stages by name (for local iterations; CI skips nothing).
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

stages=(
	"setup:scripts/setup.sh"
	"frontend-build:make frontend"
	"gofmt:make fmt-check"
	"go-vet:make vet"
	"staticcheck:make staticcheck"
	"go-test:make go-test"
	"svelte-check:make frontend-check"
	"eslint:make frontend-lint"
	"vitest:make frontend-test"
	"bindings-fresh:make bindings-check"
	"build:make build"
	"dist:make dist"
	"deb-test:scripts/deb-test.sh"
	"wine:make wine"
	"installer-test:scripts/installer-test.sh"
	"fuzz:make fuzz-short"
	"e2e:make e2e"
	"smoke:make smoke"
)

skip=" ${SKIP:-} "
if [ "${CI:-}" = true ] && [ -n "${SKIP:-}" ]; then
	echo "make test: SKIP=\"$SKIP\" is for local runs; under CI every stage runs"
	exit 1
fi
passed=0 failed=0 skipped=0
failed_names=()
report=()
t_all=$(date +%s.%N)
n=${#stages[@]}
i=0

for entry in "${stages[@]}"; do
	i=$((i + 1))
	name=${entry%%:*}
	cmd=${entry#*:}
	if [[ $skip == *" $name "* ]]; then
		echo "=== [$i/$n] $name: skipped (SKIP)"
		skipped=$((skipped + 1))
		report+=("$(printf '%-15s %-7s %8s' "$name" skipped -)")
		continue
	fi
	echo
	echo "=== [$i/$n] $name: $cmd"
	t0=$(date +%s.%N)
	if $cmd; then
		status=ok
		passed=$((passed + 1))
	else
		status=FAILED
		failed=$((failed + 1))
		failed_names+=("$name")
		if [ "$name" = setup ]; then
			echo "make test: setup failed; nothing else can run"
			exit 1
		fi
	fi
	secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	echo "=== [$i/$n] $name: $status in ${secs}s"
	report+=("$(printf '%-15s %-7s %7ss' "$name" "$status" "$secs")")
done

total=$(awk -v a="$t_all" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
echo
echo "=== make test: time per stage"
printf '%s\n' "${report[@]}"
printf '%-15s %-7s %7ss\n' total "" "$total"
echo
if [ "$failed" -gt 0 ]; then
	echo "make test: FAILED: ${failed_names[*]}"
fi
line="stages: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line+=", $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
