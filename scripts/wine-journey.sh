#!/usr/bin/env bash
# The headless journey of passerelle.exe (the GUI-subsystem release build) under Wine, as a
# learner on Windows would run it: demo, check, target import, readiness, export in English,
# French and both, verify, backup, restore, on paths with a drive letter, spaces, accents and
# syllabics, and past 260 characters; then bad input: a file another program holds, a
# read-only folder, a reserved file name. Each step checks the exit status and what was
# printed (translated, never the system's or SQLite's own text).
#
# Usage: scripts/wine-journey.sh   (after make build-windows; EXE=… to test another build)
set -uo pipefail

cd "$(dirname "$0")/.."

eval "$(scripts/wine-setup.sh --env)"
EXE=${EXE:-build/bin/passerelle.exe}
[ -f "$EXE" ] || {
	echo "wine-journey: $EXE is missing; run make build-windows" >&2
	exit 1
}

# Wine turns arguments into UTF-16 with the Unix locale's charset: C.UTF-8 is the one every
# Debian has. The app's language comes from LC_MESSAGES (see systemLocale).
export LANG=C.UTF-8
unset LC_ALL

# Everything lives under C:\Passerelle journey, which is this folder of the Wine prefix.
ROOT_WIN='C:\Passerelle journey'
ROOT_UNIX="$WINEPREFIX/drive_c/Passerelle journey"
rm -rf "$ROOT_UNIX"
mkdir -p "$ROOT_UNIX"
LOG=$(mktemp -d)
HOLD_PID=
cleanup() {
	[ -n "$HOLD_PID" ] && kill "$HOLD_PID" 2>/dev/null
	rm -rf "$ROOT_UNIX" "$LOG"
}
trap cleanup EXIT

unix_of() { # C:\a\b → the Linux path of that file in the prefix
	local p=${1#C:\\}
	printf '%s/drive_c/%s' "$WINEPREFIX" "${p//\\//}"
}

DOCS="$ROOT_WIN\\Zoé Lévesque\\Documents\\ᐃᓄᒃ portfolio"
DATA="$ROOT_WIN\\AppData\\Local\\Passerelle"
P="$DOCS\\Portfolio de Zoé.passerelle"
mkdir -p "$(unix_of "$DOCS")"

steps=0 failures=0
OUT= ERR= RC=

# pw LANGUAGE ARGS…: runs passerelle.exe with the journey's data folder; sets OUT, ERR, RC.
pw() {
	local lang=$1
	shift
	LC_MESSAGES=$lang "$WINE" "$EXE" --data-dir "$DATA" "$@" >"$LOG/out" 2>"$LOG/err" </dev/null
	RC=$?
	OUT=$(tr -d '\r' <"$LOG/out")
	ERR=$(tr -d '\r' <"$LOG/err")
}

fail() {
	failures=$((failures + 1))
	printf '  FAIL: %s\n' "$*"
	printf '    exit %s\n    stdout: %s\n    stderr: %s\n' "$RC" "${OUT//$'\n'/$'\n            '}" "${ERR//$'\n'/$'\n            '}"
}

# check NAME WANT_EXIT [out|err TEXT]…: the last pw's exit status and printed text.
check() {
	local name=$1 want=$2 ok=1
	shift 2
	steps=$((steps + 1))
	if [ "$RC" != "$want" ]; then
		fail "$name: exit $RC, want $want"
		ok=0
	fi
	while [ $# -ge 2 ]; do
		local where=$1 text=$2 got
		shift 2
		[ "$where" = out ] && got=$OUT || got=$ERR
		if [[ $got != *"$text"* ]]; then
			fail "$name: std$where lacks “$text”"
			ok=0
		fi
	done
	# Never the system's, Go's or SQLite's own words.
	if grep -qiE 'sql logic|sqlite|invalid uri|unlinkat|panic|goroutine|\.go:[0-9]|The process cannot|Access is denied|%5C' <<<"$OUT$ERR"; then
		fail "$name: raw system text printed"
		ok=0
	fi
	[ $ok = 1 ] && printf '  ok: %s\n' "$name"
}

t0=$(date +%s)
echo "wine-journey: $EXE under Wine, in $ROOT_WIN"

# ---- the journey ------------------------------------------------------------------------------
pw en demo --out "$P"
check "demo on C:\\…\\Zoé Lévesque\\…\\ᐃᓄᒃ portfolio" 0 out "Demo portfolio written to $P"
[ -f "$(unix_of "$P")" ] || fail "demo: no file at $(unix_of "$P")"

pw fr check --portfolio "$P"
check "check (French)" 0 out "est intact"

CSV="$DOCS\\résultats d’apprentissage.csv"
printf '\xef\xbb\xbfcode;text_fr;text_en\r\nINU-1;Accueillir les aînées et aînés en inuktitut (ᐊᐃᖓᐃ);Welcome Elders in Inuktitut (ᐊᐃᖓᐃ)\r\nINU-2;Animer un atelier « Savoirs du territoire »;Lead a land-based knowledge workshop\r\n' \
	>"$(unix_of "$CSV")"
pw fr target import --portfolio "$P" --target "Intervention communautaire — ᓄᓇᕗᑦ" "$CSV"
check "target import (BOM, CRLF, French, syllabics)" 0 out "Intervention communautaire — ᓄᓇᕗᑦ"

pw en readiness --portfolio "$P" --target "Intervention communautaire — ᓄᓇᕗᑦ"
check "readiness of the imported target" 0 out "Intervention communautaire — ᓄᓇᕗᑦ: 2 outcomes"

for lang in en fr bilingual; do
	pdf="$DOCS\\Zoé – portfolio ($lang).pdf"
	pw en export --portfolio "$P" --target "MLT 101 — Collège de l’Ouest" --lang "$lang" --out "$pdf"
	check "export $lang" 0 out "Wrote $pdf"
	head -c 5 "$(unix_of "$pdf")" 2>/dev/null | grep -q '%PDF-' || fail "export $lang: not a PDF"
	pw en verify "$pdf"
	check "verify $lang" 0
done

BK="$ROOT_WIN\\Clé USB\\Sauvegardes ᑲᑎᑦᓯᓂᖅ"
pw fr backup --portfolio "$P" --out "$BK"
check "backup into a new folder (French)" 0 out "Sauvegarde écrite et vérifiée"
backup_file="$BK\\$(ls -t "$(unix_of "$BK")" | grep '\.passerelle$' | head -n 1)"
[[ $OUT == *"$backup_file"* ]] || fail "backup: the message does not name $backup_file"

R="$DOCS\\Restauré ici.passerelle"
pw en restore "$backup_file" --to "$R"
check "restore to a new file" 0 out "was restored from the backup"
pw en restore "$backup_file" --to "$P"
check "restore over the portfolio (the old one is kept)" 0 out "was restored" out "kept in"
pw en check --portfolio "$P"
check "check after restore" 0 out "is intact"

# ---- a digital credential, the coach's round trip, what happened next ----------------------------
BADGE="$DOCS\\Badge sécurité en laboratoire.png"
cp e2e/fixtures/lab-safety-badge.png "$(unix_of "$BADGE")"
pw fr credential verify "$BADGE"
check "credential verify (French)" 0 out "vérification réussie" out "hors ligne"
pw en credential import --portfolio "$P" "$BADGE"
check "credential import" 0 out "imported, 1 microcredential"
pw en credential import --portfolio "$P" "$BADGE"
check "credential import again: an update" 0 out "updated"

SHARED="$DOCS\\Pour ma conseillère.passerelle-share"
pw fr share --portfolio "$P" --out "$SHARED"
check "share (French)" 0 out "Copie partagée écrite" out "Laissées de côté"
pw en share --portfolio "$P" --out "$P"
check "share over the learner's own file" 1
pw en comments add --shared "$SHARED" --coach "Josée Tremblay" --on profile "Bravo — ᐊᐃᖓᐃ"
check "comments add on the shared copy" 0
COMMENTS="$DOCS\\De Josée.passerelle-comments"
pw en comments write --shared "$SHARED" --out "$COMMENTS"
check "comments write" 0
pw fr comments import --portfolio "$P" "$COMMENTS"
check "comments import (French)" 0 out "1 commentaire de Josée Tremblay importé"
pw fr comments import --portfolio "$P" "$COMMENTS"
check "comments import again: nothing new" 0 out "0 commentaire"
pw en comments list --portfolio "$P"
check "comments list" 0 out "Bravo — ᐊᐃᖓᐃ"
pw en comments import --portfolio "$SHARED" "$COMMENTS"
check "comments import into a shared copy" 1

ANON="$DOCS\\résultats anonymes.json"
pw en outcomes export --portfolio "$P" --program "Centre d’amitié — Career coaching 2026" --out "$ANON"
check "outcomes export" 0 out "résultats anonymes.json"
grep -q '"pseudonym"' "$(unix_of "$ANON")" || fail "outcomes export: no pseudonym in the file"
! grep -q 'Aminata' "$(unix_of "$ANON")" || fail "outcomes export: the learner's name is in the anonymous file"

LONG="$ROOT_WIN"
for part in "Dossier très long pour les preuves de Zoé Lévesque" "ᐃᓄᒃᑎᑐᑦ ᐅᖃᐅᓯᖅ ᐃᓕᓐᓂᐊᕐᕕᒃ ᓄᓇᕗᑦ ᑲᑎᑦᓯᓂᖅ" \
	"Formation en intervention communautaire 2026" "Portfolio et pièces justificatives" "Version finale" \
	"Copie de travail"; do
	LONG+="\\$part"
done
LONG+="\\Portfolio de Zoé Lévesque — version longue.passerelle"
[ ${#LONG} -gt 260 ] || fail "the long path has only ${#LONG} characters"
pw en demo --out "$LONG"
check "demo at a path of ${#LONG} characters" 0 out "Demo portfolio written to"
pw en check --portfolio "$LONG"
check "check at a path of ${#LONG} characters" 0 out "is intact"
pw en backup --portfolio "$LONG" --out "$BK"
check "backup of the long path" 0 out "Backup written and checked"

# ---- bad input ------------------------------------------------------------------------------
# Another program holds the portfolio open, sharing nothing (an antivirus, a sync client).
HOLD="$LOG/holdfile.exe"
if GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -o "$HOLD" ./build/windows/wine/holdfile; then
	mkfifo "$LOG/hold-in"
	"$WINE" "$HOLD" "$P" <"$LOG/hold-in" >"$LOG/hold-out" 2>&1 &
	HOLD_PID=$!
	exec 8>"$LOG/hold-in"
	for _ in $(seq 1 100); do
		grep -q held "$LOG/hold-out" 2>/dev/null && break
		sleep 0.1
	done
	if grep -q held "$LOG/hold-out"; then
		before=$(sha256sum <"$(unix_of "$P")")
		pw en check --portfolio "$P"
		check "check of a file another program holds" 1 err "Another program is using this portfolio"
		pw fr backup --portfolio "$P" --out "$BK"
		check "backup of a file another program holds (French)" 1 err "Un autre programme utilise ce portfolio"
		pw en restore "$backup_file" --to "$P"
		check "restore over a file another program holds" 1 err "Another program is using this portfolio"
		[ "$(sha256sum <"$(unix_of "$P")")" = "$before" ] || fail "the held file changed"
	else
		fail "holdfile did not hold $P: $(cat "$LOG/hold-out")"
	fi
	exec 8>&-
	wait "$HOLD_PID" 2>/dev/null
	HOLD_PID=
	# The last export still open in a PDF reader, and the learner exports again.
	pdf="$DOCS\\Zoé – portfolio (en).pdf"
	"$WINE" "$HOLD" "$pdf" <"$LOG/hold-in" >"$LOG/hold-out" 2>&1 &
	HOLD_PID=$!
	exec 8>"$LOG/hold-in"
	for _ in $(seq 1 100); do
		grep -q held "$LOG/hold-out" 2>/dev/null && break
		sleep 0.1
	done
	before=$(sha256sum <"$(unix_of "$pdf")")
	pw en export --portfolio "$P" --target "MLT 101 — Collège de l’Ouest" --lang en --out "$pdf"
	check "export over a PDF open in a reader" 1 err "is open in another program"
	[ "$(sha256sum <"$(unix_of "$pdf")")" = "$before" ] || fail "the open PDF changed"
	exec 8>&-
	wait "$HOLD_PID" 2>/dev/null
	HOLD_PID=
else
	fail "could not build holdfile"
fi

# A read-only folder (a locked SD card, a folder of another user). The journey runs as root,
# which Unix permissions do not stop, so the folder is made read-only by a bind mount in a
# private mount namespace, with a wineserver of its own there (Wine's server creates the
# files); /tmp/.wine-UID, where Wine finds its server, is private to that namespace too.
RO="$ROOT_WIN\\Dossier en lecture seule"
mkdir -p "$(unix_of "$RO")"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
	"${WINE%/*}/wineserver64" -w # one wineserver at a time on this prefix
	wine_dir=/tmp/.wine-$(id -u)
	mkdir -p -m 700 "$wine_dir"
	in_ro() { # runs pw … in the namespace; sets OUT, ERR, RC like pw
		local lang=$1
		shift
		RO_DIR=$(unix_of "$RO") WINE_DIR=$wine_dir unshare -m --propagation private bash -c '
			mount -t tmpfs -o mode=700 tmpfs "$WINE_DIR" && mount --bind "$RO_DIR" "$RO_DIR" &&
				mount -o remount,ro,bind "$RO_DIR" || exit 99
			"$@"; rc=$?
			"${WINE%/*}/wineserver64" -k 2>/dev/null
			exit $rc' in_ro env LC_MESSAGES="$lang" "$WINE" "$EXE" --data-dir "$DATA" "$@" \
			>"$LOG/out" 2>"$LOG/err" </dev/null
		RC=$?
		OUT=$(tr -d '\r' <"$LOG/out")
		ERR=$(tr -d '\r' <"$LOG/err")
	}
	in_ro en backup --portfolio "$P" --out "$RO"
	check "backup into a read-only folder" 1 err "may not write there"
	in_ro fr demo --out "$RO\\nouveau.passerelle"
	check "demo into a read-only folder (French)" 1 err "n’a pas le droit d’écrire"
	[ -z "$(ls -A "$(unix_of "$RO")")" ] || fail "the read-only folder got $(ls -A "$(unix_of "$RO")")"
else
	echo "  skipped: read-only folder (needs root and unshare for a read-only bind mount)"
fi

# Names Windows keeps for devices, or cannot hold.
pw en demo --out "$DOCS\\CON.passerelle"
check "demo named CON" 1 err "Windows cannot use the file name “CON.passerelle”"
pw fr demo --out "$DOCS\\fin."
check "demo named with a dot at the end (French)" 1 err "Windows ne peut pas utiliser le nom de fichier"
pw en check --portfolio "$DOCS\\absent.passerelle"
check "check of a file that is not there" 1 err "cannot be found"

secs=$(($(date +%s) - t0))
echo "wine-journey: $steps steps, $failures failed, ${secs}s"
[ "$failures" -eq 0 ]
