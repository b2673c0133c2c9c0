package pdf

// Table geometry, in millimetres.
const (
	cellPad      = 1.4
	maxCellLines = 14  // a runaway cell is cut rather than pushing a row past a page
	sizeHead     = 7.0 // column headings, small enough for "Autoévaluation" in a narrow column
)

// col is one table column: its heading (already in the output languages) and width.
type col struct {
	head  string
	w     float64
	right bool
}

// cell is one table cell; anchor, when set, links the cell to that place in the PDF.
type cell struct {
	text   string
	anchor string
	st     style
}

// table draws rows under a shaded header that is repeated at the top of every page the
// table continues on, as assessors expect of a printed index.
func (r *renderer) table(cols []col, rows [][]cell, size float64) {
	h := lineH(size)
	head := headerCells(cols)
	headSize := min(size, sizeHead)
	headH := rowHeight(r.rowLines(cols, head, headSize), lineH(headSize))
	for i, row := range rows {
		lines := r.rowLines(cols, row, size)
		height := rowHeight(lines, h)
		if i == 0 || r.y+height > contentBot {
			if i > 0 || r.y+headH+height > contentBot {
				r.newPage()
			}
			r.row(cols, head, headSize, lineH(headSize), true)
		}
		r.drawRow(cols, row, lines, size, h, false)
	}
}

func headerCells(cols []col) []cell {
	cells := make([]cell, len(cols))
	for i, c := range cols {
		cells[i] = cell{text: c.head, st: bold}
	}
	return cells
}

func (r *renderer) row(cols []col, cells []cell, size, h float64, shaded bool) {
	r.drawRow(cols, cells, r.rowLines(cols, cells, size), size, h, shaded)
}

func (r *renderer) rowLines(cols []col, cells []cell, size float64) [][]line {
	out := make([][]line, len(cols))
	for i, c := range cols {
		if i >= len(cells) {
			break
		}
		lns := r.fs.wrap(r.fs.clean(cells[i].text), cells[i].st, size, c.w-2*cellPad)
		out[i] = lns[:min(len(lns), maxCellLines)]
	}
	return out
}

func rowHeight(lines [][]line, h float64) float64 {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return float64(n)*h + 2*cellPad
}

// drawRow draws one row cell by cell (column order is reading order), then its rules.
func (r *renderer) drawRow(cols []col, cells []cell, lines [][]line, size, h float64, shaded bool) {
	height := rowHeight(lines, h)
	if shaded {
		r.rect(marginX, r.y, contentW, height, colorShade, noBorder)
		r.color(colorAccent)
	}
	x := marginX
	for i, c := range cols {
		link := 0
		if i < len(cells) && cells[i].anchor != "" && r.pdf != nil {
			link = r.link(cells[i].anchor)
			if !shaded {
				r.color(colorAccent)
			}
		}
		for j, ln := range lines[i] {
			lx := x + cellPad
			if c.right {
				lx = x + c.w - cellPad - ln.w
			}
			r.draw(ln, lx, r.y+cellPad+float64(j)*h, size, link)
		}
		if link != 0 && !shaded {
			r.color(colorInk)
		}
		x += c.w
	}
	r.color(colorInk)
	r.y += height
	r.rule(r.y, colorRule, 0.2)
}
