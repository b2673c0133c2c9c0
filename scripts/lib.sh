# Shared helpers for the scripts that run the real window under Xvfb (smoke, bench).
# shellcheck shell=bash

# ImageMagick from Debian: an earlier `convert` in PATH may be something else.
# shellcheck disable=SC2034 # used by the scripts that source this file
IMPORT=/usr/bin/import
IDENTIFY=/usr/bin/identify

# Re-runs the calling script inside a private Xvfb display, unless it already is in one.
# Usage: in_xvfb "$0" "$@"   (as the first thing a script does)
in_xvfb() {
	if [ -z "${PASSERELLE_IN_XVFB:-}" ]; then
		export PASSERELLE_IN_XVFB=1
		exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@"
	fi
}

# Starts the app in its own process group with PASSERELLE_DATA_DIR=$1, output to $2.
# Sets APP_PID. Remaining arguments go to the binary.
start_app() {
	local data=$1 log=$2
	shift 2
	PASSERELLE_DATA_DIR=$data setsid "$@" >"$log" 2>&1 </dev/null &
	APP_PID=$!
}

# Ends the app started by start_app, and the WebKit processes in its group.
stop_app() {
	[ -n "${APP_PID:-}" ] || return 0
	kill -TERM -- "-$APP_PID" 2>/dev/null || true
	local _
	for _ in $(seq 1 50); do
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL -- "-$APP_PID" 2>/dev/null || true
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=
}

# Waits up to $1 seconds for a visible window titled exactly "Passerelle"; prints its id.
wait_window() {
	timeout "$1" xdotool search --sync --onlyvisible --name '^Passerelle$' 2>/dev/null | head -n 1
}

# Number of distinct colours in an image.
colours() {
	"$IDENTIFY" -format '%k' "$1"
}

now() { date +%s.%N; }

# ---- keyboard paths in the window ---------------------------------------------------------------
# Every screen starts with a "skip to main content" link; on the portfolio picker the first
# control in <main> is the first portfolio's Open button. Tab (skip link), Return (focus
# <main>), Tab (first control in main) reaches it.

# Presses keys in the focused window, with a pause for the UI to follow.
key() {
	xdotool key --clearmodifiers "$@"
	sleep 0.3
}

to_first_control_in_main() {
	key Tab
	key Return
	key Tab
}

# A checksum of what the screen shows, to see when it changes.
screen_sum() { "$IMPORT" -window root png:- | md5sum; }

# From the picker, opens the first portfolio listed and waits until the screen has changed.
open_first_portfolio() {
	local before
	to_first_control_in_main
	before=$(screen_sum)
	key Return
	for _ in $(seq 1 50); do
		[ "$(screen_sum)" != "$before" ] && break
		sleep 0.2
	done
	sleep 1 # let the first screen load its data
}
