#!/usr/bin/env bash
# Numbers for the production binary, on this machine, under Xvfb:
#   - binary size, and the sizes of the Windows binary, installer and .deb (from make dist)
#   - process start to window mapped (median of RUNS runs)
#   - memory once the demo portfolio is open (median of MEM_RUNS launches): PSS of the app's own
#     process (Go, GTK and WebKit's UI side; its anonymous part is what the app allocates) apart
#     from its WebKit web and network processes
#   - time to open the demo portfolio and list everything (Go benchmark BenchmarkOpenDemo*)
#   - readiness with 40 evidence files of 10 MiB and of 200 MiB in all (BenchmarkReadiness)
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
in_xvfb "$0" "$@"

RUNS=${RUNS:-7}
MEM_RUNS=${MEM_RUNS:-5}
SETTLE=${SETTLE:-3}
# BENCH_ONLY=memory measures the memory and nothing else (to compare two builds: BIN=…).
BENCH_ONLY=${BENCH_ONLY:-}
BIN=${BIN:-$PWD/build/bin/passerelle}

work=$(mktemp -d)
trap 'stop_app; rm -rf "$work"' EXIT
data=$work/data
mkdir -p "$data/portfolios"
"$BIN" demo --out "$data/portfolios/demo.passerelle" >/dev/null

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Pids of $1 and all its descendants.
tree() {
	ps -e -o pid=,ppid= | awk -v root="$1" '
		{ parent[$1] = $2 }
		END {
			keep[root] = 1; changed = 1
			while (changed) { changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
			for (p in keep) print p
		}'
}

size=$(stat -c %s "$BIN")
awk -v s="$size" 'BEGIN { printf "binary size:               %.1f MiB (%d bytes)\n", s / 1048576, s }'
# The release files of make dist, what a learner downloads (MB as in the size budgets).
for f in build/bin/passerelle.exe dist/passerelle-*-setup.exe dist/passerelle_*_amd64.deb; do
	[ -f "$f" ] || continue
	case $f in
	*.exe) what="Windows $([[ $f == *-setup.exe ]] && echo installer || echo binary):" ;;
	*.deb) what=".deb:" ;;
	esac
	awk -v w="$what" -v s="$(stat -c %s "$f")" -v f="$f" \
		'BEGIN { printf "%-26s %.2f MB, %.1f MiB (%d bytes) %s\n", w, s / 1e6, s / 1048576, s, f }'
done

# ---- start to window mapped ------------------------------------------------------------------
times=()
[ "$BENCH_ONLY" = memory ] && RUNS=0
for i in $(seq 1 "$RUNS"); do
	t0=$(now)
	start_app "$data" "$work/app-$i.log" "$BIN"
	found=
	for _ in $(seq 1 1500); do # 20 ms steps, 30 s at most
		if xdotool search --onlyvisible --name '^Passerelle$' >/dev/null 2>&1; then
			found=1
			break
		fi
		sleep 0.02
	done
	t1=$(now)
	[ -n "$found" ] || { echo "bench: no window within 30 s (run $i)" >&2; tail -n 20 "$work/app-$i.log" >&2; exit 1; }
	times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
	stop_app
done
[ "$RUNS" -gt 0 ] && med=$(printf '%s\n' "${times[@]}" | median) &&
	echo "start to window mapped:    $(awk -v m="$med" 'BEGIN { printf "%.0f ms", m * 1000 }') median of $RUNS (runs: ${times[*]} s)"

# ---- memory after load -----------------------------------------------------------------------
# Each run opens the demo portfolio with the keyboard, as a learner would, lets it settle, then
# reads smaps_rollup: PSS of the app process, its anonymous part, and the PSS of its WebKit
# processes. PSS shares a library's pages among every process mapping it, so other programs
# running WebKit at the same time make the file-backed part smaller: compare anonymous memory.
kib() { awk '/^'"$1"':/ { print $2 }' "$2"; }
app_pss=() app_anon=() web_pss=() all_pss=()
for i in $(seq 1 "$MEM_RUNS"); do
	# A fresh data folder each run: the app reopens the portfolio used last, and every run must
	# start at the picker.
	fresh=$work/mem-$i
	mkdir -p "$fresh/portfolios"
	cp "$data/portfolios/demo.passerelle" "$fresh/portfolios/"
	start_app "$fresh" "$work/mem-$i.log" "$BIN"
	wid=$(wait_window 30) || true
	[ -n "$wid" ] || { echo "bench: no window within 30 s (memory run $i)" >&2; tail -n 20 "$work/mem-$i.log" >&2; exit 1; }
	sleep 1
	xdotool windowfocus --sync "$wid"
	open_first_portfolio
	sleep "$SETTLE"
	web=0
	for pid in $(tree "$APP_PID"); do
		[ "$pid" = "$APP_PID" ] && continue
		[ -r "/proc/$pid/smaps_rollup" ] || continue
		web=$((web + $(kib Pss "/proc/$pid/smaps_rollup")))
	done
	app=$(kib Pss "/proc/$APP_PID/smaps_rollup")
	app_pss+=("$app")
	app_anon+=("$(kib Anonymous "/proc/$APP_PID/smaps_rollup")")
	web_pss+=("$web")
	all_pss+=("$((app + web))")
	stop_app
done
mib() { printf '%s\n' "$@" | median | awk '{ printf "%.1f MiB", $1 / 1024 }'; }
echo "memory after load:         demo portfolio open, ${SETTLE} s after, median of $MEM_RUNS"
echo "  app process (Go):        $(mib "${app_pss[@]}") PSS, of which $(mib "${app_anon[@]}") anonymous"
echo "  WebKit processes:        $(mib "${web_pss[@]}") PSS"
echo "  in all:                  $(mib "${all_pss[@]}") PSS"
[ "$BENCH_ONLY" = memory ] && exit 0

# ---- open the demo portfolio and list everything -----------------------------------------------
gostatus=0
out=$(go test -run='^$' -bench=OpenDemo -benchtime=20x -count=5 ./... 2>&1) || gostatus=$?
ns=$(printf '%s\n' "$out" | awk '/^BenchmarkOpenDemo/ { for (i = 1; i < NF; i++) if ($(i + 1) == "ns/op") print $i }')
if [ -z "$ns" ]; then
	echo "$out" >&2
	echo "bench: no BenchmarkOpenDemo* result (go test exited $gostatus)" >&2
	exit 1
else
	if [ "$gostatus" -ne 0 ]; then
		echo "bench: go test failed in some package (exit $gostatus):" >&2
		printf '%s\n' "$out" | grep -E '^(FAIL|---|#)|setup failed|cannot|missing' >&2 || true
	fi
	medns=$(printf '%s\n' "$ns" | median)
	name=$(printf '%s\n' "$out" | awk '/^BenchmarkOpenDemo/ { sub(/-[0-9]+$/, "", $1); print $1; exit }')
	echo "open demo and list all:    $(awk -v n="$medns" 'BEGIN { printf "%.2f ms", n / 1e6 }') median of 5 x 20 ($name)"
fi

# ---- readiness with a large evidence library ---------------------------------------------------
# The home screen and readiness must not read the evidence files: the same time with 10 MiB or
# 200 MiB of evidence (40 files either way).
out=$(go test -run='^$' -bench=Readiness -benchtime=50x -count=5 ./plar/ 2>&1) || { echo "$out" >&2; exit 1; }
small=$(printf '%s\n' "$out" | awk '/^BenchmarkReadiness\/evidence=10MiB/ { for (i = 1; i < NF; i++) if ($(i + 1) == "ns/op") print $i }' | median)
large=$(printf '%s\n' "$out" | awk '/^BenchmarkReadiness\/evidence=200MiB/ { for (i = 1; i < NF; i++) if ($(i + 1) == "ns/op") print $i }' | median)
awk -v s="$small" -v l="$large" 'BEGIN { printf "readiness, 40 files:       %.2f ms with 10 MiB, %.2f ms with 200 MiB (ratio %.2f), median of 5 x 50\n", s / 1e6, l / 1e6, l / s }'

# ---- the PDF portfolio, against Chromium printing the same content ------------------------------
# Demo and a large portfolio (200 experiences, 60 outcomes, 80 photos of 12 MP): export time, peak
# memory and size, each a median of several runs in its own process, and the same content printed
# by Chromium headless. The first run makes the photos (about a minute) and caches them.
echo
echo "PDF export (go run ./bench/pdf -runs ${PDF_RUNS:-3}):"
go run ./bench/pdf -runs "${PDF_RUNS:-3}"
