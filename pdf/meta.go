package pdf

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// producer names the software honestly, in the Info dictionary and in XMP.
const producer = "Passerelle (codeberg.org/go-pdf/fpdf)"

// metadata is what a PDF reader, a search index and an archive see without opening a page.
type metadata struct {
	title, author, subject, keywords string
	langs                            []string // BCP 47, the first one the document's /Lang
	date                             time.Time
	docID                            string
}

func (r *renderer) metadata() metadata {
	m := metadata{date: r.v.date, docID: r.v.docID}
	name := r.fs.line(r.v.learnerName())
	m.title = r.fs.line(r.each(func(l *Labels) string { return l.Title })[0])
	if name != "" {
		m.title += " — " + name
	}
	m.author = name
	if t := r.v.target; t != nil {
		m.subject = r.fs.line(strings.Join(nonEmpty(t.Institution, t.Program, strings.TrimSpace(t.CourseCode+" "+t.CourseTitle)), " — "))
	}
	m.keywords = r.fs.line(strings.Join(append(r.each(func(l *Labels) string { return l.Keywords }), r.v.docID), "; "))
	for _, t := range r.tongues {
		m.langs = append(m.langs, string(t)+"-CA")
	}
	return m
}

// apply sets the Info dictionary, /Lang, the dates and the XMP packet.
func (m metadata) apply(pdf *fpdf.Fpdf) {
	pdf.SetTitle(m.title, true)
	pdf.SetAuthor(m.author, true)
	pdf.SetSubject(m.subject, true)
	pdf.SetKeywords(m.keywords, true)
	pdf.SetCreator("Passerelle", true)
	pdf.SetProducer(producer, true)
	pdf.SetLang(m.langs[0])
	pdf.SetCreationDate(m.date)
	pdf.SetModificationDate(m.date)
	pdf.SetXmpMetadata(m.xmp())
}

// xmp is the same metadata as an XMP packet, which archives and PDF/A tools read.
func (m metadata) xmp() []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s)) // writing to memory cannot fail
		return e.String()
	}
	date := m.date.UTC().Format(time.RFC3339)
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"` +
		` xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">` + "\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.title) + "</rdf:li></rdf:Alt></dc:title>\n")
	b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	b.WriteString("<dc:language><rdf:Bag>")
	for _, l := range m.langs {
		b.WriteString("<rdf:li>" + esc(l) + "</rdf:li>")
	}
	b.WriteString("</rdf:Bag></dc:language>\n")
	b.WriteString("<pdf:Keywords>" + esc(m.keywords) + "</pdf:Keywords>\n")
	b.WriteString("<pdf:Producer>" + esc(producer) + "</pdf:Producer>\n")
	b.WriteString("<xmp:CreatorTool>Passerelle</xmp:CreatorTool>\n")
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate><xmp:ModifyDate>" + date +
		"</xmp:ModifyDate><xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	b.WriteString("<xmpMM:DocumentID>passerelle:" + esc(m.docID) + "</xmpMM:DocumentID>\n")
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}
