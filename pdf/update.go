package pdf

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// What fpdf cannot write correctly is appended as an incremental update (PDF 32000-1, 7.5.6):
// new objects and new versions of old ones after fpdf's output, with a cross-reference
// section chained to fpdf's. fpdf's bytes stay as they were; readers take the newest version
// of each object. The update carries the attachments (attach.go), the catalog naming them,
// and the bookmarks that have children, whose /Count fpdf writes as 0.

// errFpdfOutput means fpdf's output did not end as this version of fpdf writes it.
var errFpdfOutput = errors.New("unexpected end of the PDF written by fpdf")

// update writes the appended section straight to the output, so the attached originals
// pass through one at a time rather than gathering in a buffer.
type update struct {
	w       io.Writer
	pos     int64 // offset in the file of the next byte written
	err     error // the first write failure; later writes do nothing
	next    int   // next free object number
	offsets map[int]int64
}

func (u *update) Write(p []byte) (int, error) {
	if u.err != nil {
		return 0, u.err
	}
	n, err := u.w.Write(p)
	u.pos += int64(n)
	u.err = err
	return n, err
}

func (u *update) begin(n int) {
	u.offsets[n] = u.pos
	fmt.Fprintf(u, "%d 0 obj\n", n)
}

func (u *update) object(n int, body string) {
	u.begin(n)
	io.WriteString(u, body+"\nendobj\n")
}

// appendUpdate writes the update after fpdf's output.
func appendUpdate(out *outWriter, files []attachment) error {
	w, written, tail := out.w, out.written, out.tail
	text := string(tail)
	last := func(re, in string) []string {
		all := regexp.MustCompile(re).FindAllStringSubmatch(in, -1)
		if len(all) == 0 {
			return nil
		}
		return all[len(all)-1]
	}
	start, trailer := last(`startxref\s+(\d+)\s+%%EOF\s*$`, text), last(`trailer\s*<<([^>]*)>>`, text)
	if start == nil || trailer == nil {
		return fmt.Errorf("%w: no trailer", errFpdfOutput)
	}
	size, root, info := last(`/Size (\d+)`, trailer[1]), last(`/Root (\d+) 0 R`, trailer[1]), last(`/Info (\d+) 0 R`, trailer[1])
	if size == nil || root == nil || info == nil {
		return fmt.Errorf("%w: trailer %q", errFpdfOutput, trailer[1])
	}
	catalog := last(`\n`+root[1]+` 0 obj\n(<<[\s\S]*?>>)\nendobj`, text)
	tree := regexp.MustCompile(`/EmbeddedFiles << /Names \[[^\]]*\] >>`)
	if catalog == nil || !tree.MatchString(catalog[1]) {
		return fmt.Errorf("%w: no catalog", errFpdfOutput)
	}
	u := &update{w: w, pos: written, offsets: map[int]int64{}}
	u.next, _ = strconv.Atoi(size[1])
	io.WriteString(u, "\n")
	names, err := u.attach(files)
	if err != nil {
		return err
	}
	rootN, _ := strconv.Atoi(root[1])
	u.object(rootN, tree.ReplaceAllLiteralString(catalog[1], names))
	u.fixOutlines(text)
	u.indirectAnnots(out.linked)
	xref := u.pos
	io.WriteString(u, u.xref())
	fmt.Fprintf(u, "trailer\n<< /Size %d /Root %d 0 R /Info %s 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n",
		u.next, rootN, info[1], start[1], xref)
	return u.err
}

// xref is the cross-reference section of the update, one subsection per run of numbers.
func (u *update) xref() string {
	nums := slices.Sorted(maps.Keys(u.offsets))
	var b strings.Builder
	b.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			fmt.Fprintf(&b, "%010d 00000 n \n", u.offsets[n])
		}
		i = j
	}
	return b.String()
}

// indirectAnnots rewrites the pages whose links fpdf wrote inline, with each link its own
// object, as the format requires of a page's /Annots array. A page with any other kind of
// annotation is left as it is.
func (u *update) indirectAnnots(pages []pageObject) {
	annots := regexp.MustCompile(`\n/Annots \[(.*)\]\n`)
	link := regexp.MustCompile(`<</Type /Annot /Subtype /Link /Rect \[[^\]]*\] /Border \[0 0 0\] /Dest \[[^\]]*\]>>`)
	for _, p := range pages {
		m := annots.FindStringSubmatchIndex(p.dict)
		if m == nil {
			continue
		}
		list := p.dict[m[2]:m[3]]
		links := link.FindAllString(list, -1)
		if strings.Join(links, "") != list { // fpdf writes them back to back

			continue
		}
		refs := make([]string, len(links))
		for i, l := range links {
			refs[i] = strconv.Itoa(u.next) + " 0 R"
			u.object(u.next, l)
			u.next++
		}
		u.object(p.num, p.dict[:m[0]]+"\n/Annots ["+strings.Join(refs, " ")+"]\n"+p.dict[m[1]:])
	}
}

// fixOutlines rewrites the bookmarks that have children with the count the PDF format wants:
// minus the number of children, so each section opens closed with its claims or evidence
// items inside, and the root with the number of top-level bookmarks.
func (u *update) fixOutlines(text string) {
	items := regexp.MustCompile(`\n(\d+) 0 obj\n(<</Title [\s\S]*?)/Count 0>>\nendobj`).FindAllStringSubmatch(text, -1)
	next := map[string]string{}
	for _, it := range items {
		if m := regexp.MustCompile(`/Next (\d+) 0 R`).FindStringSubmatch(it[2]); m != nil {
			next[it[1]] = m[1]
		}
	}
	count := func(first, last string) int {
		n := 1
		for at := first; at != last && next[at] != "" && n <= len(items); at = next[at] {
			n++
		}
		return n
	}
	for _, it := range items {
		first := regexp.MustCompile(`/First (\d+) 0 R`).FindStringSubmatch(it[2])
		lastKid := regexp.MustCompile(`/Last (\d+) 0 R`).FindStringSubmatch(it[2])
		if first == nil || lastKid == nil {
			continue
		}
		n, _ := strconv.Atoi(it[1])
		u.object(n, it[2]+"/Count -"+strconv.Itoa(count(first[1], lastKid[1]))+">>")
	}
	root := regexp.MustCompile(`\n(\d+) 0 obj\n<</Type /Outlines /First (\d+) 0 R\n/Last (\d+) 0 R>>\nendobj`).FindStringSubmatch(text)
	if root != nil {
		n, _ := strconv.Atoi(root[1])
		u.object(n, fmt.Sprintf("<</Type /Outlines /First %s 0 R /Last %s 0 R /Count %d>>", root[2], root[3], count(root[2], root[3])))
	}
}
