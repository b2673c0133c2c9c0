#!/usr/bin/env bash
# Writes the release files to dist/ (what `make dist` does, after building both binaries):
#   passerelle-VERSION-setup.exe          Windows installer (NSIS; per user, no administrator)
#   passerelle_DEBVERSION_amd64.deb       Debian/Ubuntu package
#   passerelle-VERSION-linux-amd64        the bare Linux binary
#   passerelle-VERSION-windows-amd64.exe  the bare Windows binary
#   SHA256SUMS                            for `sha256sum -c SHA256SUMS`
# and fails when the installer or the .deb is over its size budget (issue 13: learners download
# it on slow or paid connections).
#
# Usage: scripts/dist.sh [all|deb|installer]   (default all)
# Reads build/bin/passerelle and build/bin/passerelle.exe, which must carry this version.
# Needs dpkg-deb (dpkg), makensis (nsis) and ImageMagick; installs nsis when it is missing.
set -euo pipefail

cd "$(dirname "$0")/.."

VERSION=$(scripts/version.sh)
DEB_VERSION=$(scripts/version.sh --deb)
BIN=build/bin/passerelle
EXE=build/bin/passerelle.exe
OUT=dist
# Bytes (MB as in the issue, not MiB).
# The installer's budget was 6 MB (issue 13); issues 10–12 added about 1 MB of code the features
# use (README, under "Release files"), so it is 6.5 MB until a cut of that size is found.
MAX_INSTALLER=${MAX_INSTALLER:-6500000}
MAX_DEB=${MAX_DEB:-7000000}
CONVERT=/usr/bin/convert # Debian's ImageMagick, not another convert earlier in PATH

INSTALLER=$OUT/passerelle-$VERSION-setup.exe
DEB=$OUT/passerelle_${DEB_VERSION}_amd64.deb

# Files carry the time of the last commit, so two builds of one commit make the same .deb.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
	SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}

say() { printf 'dist: %s\n' "$*"; }
fail() {
	printf 'dist: %s\n' "$*" >&2
	exit 1
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

need_apt() {
	local pkg=$1
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" = installed ] && return 0
	say "installing Debian package $pkg"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q
	as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$pkg"
}

# A stale binary would ship under the wrong name: both must carry this version.
check_binaries() {
	[ -x "$BIN" ] || fail "$BIN is missing: run make dist (or make build-prod)"
	[ -f "$EXE" ] || fail "$EXE is missing: run make dist (or make build-windows)"
	local got
	got=$("$BIN" --version)
	[ "$got" = "passerelle $VERSION" ] || fail "$BIN says '$got', want 'passerelle $VERSION': rebuild it"
	go version -m "$EXE" | grep -qF -- "-X main.version=$VERSION" ||
		fail "$EXE was not built with version $VERSION: rebuild it"
}

# Passerelle makes no network call: a release binary holding Go's HTTP client or a TLS client
# handshake (function names stay in a stripped binary's pclntab) is refused. json-gold's
# document loaders once brought both (1.4 MB); nonetclient_test.go guards the package list.
check_no_network_client() {
	local bin fn
	for bin in "$BIN" "$EXE"; do
		for fn in 'net/http.(*Client).do' 'net/http.(*Transport).roundTrip' 'crypto/tls.(*Conn).clientHandshake'; do
			if grep -qaF -- "$fn" "$bin"; then
				fail "$bin holds $fn: a network client is linked in (see nonetclient_test.go)"
			fi
		done
	done
	say "no network client in $BIN or $EXE"
}

size_of() { stat -c %s "$1"; }
mb() { awk -v s="$1" 'BEGIN { printf "%.2f MB", s / 1000000 }'; }

budget() {
	local file=$1 max=$2 size
	size=$(size_of "$file")
	if [ "$size" -gt "$max" ]; then
		fail "$file is $(mb "$size") ($size bytes), over its budget of $(mb "$max")"
	fi
	say "$file: $(mb "$size") ($size bytes; budget $(mb "$max"))"
}

build_deb() {
	local tmp root size
	tmp=$(mktemp -d)
	# shellcheck disable=SC2064 # expand now: the folder of this call
	trap "rm -rf '$tmp'" RETURN
	root=$tmp/root
	install -Dm755 "$BIN" "$root/usr/bin/passerelle"
	install -Dm644 build/linux/passerelle.desktop "$root/usr/share/applications/passerelle.desktop"
	install -Dm644 build/linux/passerelle-mime.xml "$root/usr/share/mime/packages/passerelle.xml"
	for s in 16 24 32 48 64 128 256 512; do
		local d=$root/usr/share/icons/hicolor/${s}x$s
		mkdir -p "$d/apps" "$d/mimetypes"
		"$CONVERT" build/appicon.png -resize "${s}x$s" -strip "png32:$d/apps/passerelle.png"
		cp "$d/apps/passerelle.png" "$d/mimetypes/application-x-passerelle.png"
	done
	install -Dm644 build/linux/copyright "$root/usr/share/doc/passerelle/copyright"
	install -Dm644 pdf/fonts/OFL.txt "$root/usr/share/doc/passerelle/OFL.txt"
	chmod -R u=rwX,go=rX "$root"
	size=$(du -sk --apparent-size "$root/usr" | cut -f1)
	# The newest glibc symbol version the binary uses (GTK and WebKitGTK bring the rest).
	glibc=$(objdump -T "$BIN" | grep -o 'GLIBC_[0-9.]*' | sort -Vu | tail -n 1)
	[ -n "$glibc" ] || fail "cannot read the glibc version $BIN needs"
	mkdir -p "$root/DEBIAN"
	# The desktop, MIME and icon caches are refreshed by the dpkg triggers of
	# desktop-file-utils, shared-mime-info and GTK: no maintainer scripts are needed.
	cat >"$root/DEBIAN/control" <<-EOF
		Package: passerelle
		Version: $DEB_VERSION
		Architecture: amd64
		Maintainer: Passerelle maintainers <passerelle@users.noreply.invalid>
		Installed-Size: $size
		Depends: libc6 (>= ${glibc#GLIBC_}), libgtk-3-0, libwebkit2gtk-4.1-0
		Section: education
		Priority: optional
		Description: offline portfolio for prior learning assessment (PLAR/RAC)
		 Passerelle keeps a learner's prior experience, microcredentials, evidence and
		 private support notes in one file they own, guides them through Prior Learning
		 Assessment and Recognition against a college course's outcomes, and exports a
		 bilingual English/French PDF portfolio. It works fully offline.
	EOF
	mkdir -p "$OUT"
	rm -f "$OUT"/passerelle_*_amd64.deb
	dpkg-deb --root-owner-group -Zxz -z9 --build "$root" "$DEB" >/dev/null
	budget "$DEB" "$MAX_DEB"
}

build_installer() {
	local tmp
	need_apt nsis
	tmp=$(mktemp -d)
	# shellcheck disable=SC2064
	trap "rm -rf '$tmp'" RETURN
	"$CONVERT" build/appicon.png -define icon:auto-resize=256,64,48,32,16 "$tmp/passerelle.ico"
	mkdir -p "$OUT"
	rm -f "$OUT"/passerelle-*-setup.exe
	makensis -V2 -NOCD -WX -INPUTCHARSET UTF8 \
		-DVERSION="$VERSION" -DEXE="$EXE" -DICON="$tmp/passerelle.ico" -DOFL=pdf/fonts/OFL.txt \
		-DOUTFILE="$INSTALLER" build/windows/installer/passerelle.nsi
	budget "$INSTALLER" "$MAX_INSTALLER"
}

bare_and_sums() {
	rm -f "$OUT"/passerelle-*-linux-amd64 "$OUT"/passerelle-*-windows-amd64.exe "$OUT/SHA256SUMS"
	cp "$BIN" "$OUT/passerelle-$VERSION-linux-amd64"
	cp "$EXE" "$OUT/passerelle-$VERSION-windows-amd64.exe"
	(cd "$OUT" && sha256sum -- passerelle* >SHA256SUMS && sha256sum --quiet -c SHA256SUMS)
	say "wrote $OUT/:"
	(cd "$OUT" && ls -l passerelle* SHA256SUMS | awk '{ printf "  %10d  %s\n", $5, $NF }')
}

case "${1:-all}" in
all)
	check_binaries
	check_no_network_client
	rm -rf "$OUT"
	build_deb
	build_installer
	bare_and_sums
	;;
deb)
	check_binaries
	build_deb
	;;
installer)
	check_binaries
	build_installer
	;;
*)
	echo "usage: $0 [all|deb|installer]" >&2
	exit 2
	;;
esac
