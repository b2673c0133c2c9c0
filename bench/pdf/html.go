package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"passerelle/pdf"
	"passerelle/pdf/pdftest"
	"passerelle/plar"
)

// css lays the HTML out like the PDF: Letter pages, each section and claim on a new page,
// the two languages side by side, images fitted to a page.
const css = `@page { size: letter; margin: 20mm 20mm 22mm 20mm }
body { font-family: "Noto Sans", sans-serif; font-size: 10pt; color: #1c2026 }
h1 { color: #004e8a; font-size: 16pt; border-bottom: 1.5pt solid #004e8a; break-before: page }
h2 { color: #004e8a; font-size: 12.5pt; break-before: page } h3 { color: #004e8a; font-size: 10pt }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 7mm }
dl { display: grid; grid-template-columns: 46mm 1fr; margin: 0 } dt { font-weight: bold; font-size: 8.5pt; color: #525a66 }
table { border-collapse: collapse; width: 100%; font-size: 8pt } thead { display: table-header-group }
th { background: #f0f3f7; color: #004e8a; text-align: left } td, th { border-bottom: .2mm solid #c4cad2; padding: 1.4mm; vertical-align: top }
img { max-width: 100%; max-height: 170mm; display: block; margin: auto }`

// writeHTML writes the same content as the bilingual PDF as HTML, with the display copies as
// image files beside it, for Chromium to print.
func writeHTML(doc pdf.Document, dir string) (string, error) {
	if err := os.MkdirAll(filepath.Join(dir, "img"), 0o755); err != nil {
		return "", err
	}
	en, err := pdftest.Messages("en")
	if err != nil {
		return "", err
	}
	fr, err := pdftest.Messages("fr")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	e := html.EscapeString
	both := func(id string) string { return e(en[id] + " / " + fr[id]) }
	cols := func(a, c string) {
		fmt.Fprintf(&b, `<div class="cols"><div>%s</div><div>%s</div></div>`, e(a), e(c))
	}
	field := func(id, v string) {
		if v != "" {
			fmt.Fprintf(&b, "<dl><dt>%s</dt><dd>%s</dd></dl>", both(id), e(v))
		}
	}
	fmt.Fprintf(&b, "<!doctype html><html lang=en><meta charset=utf-8><title>%s</title><style>%s</style>", e(en["PdfTitle"]), css)
	fmt.Fprintf(&b, `<p style="font-size:22pt;color:#004e8a"><b>%s</b></p><p style="font-size:16pt">%s</p><p style="font-size:18pt"><b>%s</b></p>`,
		e(en["PdfTitle"]), e(fr["PdfTitle"]), e(doc.Learner.LegalName))
	if t := doc.Target; t != nil {
		field("PdfInstitution", t.Institution)
		field("PdfProgram", t.Program)
		field("PdfCourse", t.CourseCode+" "+t.CourseTitle)
	}
	fmt.Fprintf(&b, "<h1>%s</h1><ul>", both("PdfContents"))
	for _, id := range []string{"PdfProfile", "PdfExperiences", "PdfCredentials", "PdfClaims", "PdfReadiness", "PdfEvidenceIndex", "PdfEvidenceAppendix", "PdfDeclaration"} {
		fmt.Fprintf(&b, "<li>%s</li>", both(id))
	}
	fmt.Fprintf(&b, "</ul><h1>%s</h1>", both("PdfProfile"))
	field("PdfLegalName", doc.Learner.LegalName)
	field("PdfEmail", doc.Learner.Email)
	field("PdfPhone", doc.Learner.Phone)
	fmt.Fprintf(&b, "<h1>%s</h1>", both("PdfExperiences"))
	for _, x := range doc.Experiences {
		fmt.Fprintf(&b, "<p><small>%s – %s</small></p>", e(x.StartMonth), e(x.EndMonth))
		cols(x.TitleEN, x.TitleFR)
		field("PdfKind", en["ExperienceKind"+x.Kind]+" / "+fr["ExperienceKind"+x.Kind])
		field("PdfOrganisation", x.Organisation)
		field("PdfPlace", x.Place)
		field("PdfSkills", strings.Join(x.Skills, " · "))
		cols(x.DescriptionEN, x.DescriptionFR)
	}
	fmt.Fprintf(&b, "<h1>%s</h1>", both("PdfCredentials"))
	for _, c := range doc.Credentials {
		cols(c.TitleEN, c.TitleFR)
		field("PdfIssuer", c.Issuer)
		field("PdfIssued", c.IssuedOn)
		field("PdfCompetencies", strings.Join(c.Competencies, " · "))
		field("PdfVerification", c.Verification)
	}
	claimsHTML(&b, doc, both, cols)
	evidenceHTML(&b, doc, both, field, dir)
	fmt.Fprintf(&b, "<h1>%s</h1>", both("PdfDeclaration"))
	cols(en["PdfDeclarationText"], fr["PdfDeclarationText"])
	b.WriteString("</html>")
	path := filepath.Join(dir, "index.html")
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

func claimsHTML(b *strings.Builder, doc pdf.Document, both func(string) string, cols func(string, string)) {
	fmt.Fprintf(b, "<h1>%s</h1>", both("PdfClaims"))
	outcome := map[int64]plar.Outcome{}
	if doc.Target != nil {
		for _, o := range doc.Target.Outcomes {
			outcome[o.ID] = o
		}
	}
	for _, c := range doc.Claims {
		o := outcome[c.OutcomeID]
		fmt.Fprintf(b, "<h2>%s %s</h2>", both("PdfOutcome"), html.EscapeString(o.Code))
		cols(o.TextEN, o.TextFR)
		fmt.Fprintf(b, "<h3>%s</h3><p>%d / 5</p><h3>%s</h3>", both("PdfSelfRating"), c.Rating, both("PdfNarrative"))
		cols(c.NarrativeEN, c.NarrativeFR)
		fmt.Fprintf(b, "<h3>%s</h3><ul>", both("PdfLinkedEvidence"))
		for _, l := range c.Evidence {
			fmt.Fprintf(b, "<li>E%d %s</li>", l.EvidenceID, html.EscapeString(l.Relevance))
		}
		b.WriteString("</ul>")
	}
	fmt.Fprintf(b, "<h1>%s</h1><table><thead><tr><th>%s<th>%s<th>%s</tr></thead>", both("PdfReadiness"),
		both("PdfOutcome"), both("PdfSelfRating"), both("PdfReady"))
	for _, c := range doc.Claims {
		fmt.Fprintf(b, "<tr><td>%s<td>%d / 5<td>%t</tr>", html.EscapeString(outcome[c.OutcomeID].TextEN), c.Rating, c.Readiness.Ready)
	}
	b.WriteString("</table>")
}

func evidenceHTML(b *strings.Builder, doc pdf.Document, both func(string) string, field func(string, string), dir string) {
	fmt.Fprintf(b, "<h1>%s</h1><table><thead><tr><th>%s<th>%s<th>%s<th>%s<th>%s</tr></thead>", both("PdfEvidenceIndex"),
		both("PdfColNumber"), both("PdfColTitle"), both("PdfDate"), both("PdfVerifier"), both("PdfSha256"))
	for i, ev := range doc.Evidence {
		fmt.Fprintf(b, "<tr><td>E%d<td>%s<br>%s<td>%s<td>%s<td>%s</tr>", i+1, html.EscapeString(ev.AnyTitle()),
			html.EscapeString(ev.OriginalName), ev.Date, html.EscapeString(ev.VerifierName), ev.SHA256)
	}
	fmt.Fprintf(b, "</table><h1>%s</h1>", both("PdfEvidenceAppendix"))
	for i, ev := range doc.Evidence {
		fmt.Fprintf(b, "<h2>E%d — %s</h2>", i+1, html.EscapeString(ev.AnyTitle()))
		field("PdfDate", ev.Date)
		field("PdfVerifier", ev.VerifierName)
		field("PdfSha256", ev.SHA256)
		if len(ev.Display) > 0 {
			name := fmt.Sprintf("img/%03d.jpg", i+1)
			if os.WriteFile(filepath.Join(dir, name), ev.Display, 0o644) == nil {
				fmt.Fprintf(b, `<img src="%s" alt="%s">`, name, html.EscapeString(ev.AnyTitle()))
			}
		}
	}
}
