#!/usr/bin/env bash
# Prints the version every build stamps into the binary (-ldflags "-X main.version=…"):
# `git describe --tags --always --dirty` (v1.2.0, v1.2.0-3-gabc1234, abc1234-dirty…), or, from a
# source tree without git (a tarball), $PASSERELLE_VERSION or "0.0.0-unknown".
#   scripts/version.sh         the version as the binary prints it
#   scripts/version.sh --deb   the same, as a Debian package version (starts with a digit,
#                              no hyphen: 1.2.0+3.gabc1234, 0.0~gitabc1234.dirty)
set -euo pipefail

cd "$(dirname "$0")/.."

v=${PASSERELLE_VERSION:-}
if [ -z "$v" ] && command -v git >/dev/null 2>&1 && git rev-parse --git-dir >/dev/null 2>&1; then
	v=$(git describe --tags --always --dirty 2>/dev/null || true)
fi
v=${v:-0.0.0-unknown}

case "${1:-}" in
"") printf '%s\n' "$v" ;;
--deb)
	d=${v#v}
	if ! [[ $d =~ ^[0-9]+\.[0-9] ]]; then # no release tag yet: sorts before any release
		d="0.0~git$d"
	fi
	# Debian allows [A-Za-z0-9.+~] in an upstream version without a revision.
	d=$(printf '%s' "$d" | sed -E 's/-/+/; s/-/./g; s/[^A-Za-z0-9.+~]/./g')
	printf '%s\n' "$d"
	;;
*)
	echo "usage: $0 [--deb]" >&2
	exit 2
	;;
esac
