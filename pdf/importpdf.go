package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"crypto/sha1"
	"errors"
	"fmt"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A learner's PDF evidence (a scanned letter) is reproduced by reading it with pdfcpu and
// copying each page into the portfolio as a form XObject through fpdf's import hooks (the
// ones gofpdi uses). The portfolio stays one fpdf document, so its page numbers, links,
// bookmarks, footers, metadata and fixed dates survive, which a pdfcpu merge would rewrite.

// maxDecodedContent bounds one page's decoded content stream against decompression bombs.
const maxDecodedContent = 32 << 20

// errEncrypted refuses protected PDFs: their objects cannot be copied faithfully.
var errEncrypted = errors.New("PDF is encrypted")

// source is one evidence PDF, parsed once per export.
type source struct {
	x     *model.XRefTable
	pages int
	keys  map[int]string // source object number → import key, so shared fonts copy once
	objs  map[string][]byte
	pos   map[string]map[int]string
	tag   string
}

// pdfcpuConfig is built here rather than by pdfcpu, whose default writes a config folder
// into the user's profile.
func pdfcpuConfig() *model.Configuration {
	limits := model.DefaultResourceLimits()
	limits.MaxDecodeBytes = maxDecodedContent
	return &model.Configuration{Reader15: true, ValidationMode: model.ValidationRelaxed,
		Eol: types.EolLF, Limits: limits}
}

// openSource parses a PDF; a panic inside the parser on hostile bytes becomes an error.
func openSource(ctx context.Context, data []byte) (src *source, err error) {
	defer func() {
		if p := recover(); p != nil {
			src, err = nil, fmt.Errorf("read evidence PDF: %v", p)
		}
	}()
	c, err := pdfcpu.ReadWithContext(ctx, bytes.NewReader(data), pdfcpuConfig())
	if err != nil {
		return nil, fmt.Errorf("read evidence PDF: %w", err)
	}
	if c.Encrypt != nil {
		return nil, errEncrypted
	}
	if err := c.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("count evidence PDF pages: %w", err)
	}
	if c.PageCount < 1 {
		return nil, errors.New("evidence PDF has no pages")
	}
	return &source{x: c.XRefTable, pages: c.PageCount}, nil
}

// form is one source page turned into a form XObject, ready to be drawn.
type form struct {
	name   string // resource name, with its slash
	key    string
	box    types.Rectangle
	rotate int
}

// pageForm copies page n and everything it uses into the import tables.
func (s *source) pageForm(tag string, n int) (f form, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("copy evidence PDF page %d: %v", n, p)
		}
	}()
	if s.keys == nil || s.tag != tag {
		s.keys, s.objs, s.pos, s.tag = map[int]string{}, map[string][]byte{}, map[string]map[int]string{}, tag
	}
	d, _, inh, err := s.x.PageDict(n, false)
	if err != nil {
		return form{}, err
	}
	content, err := s.content(d)
	if err != nil {
		return form{}, err
	}
	box := inh.MediaBox
	if inh.CropBox != nil {
		box = inh.CropBox
	}
	if box == nil || box.Width() <= 0 || box.Height() <= 0 {
		return form{}, errors.New("page has no size")
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(content) // writing to memory cannot fail
	zw.Close()
	var b bytes.Buffer
	pos := map[int]string{}
	fmt.Fprintf(&b, "<</Type /XObject /Subtype /Form /BBox [%.4f %.4f %.4f %.4f] /Resources ",
		box.LL.X, box.LL.Y, box.UR.X, box.UR.Y)
	if inh.Resources != nil {
		s.write(&b, inh.Resources, pos)
	} else {
		b.WriteString("<<>>")
	}
	fmt.Fprintf(&b, " /Filter /FlateDecode /Length %d>>\nstream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj")
	key := s.key(fmt.Sprintf("page %d", n))
	s.objs[key], s.pos[key] = b.Bytes(), pos
	return form{name: fmt.Sprintf("/PEV%sP%d", tag, n), key: key, box: *box, rotate: ((inh.Rotate % 360) + 360) % 360}, nil
}

// content is the page's content streams decoded and joined.
func (s *source) content(d types.Dict) ([]byte, error) {
	o, _ := d.Find("Contents")
	o, err := s.x.Dereference(o)
	if err != nil {
		return nil, err
	}
	var parts []types.Object
	switch c := o.(type) {
	case types.StreamDict:
		parts = []types.Object{c}
	case types.Array:
		parts = c
	case nil:
		return nil, nil
	default:
		return nil, errors.New("page content is not a stream")
	}
	var out []byte
	for _, p := range parts {
		sd, _, err := s.x.DereferenceStreamDict(p)
		if err != nil || sd == nil {
			continue
		}
		if err := sd.DecodeWithLimit(maxDecodedContent - int64(len(out))); err != nil {
			return nil, err
		}
		out = append(append(out, sd.Content...), '\n')
	}
	return out, nil
}

func (s *source) key(what string) string {
	return fmt.Sprintf("%x", sha1.Sum([]byte("passerelle/"+s.tag+"/"+what)))
}

// ref copies the object behind an indirect reference once and returns its import key; pages
// and the page tree are never followed, so a resource cannot drag in the whole file.
func (s *source) ref(ir types.IndirectRef) (string, bool) {
	n := ir.ObjectNumber.Value()
	if k, ok := s.keys[n]; ok {
		return k, k != ""
	}
	s.keys[n] = "" // an object that cannot be copied is remembered as null
	o, err := s.x.Dereference(ir)
	if err != nil || o == nil {
		return "", false
	}
	if d, ok := o.(types.Dict); ok {
		if t := d.Type(); t != nil && (*t == "Page" || *t == "Pages" || *t == "Catalog") {
			return "", false
		}
	}
	k := s.key(fmt.Sprint(n))
	s.keys[n] = k
	var b bytes.Buffer
	pos := map[int]string{}
	s.write(&b, o, pos)
	b.WriteString("\nendobj")
	s.objs[k], s.pos[k] = b.Bytes(), pos
	return k, true
}

// write serialises a pdfcpu object, leaving a 40-character key where each indirect
// reference goes; fpdf replaces the keys with object numbers when it writes the file.
func (s *source) write(b *bytes.Buffer, o types.Object, pos map[int]string) {
	switch v := o.(type) {
	case nil:
		b.WriteString("null")
	case types.IndirectRef:
		k, ok := s.ref(v)
		if !ok {
			b.WriteString("null")
			return
		}
		pos[b.Len()] = k
		b.WriteString(k + " 0 R")
	case types.Dict:
		s.dict(b, v, pos, -1)
	case types.Array:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			s.write(b, e, pos)
		}
		b.WriteByte(']')
	case types.StreamDict:
		s.dict(b, v.Dict, pos, len(v.Raw))
		b.WriteString("\nstream\n")
		b.Write(v.Raw)
		b.WriteString("\nendstream")
	default:
		b.WriteString(o.PDFString())
	}
}

func (s *source) dict(b *bytes.Buffer, d types.Dict, pos map[int]string, length int) {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.WriteString("<<")
	for _, k := range keys {
		if length >= 0 && k == "Length" {
			continue
		}
		b.WriteString(types.Name(k).PDFString())
		b.WriteByte(' ')
		s.write(b, d[k], pos)
		b.WriteByte(' ')
	}
	if length >= 0 {
		fmt.Fprintf(b, "/Length %d", length)
	}
	b.WriteString(">>")
}
