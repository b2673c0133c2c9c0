#!/usr/bin/env bash
# The .deb as a learner's computer gets it: installed with dpkg -i, then the installed program
# is used (version, demo, check, the desktop file, the file type of *.passerelle, the window
# with one keyboard edit under Xvfb), then removed with dpkg -r, leaving nothing in /usr.
# Runs as root (or through sudo): it installs into this machine's /usr.
#
# Usage: scripts/deb-test.sh [DEB]   (default: the one in dist/, from make dist)
# The window's screenshot is kept at $SHOT (default /tmp/passerelle-deb-smoke.png).
set -euo pipefail

cd "$(dirname "$0")/.."

# desktop-file-utils validates the entry and (through its dpkg trigger) writes mimeinfo.cache;
# shared-mime-info and libglib2.0-bin (gio) tell what a double-click would open.
APT_PACKAGES=(desktop-file-utils shared-mime-info libglib2.0-bin)
SHOT=${SHOT:-/tmp/passerelle-deb-smoke.png}
VERSION=$(scripts/version.sh)

say() { printf 'deb-test: %s\n' "$*"; }
fail() {
	printf 'deb-test: FAIL: %s\n' "$*" >&2
	exit 1
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# dpkg does not wait for its lock; apt (another job's install) may hold it for a while.
dpkg_locked() {
	as_root fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1
}
dpkg_wait() {
	local _
	for _ in $(seq 1 300); do
		dpkg_locked || return 0
		sleep 2
	done
	fail "dpkg is still locked after 10 minutes"
}

setup() {
	local missing=() pkg
	for pkg in "${APT_PACKAGES[@]}"; do
		[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" = installed ] || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing Debian packages: ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q
	as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
}

installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' passerelle 2>/dev/null || true)" = installed ]; }

# Every path under /usr, without the caches the dpkg triggers rewrite for every package.
usr_files() {
	find /usr -xdev \( -path /usr/share/mime -prune \) -o -print 2>/dev/null |
		grep -vE '^/usr/share/(applications/mimeinfo\.cache|icons/[^/]+/icon-theme\.cache)$' | sort
}

deb=${1:-}
if [ -z "$deb" ]; then
	deb=$(ls dist/passerelle_*_amd64.deb 2>/dev/null | head -n 1 || true)
fi
[ -f "$deb" ] || fail "no .deb to test (run make dist, or pass its path)"
deb=$(realpath -- "$deb")
setup
installed && fail "a passerelle package is already installed; remove it first (dpkg -r passerelle)"
[ -e /usr/bin/passerelle ] && fail "/usr/bin/passerelle exists and belongs to no package"

work=$(mktemp -d)
cleanup() {
	if installed; then
		dpkg_wait
		as_root dpkg -r passerelle >/dev/null 2>&1 || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

usr_files >"$work/usr-before"

# ---- the package itself -------------------------------------------------------------------------
dpkg-deb --field "$deb" Depends | grep -qE '^libc6 \(>= 2\.[0-9]+\), libgtk-3-0, libwebkit2gtk-4\.1-0$' ||
	fail "Depends is '$(dpkg-deb --field "$deb" Depends)'"
dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' | grep -v '/$' | sort >"$work/contents"
for want in /usr/bin/passerelle /usr/share/applications/passerelle.desktop \
	/usr/share/mime/packages/passerelle.xml /usr/share/icons/hicolor/256x256/apps/passerelle.png \
	/usr/share/icons/hicolor/48x48/mimetypes/application-x-passerelle.png /usr/share/doc/passerelle/copyright; do
	grep -qx "$want" "$work/contents" || fail "the .deb lacks $want"
done
if grep -v '^/usr/' "$work/contents"; then fail "the .deb installs outside /usr (above)"; fi
desktop-file-validate build/linux/passerelle.desktop || fail "the desktop entry is not valid"

# ---- install --------------------------------------------------------------------------------------
say "dpkg -i $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg_wait
as_root dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1 || {
	cat "$work/dpkg-i.log" >&2
	fail "dpkg -i failed"
}
installed || fail "dpkg -i did not leave the package installed"
[ "$(command -v passerelle)" = /usr/bin/passerelle ] || fail "passerelle is not /usr/bin/passerelle on the PATH"

got=$(passerelle --version) || fail "passerelle --version exited $?"
[ "$got" = "passerelle $VERSION" ] || fail "passerelle --version says '$got', want 'passerelle $VERSION'"
say "passerelle --version: $got"

mkdir -p "$work/docs"
portfolio="$work/docs/Zoé ᐃᓄᒃ demo.passerelle"
passerelle demo --out "$portfolio" >/dev/null || fail "the installed passerelle demo failed"
passerelle check --portfolio "$portfolio" >/dev/null || fail "the installed passerelle check failed"
say "installed passerelle demo + check: ok"

# ---- double-click: *.passerelle is our type, and our desktop entry opens it ------------------------
type=$(gio info -a standard::content-type "$portfolio" | awk '/standard::content-type/ { print $2 }')
[ "$type" = application/x-passerelle ] || fail "a .passerelle file is '$type', want application/x-passerelle"
grep -qx 'application/x-passerelle=passerelle.desktop;' /usr/share/applications/mimeinfo.cache ||
	fail "mimeinfo.cache does not send application/x-passerelle to passerelle.desktop"
handler=$(gio mime application/x-passerelle 2>/dev/null | sed -n 's/^Default application for .*: //p')
[ "$handler" = passerelle.desktop ] || fail "gio mime application/x-passerelle: '$handler', want passerelle.desktop"
grep -qx 'Exec=passerelle %f' /usr/share/applications/passerelle.desktop || fail "the desktop entry does not pass the file"
say "a .passerelle file is application/x-passerelle, opened by passerelle.desktop (Exec=passerelle %f)"

# ---- the window, started from the installed binary ------------------------------------------------
SHOT=$SHOT scripts/smoke.sh /usr/bin/passerelle || fail "the window smoke test failed on the installed binary"
say "screenshot of the installed program's window: $SHOT"

# ---- remove ----------------------------------------------------------------------------------------
dpkg_wait
as_root dpkg -r passerelle >"$work/dpkg-r.log" 2>&1 || {
	cat "$work/dpkg-r.log" >&2
	fail "dpkg -r failed"
}
installed && fail "dpkg -r left the package installed"
usr_files >"$work/usr-after"
if ! diff "$work/usr-before" "$work/usr-after" >"$work/usr-diff"; then
	cat "$work/usr-diff" >&2
	fail "/usr differs after dpkg -r (above)"
fi
if find /usr -xdev -iname '*passerelle*' | grep .; then fail "files named passerelle remain in /usr (above)"; fi
[ -e /usr/share/mime/application/x-passerelle.xml ] && fail "the MIME database still knows application/x-passerelle"
grep -q passerelle /usr/share/applications/mimeinfo.cache && fail "mimeinfo.cache still names passerelle"
say "dpkg -r: nothing left in /usr"
say "ok"
