#!/usr/bin/env bash
# Installs what Passerelle needs to build and test: Debian packages, the npm packages of
# frontend/ and e2e/, and the Go modules. Safe to run again: each step checks first and does
# nothing when it is already done, so a second run takes about a second.
#
# Usage: scripts/setup.sh [all|apt|npm DIR|go]
set -euo pipefail

cd "$(dirname "$0")/.."

# Packages to build (cgo + WebKitGTK 4.1) and to test (Xvfb, screenshots, keyboard, browser,
# PDF pages, SQLite reads). Every name exists in Debian 12.
APT_PACKAGES=(
	build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
	xvfb xauth x11-utils xdotool imagemagick chromium poppler-utils qpdf sqlite3 strace util-linux
	curl procps git
)

say() { printf 'setup: %s\n' "$*"; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

setup_apt() {
	local missing=() pkg status
	for pkg in "${APT_PACKAGES[@]}"; do
		status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
		[ "$status" = installed ] || missing+=("$pkg")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		return 0
	fi
	say "installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	as_root apt-get update -q
	as_root apt-get install -y -q "${missing[@]}"
}

# npm ci only when package-lock.json (or node) changed since the last install in that folder.
setup_npm() {
	local dir=$1 want stamp
	if [ ! -f "$dir/package-lock.json" ]; then
		say "no $dir/package-lock.json yet; skipping npm ci there"
		return 0
	fi
	stamp="$dir/node_modules/.passerelle-setup-stamp"
	want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1) node-$(node --version)"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		return 0
	fi
	say "npm ci in $dir"
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	printf '%s\n' "$want" >"$stamp"
}

# staticcheck, pinned, built from the Go module proxy into GOPATH/bin (make staticcheck runs it).
STATICCHECK_VERSION=v0.8.2

setup_go() {
	# Quiet and quick when the module cache already has everything.
	go mod download
	local bin
	bin="$(go env GOPATH)/bin/staticcheck"
	if [ ! -x "$bin" ] || ! "$bin" -version 2>/dev/null | grep -q "(${STATICCHECK_VERSION#v})"; then
		say "installing staticcheck $STATICCHECK_VERSION"
		go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
	fi
}

case "${1:-all}" in
all)
	setup_apt
	setup_npm frontend
	setup_npm e2e
	setup_go
	;;
apt) setup_apt ;;
npm) setup_npm "${2:?usage: setup.sh npm DIR}" ;;
go) setup_go ;;
*)
	echo "usage: $0 [all|apt|npm DIR|go]" >&2
	exit 2
	;;
esac
