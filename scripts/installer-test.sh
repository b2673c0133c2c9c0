#!/usr/bin/env bash
# The Windows installer as a learner without administrator rights would use it, under Wine:
# silent install (/S) per user, the installed passerelle.exe makes and checks a portfolio in
# Documents (a path with spaces, accents and syllabics) and backs it up, the Start-menu entry,
# the .passerelle association and the Add/Remove entry are in place; then the silent uninstall
# removes the program folder, the shortcut and every registry key, and leaves the portfolio and
# its backup exactly as they were.
# The window (WebView2) cannot run under Wine and is not tested here.
#
# Usage: scripts/installer-test.sh [INSTALLER]   (default: the one in dist/, from make dist)
# Wine comes from scripts/wine-setup.sh (WINE_SETUP=… to use another copy); WINEPREFIX picks
# the prefix (default: the one wine-setup.sh makes).
set -euo pipefail

cd "$(dirname "$0")/.."

VERSION=$(scripts/version.sh)
LINUX_BIN=$PWD/build/bin/passerelle # checks the portfolios once the program is uninstalled
setup=${WINE_SETUP:-scripts/wine-setup.sh}

say() { printf 'installer-test: %s\n' "$*"; }
fail() {
	printf 'installer-test: FAIL: %s\n' "$*" >&2
	exit 1
}

installer=${1:-}
if [ -z "$installer" ]; then
	installer=$(ls dist/passerelle-*-setup.exe 2>/dev/null | head -n 1 || true)
fi
[ -f "$installer" ] || fail "no installer to test (run make dist, or pass its path)"
installer=$(realpath -- "$installer")
[ -x "$setup" ] || fail "$setup is missing: it comes with the Windows-under-Wine work (scripts/wine-setup.sh)"
[ -x "$LINUX_BIN" ] || fail "$LINUX_BIN is missing (make build-prod)"

eval "$("$setup" --env)"
export WINEPREFIX WINEDEBUG WINE

# Runs a Windows program; its output without the carriage returns.
win() { "$WINE" "$@" 2>/dev/null | tr -d '\r'; }
# The Linux path of a Windows path in this prefix.
unix_path() { win winepath.exe -u "$1"; }
# reg query VALUE of KEY ("" = the default value), or nothing when it does not exist.
reg_value() {
	local key=$1 name=$2 args
	if [ -z "$name" ]; then args=(/ve); else args=(/v "$name"); fi
	win reg.exe query "$key" "${args[@]}" | awk -v n="${name:-(Default)}" '
		{ sub(/^[ \t]+/, "") }
		index($0, n) == 1 { sub(/^[^ \t]+[ \t]+REG_[A-Z_]+[ \t]*/, ""); print; exit }'
}
reg_exists() { "$WINE" reg.exe query "$1" >/dev/null 2>&1; }

localappdata=$(win cmd.exe /c 'echo %LOCALAPPDATA%')
appdata=$(win cmd.exe /c 'echo %APPDATA%')
profile=$(win cmd.exe /c 'echo %USERPROFILE%')
instdir_win="$localappdata\\Programs\\Passerelle"
instdir=$(unix_path "$instdir_win")
shortcut=$(unix_path "$appdata\\Microsoft\\Windows\\Start Menu\\Programs\\Passerelle.lnk")
docs_win="$profile\\Documents\\Mes portfolios"
portfolio_win="$docs_win\\Zoé Lévesque ᐃᓄᒃ.passerelle"
backups_win="$profile\\Documents\\Sauvegardes Passerelle"
[ -n "$localappdata" ] && [ -n "$instdir" ] || fail "cannot read the Wine user's folders"
[ -e "$instdir" ] && fail "$instdir exists: Passerelle is already installed in this prefix ($WINEPREFIX)"

docs=$(unix_path "$docs_win")
backups=$(unix_path "$backups_win")
# A failed run uninstalls too, so the next run starts from a prefix without Passerelle.
cleanup() {
	if [ -x "$instdir/uninstall.exe" ]; then
		"$WINE" "$instdir/uninstall.exe" /S 2>/dev/null || true
		"${WINE%/*}/wineserver" -w 2>/dev/null || true
	fi
	rm -rf "$docs" "$backups" "$docs.sums" "$backups.sums"
}
trap cleanup EXIT
rm -rf "$docs" "$backups"
mkdir -p "$docs" "$backups"

# ---- install -------------------------------------------------------------------------------------
say "$(basename "$installer") /S ($(stat -c %s "$installer") bytes) into $instdir_win"
"$WINE" "$installer" /S 2>/dev/null || fail "the silent install exited $?"
for f in passerelle.exe uninstall.exe passerelle.ico OFL.txt; do
	[ -f "$instdir/$f" ] || fail "the install folder lacks $f"
done
[ -f "$shortcut" ] || fail "no Start-menu shortcut at $shortcut"

exe_win="$instdir_win\\passerelle.exe"
want_cmd="\"$exe_win\" \"%1\""
got=$(reg_value 'HKCU\Software\Classes\.passerelle' '')
[ "$got" = Passerelle.Portfolio ] || fail ".passerelle is associated with '$got', want Passerelle.Portfolio"
got=$(reg_value 'HKCU\Software\Classes\Passerelle.Portfolio\shell\open\command' '')
[ "$got" = "$want_cmd" ] || fail "the open command is '$got', want '$want_cmd'"
got=$(reg_value 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Passerelle' DisplayVersion)
[ "$got" = "$VERSION" ] || fail "Add/Remove Programs shows version '$got', want '$VERSION'"
got=$(reg_value 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Passerelle' UninstallString)
[ "$got" = "\"$instdir_win\\uninstall.exe\"" ] || fail "UninstallString is '$got'"
if reg_exists 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Passerelle'; then
	fail "the installer wrote under HKLM (needs administrator rights)"
fi
say "installed: program folder, Start-menu shortcut, .passerelle -> $want_cmd, Add/Remove entry $VERSION"

# ---- the installed program -------------------------------------------------------------------------
got=$(win "$instdir/passerelle.exe" --version)
[ "$got" = "passerelle $VERSION" ] || fail "the installed passerelle.exe --version says '$got'"
win "$instdir/passerelle.exe" demo --out "$portfolio_win" >/dev/null || fail "the installed passerelle.exe demo failed"
win "$instdir/passerelle.exe" check --portfolio "$portfolio_win" >/dev/null || fail "the installed passerelle.exe check failed"
win "$instdir/passerelle.exe" backup --portfolio "$portfolio_win" --out "$backups_win" >/dev/null ||
	fail "the installed passerelle.exe backup failed"
portfolio=$(unix_path "$portfolio_win")
[ -s "$portfolio" ] || fail "the demo portfolio is not at $portfolio"
ls "$backups"/*.passerelle >/dev/null 2>&1 || fail "no backup in $backups"
(cd "$docs" && sha256sum -- *) >"$docs.sums"
(cd "$backups" && sha256sum -- *) >"$backups.sums"
say "installed passerelle.exe: --version, demo, check and backup in $docs_win: ok"

# ---- uninstall -----------------------------------------------------------------------------------
# uninstall.exe copies itself to %TEMP% and returns at once; the copy does the work.
"$WINE" "$instdir/uninstall.exe" /S 2>/dev/null || fail "the silent uninstall exited $?"
for _ in $(seq 1 150); do
	[ -e "$instdir" ] || break
	sleep 0.2
done
"${WINE%/*}/wineserver" -w 2>/dev/null || true
[ -e "$instdir" ] && fail "the program folder is still there after uninstall: $(ls -A "$instdir")"
[ -e "$shortcut" ] && fail "the Start-menu shortcut is still there after uninstall"
for key in 'HKCU\Software\Classes\Passerelle.Portfolio' 'HKCU\Software\Classes\.passerelle' \
	'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Passerelle' 'HKCU\Software\Passerelle'; do
	reg_exists "$key" && fail "registry key $key is still there after uninstall"
done
(cd "$docs" && sha256sum --quiet -c "$docs.sums") || fail "the portfolio changed or went with the uninstall"
(cd "$backups" && sha256sum --quiet -c "$backups.sums") || fail "the backup changed or went with the uninstall"
rm -f "$docs.sums" "$backups.sums"
"$LINUX_BIN" check --portfolio "$portfolio" >/dev/null || fail "the portfolio left after uninstall does not check out"
say "uninstalled: program folder, shortcut and registry keys gone; portfolio and backup untouched"
say "ok"
