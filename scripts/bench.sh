#!/usr/bin/env bash
# Numbers for the production binary, on this machine, under Xvfb:
#   - binary size, and the sizes of the Windows binary, installer and .deb (from make dist)
#   - process start to window mapped (median of RUNS runs)
#   - memory once the demo portfolio is open: PSS summed over the app and its WebKit processes
#   - time to open the demo portfolio and list everything (Go benchmark BenchmarkOpenDemo*)
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
in_xvfb "$0" "$@"

BIN=$PWD/build/bin/passerelle
RUNS=${RUNS:-7}
SETTLE=${SETTLE:-3}

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
	if [ "$i" -lt "$RUNS" ]; then stop_app; fi
done
med=$(printf '%s\n' "${times[@]}" | median)
echo "start to window mapped:    $(awk -v m="$med" 'BEGIN { printf "%.0f ms", m * 1000 }') median of $RUNS (runs: ${times[*]} s)"

# ---- memory after load (last run is still open) -----------------------------------------------
# Open the demo portfolio with the keyboard, as a learner would, then let it settle.
wid=$(xdotool search --onlyvisible --name '^Passerelle$' | head -n 1)
sleep 1
xdotool windowfocus --sync "$wid"
open_first_portfolio
sleep "$SETTLE"
total=0
details=()
for pid in $(tree "$APP_PID"); do
	[ -r "/proc/$pid/smaps_rollup" ] || continue
	pss=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")
	rss=$(awk '/^Rss:/ { print $2 }' "/proc/$pid/smaps_rollup")
	name=$(cat "/proc/$pid/comm")
	total=$((total + pss))
	details+=("$name $((pss / 1024)) MiB PSS ($((rss / 1024)) MiB RSS)")
done
echo "memory after load:         $((total / 1024)) MiB PSS in all, demo portfolio open, ${SETTLE} s after"
printf '                           %s\n' "${details[@]}"
stop_app

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

# ---- the PDF portfolio, against Chromium printing the same content ------------------------------
# Demo and a large portfolio (200 experiences, 60 outcomes, 80 photos of 12 MP): export time, peak
# memory and size, each a median of several runs in its own process, and the same content printed
# by Chromium headless. The first run makes the photos (about a minute) and caches them.
echo
echo "PDF export (go run ./bench/pdf -runs ${PDF_RUNS:-3}):"
go run ./bench/pdf -runs "${PDF_RUNS:-3}"
