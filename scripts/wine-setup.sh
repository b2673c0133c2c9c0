#!/usr/bin/env bash
# Makes this Debian machine run Windows Go programs under Wine, for the tests.
#
# Contract (CI, scripts/wine-test.sh and the installer test rely on it):
#   scripts/wine-setup.sh          installs and prepares; prints nothing when already done;
#                                  exit 0 means ready, anything else is an error on stderr.
#   scripts/wine-setup.sh --env    the same, then prints three lines for `eval`:
#                                    export WINEPREFIX=…  (default $HOME/.cache/passerelle/wine)
#                                    export WINEDEBUG=-all
#                                    export WINE=/usr/lib/wine/wine64
#   After it:  WINEPREFIX=… WINEDEBUG=-all /usr/lib/wine/wine64 X.exe   runs a Windows amd64
#   Go program (so does `wine X.exe`: Debian's /usr/bin/wine picks wine64 when wine32 is
#   absent). Debian installs wine64 outside PATH; use $WINE.
#   In the prefix: C:\ is $WINEPREFIX/drive_c, Z:\ is the Linux root, and the user profile
#   is C:\users\$USER.
#
# What it does, each step only when needed (safe to run again, and by two jobs at once):
#   1. apt-get update + install wine64, wine, gcc-mingw-w64-x86-64 if any is missing
#      (as root, or through sudo);
#   2. creates the prefix at ${WINEPREFIX:-$HOME/.cache/passerelle/wine} (no Mono or Gecko
#      download: they are not needed for console programs);
#   3. builds bcryptprimitives.dll from build/windows/wine/bcryptprimitives.c and copies it
#      into the prefix's system32: Go >= 1.22 calls ProcessPrng, which Wine 8 lacks.
set -euo pipefail

cd "$(dirname "$0")/.."

APT_PACKAGES=(wine64 wine gcc-mingw-w64-x86-64)
WINE_BIN=/usr/lib/wine/wine64
DLL_SRC=build/windows/wine/bcryptprimitives.c
export WINEPREFIX=${WINEPREFIX:-$HOME/.cache/passerelle/wine}
export WINEDEBUG=-all

say() { printf 'wine-setup: %s\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

install_packages() {
	local missing=() pkg status
	for pkg in "${APT_PACKAGES[@]}"; do
		status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
		[ "$status" = installed ] || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	# Another job may hold dpkg's lock; apt waits for it up to this long.
	as_root apt-get -o DPkg::Lock::Timeout=600 update -q >&2
	as_root apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >&2
}

# The prefix is ready when wineboot finished (system.reg written) and the DLL in system32 was
# built from the current source; the stamp records that source's checksum.
prefix_ready() {
	local stamp=$WINEPREFIX/.passerelle-setup
	[ -f "$WINEPREFIX/system.reg" ] && [ -f "$stamp" ] &&
		[ "$(cat "$stamp")" = "$(want_stamp)" ] &&
		[ -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]
}

want_stamp() {
	printf '%s %s\n' "$(sha256sum "$DLL_SRC" | cut -d' ' -f1)" "$("$WINE_BIN" --version)"
}

make_prefix() {
	if [ ! -f "$WINEPREFIX/system.reg" ]; then
		say "creating the Wine prefix $WINEPREFIX"
		mkdir -p "$WINEPREFIX"
		# Empty overrides for mscoree and mshtml: no prompt to download Mono or Gecko.
		WINEDLLOVERRIDES="mscoree,mshtml=" "$WINE_BIN" wineboot --init >/dev/null 2>&1 </dev/null
		"${WINE_BIN%/*}/wineserver64" -w
		[ -f "$WINEPREFIX/system.reg" ] || {
			say "wineboot did not create $WINEPREFIX"
			return 1
		}
	fi
	local tmp
	tmp=$(mktemp -d)
	x86_64-w64-mingw32-gcc -shared -O2 -s -Wall -Werror -o "$tmp/bcryptprimitives.dll" "$DLL_SRC" -ladvapi32
	cp "$tmp/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
	rm -rf "$tmp"
	want_stamp >"$WINEPREFIX/.passerelle-setup"
}

main() {
	install_packages
	mkdir -p "$(dirname "$WINEPREFIX")"
	if ! prefix_ready; then
		# Two jobs (the Wine tests, the installer test) may set up the same prefix at once.
		exec 9>"$WINEPREFIX.lock"
		flock 9
		prefix_ready || make_prefix
		exec 9>&-
	fi
	if [ "${1:-}" = --env ]; then
		printf 'export WINEPREFIX=%q\nexport WINEDEBUG=-all\nexport WINE=%q\n' "$WINEPREFIX" "$WINE_BIN"
	fi
}

case "${1:-}" in
"" | --env) main "$@" ;;
*)
	echo "usage: $0 [--env]" >&2
	exit 2
	;;
esac
