#!/usr/bin/env bash
# Prepares the fonts embedded in the PDF renderer (pdf/fonts/*.ttf) from Noto's release files:
# every character is kept, and what the renderer never uses is dropped, which takes the five
# files from 1.7 MB to 0.8 MB (and the Windows installer and .deb by about 0.3 MB each):
#   - TrueType hinting (glyph programs, fpgm, prep, cvt, gasp): pixel-grid hints for screens;
#     PDF viewers and printers draw the outlines without them;
#   - OpenType layout (GPOS, GSUB, GDEF) and DSIG: fpdf does no kerning, no ligatures, and
#     drops these tables from the subset it writes anyway;
#   - PostScript glyph names (post format 3): fpdf writes format 3 itself.
# Not run by the build: run it when updating the fonts, then `go test ./pdf/`.
#
# Usage: scripts/fonts.sh [SOURCE_DIR]
#   SOURCE_DIR holds the original NotoSans-*.ttf and NotoSansCanadianAboriginal-*.ttf
#   (default /usr/share/fonts/truetype/noto, from Debian's fonts-noto-core).
# Needs Debian's python3-fonttools (pyftsubset).
set -euo pipefail

cd "$(dirname "$0")/.."

src=${1:-/usr/share/fonts/truetype/noto}
files=(NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSansCanadianAboriginal-Regular NotoSansCanadianAboriginal-Bold)

python=/usr/bin/python3 # Debian's, where python3-fonttools lives
if ! "$python" -c 'import fontTools.subset' 2>/dev/null; then
	echo "fonts: needs fontTools: apt-get install python3-fonttools" >&2
	exit 1
fi
for f in "${files[@]}"; do
	[ -f "$src/$f.ttf" ] || { echo "fonts: $src/$f.ttf not found (apt-get install fonts-noto-core)" >&2; exit 1; }
done

for f in "${files[@]}"; do
	before=$(stat -c %s "$src/$f.ttf")
	# --unicodes='*' keeps every character of the cmap (and the glyphs composites use);
	# the name table is kept whole, with its copyright and licence entries.
	"$python" -m fontTools.subset "$src/$f.ttf" --unicodes='*' --notdef-outline \
		--no-hinting --layout-features='' --drop-tables+=GPOS,GSUB,GDEF,DSIG,gasp \
		--no-glyph-names --name-IDs='*' --name-languages='*' --name-legacy \
		--output-file="pdf/fonts/$f.ttf.tmp"
	mv "pdf/fonts/$f.ttf.tmp" "pdf/fonts/$f.ttf"
	echo "fonts: $f.ttf $before -> $(stat -c %s "pdf/fonts/$f.ttf") bytes"
done
