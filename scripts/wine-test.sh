#!/usr/bin/env bash
# The Windows stage of `make test`: Passerelle built for Windows and run under Wine.
#   1. go       the Go test suite compiled as Windows binaries, each run by wine64;
#   2. journey  the headless commands of passerelle.exe (the real GUI-subsystem build) on
#               Windows paths, with the checks in scripts/wine-journey.sh.
# The window itself (WebView2) cannot run under Wine and is not tested here.
#
# Usage: scripts/wine-test.sh [all|go|journey] [go packages…]   (default: all, ./...)
set -euo pipefail

cd "$(dirname "$0")/.."

eval "$(scripts/wine-setup.sh --env)"
export WINEPREFIX WINEDEBUG WINE
export GOOS=windows GOARCH=amd64 CGO_ENABLED=0

say() { printf 'wine-test: %s\n' "$*"; }

# Wine 8 answers Go's delete call (NtSetInformationFile with FileDispositionInformationEx,
# Windows 10 1607+) with STATUS_NOT_IMPLEMENTED, where Go only falls back to the older call on
# the statuses Windows gives; so os.RemoveAll, and the cleanup of every t.TempDir, fails under
# Wine ("unlinkat …: Invalid function"). Real Windows never gives that status. Rather than
# replace t.TempDir in every test, the test binaries are built with a copy of Go's file that
# falls back on it too (a build overlay; nothing in GOROOT changes, and passerelle.exe is built
# without it). If a new Go release reshapes that file, this stops with a message.
overlay() {
	local src dir
	src=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
	dir=${XDG_CACHE_HOME:-$HOME/.cache}/passerelle/wine-overlay/$(go env GOVERSION)
	if [ ! -f "$dir/overlay.json" ]; then
		mkdir -p "$dir"
		sed 's|^\t\tSTATUS_NOT_SUPPORTED: *// the file system|\t\tSTATUS_NOT_SUPPORTED, NTStatus(0xC0000002), NTStatus(0xC0000010): // Wine 8; the file system|' \
			"$src" >"$dir/at_windows.go"
		if ! grep -q 'NTStatus(0xC0000002)' "$dir/at_windows.go"; then
			rm -rf "$dir"
			echo "wine-test: $src no longer has the line the overlay patches; see scripts/wine-test.sh" >&2
			return 1
		fi
		printf '{"Replace":{"%s":"%s"}}\n' "$src" "$dir/at_windows.go" >"$dir/overlay.json"
	fi
	printf '%s\n' "$dir/overlay.json"
}

go_tests() {
	local ov
	ov=$(overlay)
	if [ $# -eq 0 ]; then # the module's packages, not the Go code npm puts under node_modules
		set -- $(go list -e ./... | grep -v /node_modules/)
	fi
	say "go test under Wine: $*"
	# -p 1: two test binaries under one wineserver on 2 cores only slow each other down.
	# Without CI: the PDF checkers (pdftotext, qpdf…) are Linux programs that a Windows test
	# binary cannot run; those tests skip here and run, where CI=true makes them required, in
	# the Linux go-test stage.
	env -u CI go test -overlay "$ov" -exec "$WINE" -count=1 -p 1 "$@"
}

journey() {
	scripts/wine-journey.sh
}

what=${1:-all}
[ $# -gt 0 ] && shift
case $what in
go) go_tests "$@" ;;
journey) journey ;;
all)
	# The journey runs even when a Go test failed: its results still tell something.
	rc=0
	go_tests "$@" || rc=1
	journey || rc=1
	exit $rc
	;;
*)
	echo "usage: $0 [all|go|journey] [go packages…]" >&2
	exit 2
	;;
esac
