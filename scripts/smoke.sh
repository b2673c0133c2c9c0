#!/usr/bin/env bash
# Smoke test of the production binary as a person would use it: a real WebKitGTK window under
# Xvfb, with a data dir holding one demo portfolio. It checks that the window shows real content
# (screenshot colour count) and that one edit made with the keyboard alone lands in SQLite.
# The screenshot is kept at $SHOT (default /tmp/passerelle-smoke.png).
# Usage: scripts/smoke.sh [BINARY]   (default build/bin/passerelle; the .deb test passes the
# installed /usr/bin/passerelle)
set -euo pipefail

BIN=${1:-build/bin/passerelle}
case $BIN in
*/*) BIN=$(realpath -- "$BIN") ;;
*) BIN=$(command -v -- "$BIN" || printf %s "$BIN") ;;
esac

cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
in_xvfb "$0" "$@"

SHOT=${SHOT:-/tmp/passerelle-smoke.png}
[ -x "$BIN" ] || { echo "smoke: $BIN is not an executable" >&2; exit 1; }
# A window with only a background and a few flat widgets has well under 100 colours; text
# rendered with anti-aliasing brings hundreds.
MIN_COLOURS=${MIN_COLOURS:-300}
NAME="Smoke Zoé Lévesque-$$"

fail() {
	echo "smoke: FAIL: $*" >&2
	if [ -f "${work:-/nonexistent}/app.log" ]; then
		echo "--- app output:" >&2
		tail -n 40 "$work/app.log" >&2
	fi
	exit 1
}

work=$(mktemp -d)
trap 'stop_app; rm -rf "$work"' EXIT
data=$work/data
db=$data/portfolios/demo.passerelle
mkdir -p "$data/portfolios"

"$BIN" --help >/dev/null || fail "passerelle --help failed"
"$BIN" demo --out "$db" || fail "passerelle demo failed"
"$BIN" check --portfolio "$db" || fail "passerelle check failed on the demo portfolio"

t0=$(now)
start_app "$data" "$work/app.log" "$BIN"
wid=$(wait_window 30) || true
[ -n "$wid" ] || fail "no visible window titled Passerelle within 30 s"
echo "smoke: window $wid mapped after $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }') s"

# Wait for the web content to paint: the colour count rises once text is drawn.
n=0
for _ in $(seq 1 40); do
	"$IMPORT" -window root "$SHOT"
	n=$(colours "$SHOT")
	[ "$n" -ge "$MIN_COLOURS" ] && break
	sleep 0.5
done
echo "smoke: screenshot $SHOT has $n colours"
[ "$n" -ge "$MIN_COLOURS" ] || fail "the window looks empty ($n colours < $MIN_COLOURS)"

# ---- one edit by keyboard alone --------------------------------------------------------------
keyboard_edit() {
	xdotool windowfocus --sync "$wid" || return 1
	open_first_portfolio # the demo; it opens on the Guide, with nothing focused
	# Tab order of the open portfolio: skip link, English, Français, nav Guide, nav Profile.
	key Tab Tab Tab Tab Tab
	key Return # the Profile screen; focus goes to its heading
	key Tab    # the display name, its first field
	key ctrl+a
	xdotool type --clearmodifiers --delay 40 "$NAME"
	sleep 0.3
	key Return # submits the profile form
}
keyboard_edit || fail "keyboard edit could not be driven"

got=""
for _ in $(seq 1 50); do
	got=$(sqlite3 -readonly "$db" "SELECT display_name FROM learner WHERE id = 1;" 2>/dev/null || true)
	[ "$got" = "$NAME" ] && break
	sleep 0.2
done
"$IMPORT" -window root "${SHOT%.png}-after.png" || true
[ "$got" = "$NAME" ] || fail "display name in SQLite is '$got', want '$NAME'"
echo "smoke: the display name typed with the keyboard is in SQLite: $got"
echo "smoke: ok"
