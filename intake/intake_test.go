package intake

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passerelle/credential"
	"passerelle/credential/credtest"
	"passerelle/fault"
	"passerelle/locales"
	"passerelle/portfolio"
)

const learnerEmail = "aicha@example.ca"

// learnerPortfolio is a real portfolio file whose learner has the email the test credentials
// are issued to.
func learnerPortfolio(t *testing.T) *portfolio.Store {
	t.Helper()
	st := newPortfolio(t)
	if _, err := st.SaveLearner(context.Background(), portfolio.Learner{DisplayName: "Aïcha", Email: learnerEmail}); err != nil {
		t.Fatal(err)
	}
	return st
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func stateOf(c portfolio.Credential, scope, check string) string {
	for _, ck := range c.Import.Verification.Checks {
		if ck.Scope == scope && ck.Check == check {
			return ck.State
		}
	}
	return "absent"
}

func TestImport_EveryKindOfFileBecomesAVerifiedMicrocredential(t *testing.T) {
	ob3 := credtest.OB3{Recipient: learnerEmail, Salt: "s4lt", NameFR: "Principes de l’analyse de données"}
	signed := ob3.Signed(credtest.IssuerKey)
	jwt := ob3.JWT(credtest.IssuerKey, false)
	cases := []struct {
		name   string
		data   []byte
		format credential.Format
		media  string
	}{
		{"badge-after-ihdr.png", credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, signed, credtest.AfterIHDR),
			credential.FormatOB3JSON, "image/png"},
		{"badge-before-iend.png", credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, signed, credtest.BeforeIEND),
			credential.FormatOB3JSON, "image/png"},
		{"badge.svg", credtest.BakeSVG(credtest.NSOB3, string(jwt), ""), credential.FormatOB3JWT, "image/svg+xml"},
		{"badge.json", signed, credential.FormatOB3JSON, "application/json"},
		{"badge.jwt", jwt, credential.FormatOB3JWT, "application/jwt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := learnerPortfolio(t)
			ctx := context.Background()
			res := New(st, Offline()).ImportPaths(ctx, []string{writeFile(t, tc.name, tc.data)})
			if len(res) != 1 || res[0].Err != nil || res[0].Status != StatusImported || len(res[0].Items) != 1 {
				t.Fatalf("import: %+v", res)
			}
			c := res[0].Items[0].Credential
			if c.TitleEN != "Data Analysis Fundamentals" || c.TitleFR != "Principes de l’analyse de données" ||
				c.Issuer != "Collège Exemple / Example College" || c.IssuedOn != "2024-05-01" || c.Hours != 45 ||
				c.CreditValue != "3" || len(c.Competencies) != 2 || len(c.Import.Alignments) != 2 ||
				c.Import.Criteria != "Completed four graded labs and a final project." {
				t.Fatalf("mapped to %+v / %+v", c, c.Import)
			}
			if c.Import.Format != string(tc.format) || !c.Verified() || stateOf(c, "", "recipient") != portfolio.CheckPassed {
				t.Fatalf("format %s, verification %+v", c.Import.Format, c.Import.Verification)
			}
			// The learner's address is never stored in full with the check (a passphrase seals it).
			for _, ck := range c.Import.Verification.Checks {
				for _, v := range ck.Args {
					if strings.Contains(v, learnerEmail) {
						t.Fatalf("check %s keeps the learner's email: %q", ck.Check, v)
					}
				}
				if ck.Check == "recipient" && ck.Args["Email"] != "a…@example.ca" {
					t.Fatalf("recipient args %v", ck.Args)
				}
			}
			ev, err := st.EvidenceList(ctx)
			if err != nil || len(ev) != 1 {
				t.Fatalf("evidence %+v %v", ev, err)
			}
			if ev[0].Kind != "Certificate" || ev[0].MediaType != tc.media || ev[0].SHA256 != c.Import.SHA256 ||
				ev[0].CredentialIDs[0] != c.ID {
				t.Fatalf("original kept as %+v", ev[0])
			}
			kept, err := st.EvidenceFile(ctx, ev[0].ID)
			if err != nil || !bytes.Equal(kept, tc.data) {
				t.Fatalf("original bytes changed (%v)", err)
			}
			// The same file again updates the one microcredential.
			again := New(st, Offline()).Import(ctx, tc.name, tc.data)
			all, _ := st.Credentials(ctx)
			if again.Status != StatusUpdated || len(all) != 1 || all[0].ID != c.ID {
				t.Fatalf("second import %s, %d microcredentials", again.Status, len(all))
			}
		})
	}
}

func TestImport_CLRBecomesOneMicrocredentialPerAchievementGrouped(t *testing.T) {
	st := learnerPortfolio(t)
	clr := credtest.CLR{Recipient: learnerEmail, Salt: "s"}.Signed(credtest.IssuerKey)
	res := New(st, Offline()).Import(context.Background(), "record.json", clr)
	if res.Err != nil || len(res.Items) != 2 || res.Format != string(credential.FormatCLR2JSON) {
		t.Fatalf("import: %+v", res)
	}
	a, b := res.Items[0].Credential, res.Items[1].Credential
	if a.Import.Group == "" || a.Import.Group != b.Import.Group || a.Import.Key == b.Import.Key ||
		a.Import.EvidenceID != b.Import.EvidenceID {
		t.Fatalf("not grouped: %+v / %+v", a.Import, b.Import)
	}
	if a.TitleEN == b.TitleEN || stateOf(a, portfolio.ScopeRecord, "signature") != portfolio.CheckPassed || !a.Verified() {
		t.Fatalf("achievements %q %q, checks %+v", a.TitleEN, b.TitleEN, a.Import.Verification.Checks)
	}
	ev, err := st.EvidenceList(context.Background())
	if err != nil || len(ev) != 1 || ev[0].AnyTitle() == "record" || len(ev[0].CredentialIDs) != 2 {
		t.Fatalf("the record's file kept as %+v (%v)", ev, err)
	}
}

func TestImport_RefusedFilesWriteNothingAndSayWhy(t *testing.T) {
	catalog, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		msg  string
	}{
		{"holiday.png", credtest.PlainPNG(), "CredentialNoBadgeInImage"},
		{"broken.json", []byte(`{"@context": [`), "CredentialBadJSON"},
		{"notes.txt", []byte("not a credential at all"), "CredentialNotReadable"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := learnerPortfolio(t)
			before, err := os.ReadFile(st.Path())
			if err != nil {
				t.Fatal(err)
			}
			res := New(st, Offline()).ImportPaths(context.Background(), []string{writeFile(t, tc.name, tc.data)})
			f, ok := fault.As(res[0].Err)
			if !ok || f.MessageID != tc.msg || res[0].Status != StatusRefused || len(res[0].Items) != 0 {
				t.Fatalf("got %+v", res[0])
			}
			if text := catalog.Text("en", f.MessageID, f.Args); !bytes.Contains([]byte(text), []byte(tc.name)) {
				t.Errorf("message does not name the file: %q", text)
			}
			creds, _ := st.Credentials(context.Background())
			ev, _ := st.EvidenceList(context.Background())
			after, _ := os.ReadFile(st.Path())
			if len(creds) != 0 || len(ev) != 0 || !bytes.Equal(before, after) {
				t.Fatalf("a refused file wrote %d microcredentials, %d evidence", len(creds), len(ev))
			}
		})
	}
}

func TestImport_SeveralFilesEachOnItsOwn(t *testing.T) {
	st := learnerPortfolio(t)
	good := credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3,
		credtest.OB3{Recipient: learnerEmail, Salt: "x"}.Signed(credtest.IssuerKey), credtest.BeforeIEND)
	other := credtest.OB3{ID: "urn:uuid:other", Name: "Workplace Safety", Recipient: "someone@example.org", Salt: "y"}.Signed(credtest.IssuerKey)
	res := New(st, Offline()).ImportPaths(context.Background(), []string{
		writeFile(t, "good.png", good), writeFile(t, "photo.png", credtest.PlainPNG()), writeFile(t, "other.json", other)})
	if len(res) != 3 || res[0].Status != StatusImported || res[1].Status != StatusRefused || res[2].Status != StatusImported {
		t.Fatalf("results %+v", res)
	}
	// Issued to someone else: imported (the learner sees why), but not third-party evidence.
	c := res[2].Items[0].Credential
	if stateOf(c, "", "recipient") != portfolio.CheckFailed || c.Verified() {
		t.Fatalf("someone else's badge: %+v", c.Import.Verification)
	}
}

func TestCheckAgain_RecordsANewDateOnEveryAchievementOfTheFile(t *testing.T) {
	st := learnerPortfolio(t)
	ctx := context.Background()
	res := New(st, Offline()).Import(ctx, "record.json", credtest.CLR{Recipient: learnerEmail, Salt: "s"}.Signed(credtest.IssuerKey))
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if _, err := st.SaveLearner(ctx, portfolio.Learner{DisplayName: "Aïcha", Email: "new@example.ca"}); err != nil {
		t.Fatal(err)
	}
	got, err := New(st, Offline()).CheckAgain(ctx, res.Items[0].Credential.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The learner changed their email: the recipient check now fails, on both achievements.
	other, _ := st.Credential(ctx, res.Items[1].Credential.ID)
	if stateOf(got, "", "recipient") != portfolio.CheckFailed || stateOf(other, "", "recipient") != portfolio.CheckFailed {
		t.Fatalf("after check again: %+v / %+v", got.Import.Verification, other.Import.Verification)
	}
	if err := st.DeleteEvidence(ctx, got.Import.EvidenceID); err != nil {
		t.Fatal(err)
	}
	if _, err := New(st, Offline()).CheckAgain(ctx, got.ID); fault.CodeOf(err) != fault.NotFound {
		t.Fatalf("check again without the original: %v", err)
	}
}

func TestStatuses_HaveWordsInBothLanguages(t *testing.T) {
	catalog, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "fr"} {
		msgs := catalog.Messages(lang)
		for _, s := range []string{StatusImported, StatusUpdated, StatusRefused} {
			if msgs["CredentialImportStatus_"+s] == "" {
				t.Errorf("%s lacks CredentialImportStatus_%s", lang, s)
			}
		}
	}
}

// tampered is a signed badge whose achievement name was changed after signing, as the trial's
// badge-tampered.png: it still reads, with the same id, but its signature fails.
func tampered(t *testing.T, signed []byte) []byte {
	t.Helper()
	out := bytes.Replace(signed, []byte("Data Analysis"), []byte("Data Anolysis"), 1)
	if bytes.Equal(out, signed) {
		t.Fatal("nothing to tamper with")
	}
	return out
}

func TestImport_ATamperedCopyNeverReplacesTheVerifiedOne(t *testing.T) {
	ctx := context.Background()
	signed := credtest.OB3{Recipient: learnerEmail, Salt: "s"}.Signed(credtest.IssuerKey)
	good := credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, signed, credtest.BeforeIEND)
	bad := credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, tampered(t, signed), credtest.BeforeIEND)
	catalog, err := locales.New()
	if err != nil {
		t.Fatal(err)
	}

	st := learnerPortfolio(t)
	if res := New(st, Offline()).Import(ctx, "badge.png", good); res.Status != StatusImported || !res.Items[0].Credential.Verified() {
		t.Fatalf("genuine badge: %+v", res)
	}
	before, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	res := New(st, Offline()).Import(ctx, "badge-tampered.png", bad)
	f, ok := fault.As(res.Err)
	if res.Status != StatusRefused || !ok || f.MessageID != "ErrCredentialTamperedKept" {
		t.Fatalf("tampered copy over a verified one: %+v", res)
	}
	for _, lang := range []string{"en", "fr"} {
		if msg := catalog.Text(lang, f.MessageID, f.Args); !strings.Contains(msg, "badge-tampered.png") {
			t.Errorf("%s message does not name the file: %q", lang, msg)
		}
	}
	after, _ := os.ReadFile(st.Path())
	creds, _ := st.Credentials(ctx)
	ev, _ := st.EvidenceList(ctx)
	if !bytes.Equal(before, after) || len(creds) != 1 || !creds[0].Verified() || creds[0].TitleEN != "Data Analysis Fundamentals" ||
		len(ev) != 1 || ev[0].OriginalName != "badge.png" {
		t.Fatalf("the refused copy changed the portfolio: %+v, evidence %+v", creds, ev)
	}

	// The other way round, the genuine file updates the tampered one's microcredential, and
	// the microcredential keeps one original: the genuine file.
	st = learnerPortfolio(t)
	first := New(st, Offline()).Import(ctx, "badge-tampered.png", bad)
	if first.Status != StatusImported || stateOf(first.Items[0].Credential, portfolio.ScopeCredential, "signature") != portfolio.CheckFailed {
		t.Fatalf("tampered badge first: %+v", first)
	}
	second := New(st, Offline()).Import(ctx, "badge.png", good)
	if second.Status != StatusUpdated || !second.Items[0].Credential.Verified() {
		t.Fatalf("genuine badge after: %+v", second)
	}
	ev, err = st.EvidenceList(ctx)
	if err != nil || len(ev) != 1 || ev[0].OriginalName != "badge.png" || len(ev[0].CredentialIDs) != 1 ||
		ev[0].ID != second.Items[0].Credential.Import.EvidenceID {
		t.Fatalf("originals kept: %+v (%v)", ev, err)
	}
}

func TestImport_AnUpdateKeepsAnEarlierOriginalTheLearnerLinkedElsewhere(t *testing.T) {
	ctx := context.Background()
	st := learnerPortfolio(t)
	ob3 := credtest.OB3{Recipient: learnerEmail, Salt: "s"}
	old := New(st, Offline()).Import(ctx, "old.json", ob3.Signed(credtest.IssuerKey))
	if old.Status != StatusImported {
		t.Fatalf("first: %+v", old)
	}
	exp, err := st.SaveExperience(ctx, portfolio.Experience{Kind: "PaidWork", TitleEN: "Lab assistant", StartMonth: "2024-01"})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := st.EvidenceItem(ctx, old.Items[0].Credential.Import.EvidenceID)
	if err != nil {
		t.Fatal(err)
	}
	kept.ExperienceIDs = []int64{exp.ID}
	if _, err := st.SaveEvidence(ctx, kept); err != nil {
		t.Fatal(err)
	}
	again := New(st, Offline()).Import(ctx, "badge.png",
		credtest.BakePNG(credtest.PlainPNG(), credtest.KeywordOB3, ob3.Signed(credtest.IssuerKey), credtest.BeforeIEND))
	if again.Status != StatusUpdated {
		t.Fatalf("update: %+v", again)
	}
	ev, _ := st.EvidenceList(ctx)
	if len(ev) != 2 {
		t.Fatalf("evidence after update: %+v", ev)
	}
	for _, e := range ev {
		if e.OriginalName == "old.json" && (len(e.CredentialIDs) != 0 || len(e.ExperienceIDs) != 1 || e.ExperienceIDs[0] != exp.ID) {
			t.Fatalf("earlier original: %+v", e)
		}
	}
}
