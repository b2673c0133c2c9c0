package credential_test

import (
	"bytes"
	"testing"

	"passerelle/credential"
	"passerelle/credential/credtest"
	"passerelle/fault"
)

func TestRead_FindsTheCredentialWhereverItIsBaked(t *testing.T) {
	hosted := credtest.OB2{Recipient: "ana@example.ca", Salt: "s4lt"}.Hosted()
	ob3 := credtest.OB3{Issuer: "did:example:issuer", NameFR: "Analyse de données : notions de base"}.JSON()
	tests := []struct {
		name      string
		file      []byte
		format    credential.Format
		mediaType string
		achName   string
	}{
		{"ob2 json", hosted, credential.FormatOB2Hosted, credential.MediaJSON, "Workplace First Aid"},
		{"ob2 png after IHDR", credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB2, hosted, credtest.AfterIHDR), credential.FormatOB2Hosted, credential.MediaPNG, "Workplace First Aid"},
		{"ob2 png before IEND", credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB2, hosted, credtest.BeforeIEND), credential.FormatOB2Hosted, credential.MediaPNG, "Workplace First Aid"},
		{"ob2 svg cdata", credtest.BakeSVG(credtest.NSOB2, credtest.AssertionURL, string(hosted)), credential.FormatOB2Hosted, credential.MediaSVG, "Workplace First Aid"},
		{"ob3 json", ob3, credential.FormatOB3JSON, credential.MediaJSON, "Data Analysis Fundamentals"},
		{"ob3 png before IEND", credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, ob3, credtest.BeforeIEND), credential.FormatOB3JSON, credential.MediaPNG, "Data Analysis Fundamentals"},
		{"ob3 svg cdata", credtest.BakeSVG(credtest.NSOB3, "", string(ob3)), credential.FormatOB3JSON, credential.MediaSVG, "Data Analysis Fundamentals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := credential.Read("badge", tt.file)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if c.Format != tt.format || c.MediaType != tt.mediaType {
				t.Errorf("format %q %q, want %q %q", c.Format, c.MediaType, tt.format, tt.mediaType)
			}
			if len(c.Achievements) != 1 || c.Achievements[0].Name != tt.achName {
				t.Fatalf("achievements %+v, want one named %q", c.Achievements, tt.achName)
			}
			if !bytes.Equal(c.Source, tt.file) {
				t.Error("Source is not the file's bytes")
			}
		})
	}
}

func TestRead_FillsTheMicrocredentialFromAnOB3Credential(t *testing.T) {
	c, err := credential.Read("data.json", credtest.OB3{Issuer: "did:example:issuer", ValidUntil: "2029-04-30T00:00:00Z",
		NameFR: "Analyse de données : notions de base"}.JSON())
	if err != nil {
		t.Fatal(err)
	}
	a := c.Achievements[0]
	checks := []struct{ what, got, want string }{
		{"issuer id", c.Issuer.ID, "did:example:issuer"},
		{"issuer name", c.Issuer.Name, "Collège Exemple / Example College"},
		{"issued", c.IssuedOn, "2024-05-01"},
		{"expires", c.ExpiresOn, "2029-04-30"},
		{"name fr", a.NameFR, "Analyse de données : notions de base"},
		{"criteria", a.Criteria, "Completed four graded labs and a final project."},
		{"credential id", a.CredentialID, "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s = %q, want %q", ch.what, ch.got, ch.want)
		}
	}
	if len(a.Competencies) != 2 || a.Competencies[0] != "Analyse data" || a.Competencies[1] != "Communicate findings" {
		t.Errorf("competencies %q", a.Competencies)
	}
	if len(a.Alignments) != 2 || a.Alignments[0] != (credential.Alignment{Framework: "Skills for Success", Code: "NUM-3", Name: "Analyse data", URL: "https://frameworks.example.ca/num-3"}) {
		t.Errorf("alignments %+v", a.Alignments)
	}
	if a.Credits != 3 || a.Hours != 45 {
		t.Errorf("credits %v hours %v, want 3 and 45", a.Credits, a.Hours)
	}
}

func TestRead_RefusesWhatHoldsNoCredential(t *testing.T) {
	plain := credtest.PlainPNG()
	damaged := credtest.BakePNG(plain, credtest.KeywordOB2, credtest.OB2{Recipient: "a@b.c"}.Hosted(), credtest.AfterIHDR)
	damaged[60] ^= 1 // inside the iTXt chunk: its CRC no longer matches
	compressed := credtest.InsertChunk(plain, credtest.Chunk("iTXt", append([]byte("openbadges\x00\x01\x00\x00\x00"), 0x78, 0x9c)), credtest.AfterIHDR)
	legacy := credtest.InsertChunk(plain, credtest.Chunk("tEXt", []byte("openbadges\x00https://badges.example.org/assertions/1")), credtest.AfterIHDR)
	tests := []struct {
		name    string
		file    []byte
		code    fault.Code
		message string
	}{
		{"plain png", plain, fault.NotFound, "CredentialNoBadgeInImage"},
		{"plain svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>`), fault.NotFound, "CredentialNoBadgeInImage"},
		{"svg with wrong namespace", credtest.BakeSVG("http://example.org/not-badges", "", `{"a":1}`), fault.NotFound, "CredentialNoBadgeInImage"},
		{"damaged chunk", damaged, fault.Invalid, "CredentialImageDamaged"},
		{"truncated png", plain[:30], fault.Invalid, "CredentialImageDamaged"},
		{"compressed chunk", compressed, fault.Unsupported, "CredentialCompressedChunk"},
		{"legacy url only", legacy, fault.Unsupported, "CredentialOnlyURL"},
		{"text", []byte("hello"), fault.Unsupported, "CredentialNotReadable"},
		{"json not a credential", []byte(`{"name":"x"}`), fault.Unsupported, "CredentialNotReadable"},
		{"broken json", []byte(`{"type":"Assertion",`), fault.Invalid, "CredentialBadJSON"},
		{"broken jws", []byte("eyJhbGciOiJSUzI1NiJ9.e30x.c2ln"), fault.Invalid, "CredentialBadJWS"},
		{"too large", make([]byte, credential.MaxFileSize+1), fault.TooLarge, "CredentialTooLarge"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := credential.Read("badge.png", tt.file)
			e, ok := fault.As(err)
			if c != nil || !ok || e.Code != tt.code || e.MessageID != tt.message {
				t.Fatalf("Read = %v, %v; want %s %s", c, err, tt.code, tt.message)
			}
			if e.Args["Name"] != "badge.png" {
				t.Errorf("the message does not name the file: %v", e.Args)
			}
		})
	}
}
