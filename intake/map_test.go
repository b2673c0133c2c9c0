package intake

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"passerelle/credential"
	"passerelle/fault"
	"passerelle/portfolio"
)

func newPortfolio(t *testing.T) *portfolio.Store {
	t.Helper()
	clock := func() time.Time { return time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC) }
	st, err := portfolio.Create(context.Background(), filepath.Join(t.TempDir(), "p"+portfolio.FileExtension),
		"Test", portfolio.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// fixed is a Checker that reads every file as the same credential and result, so the mapping
// is tested apart from parsing and signatures.
func fixed(c credential.Credential, r credential.Result) Checker {
	return Checker{
		Read: func(name string, data []byte) (*credential.Credential, error) {
			cc := c
			cc.Source = data
			return &cc, nil
		},
		Verify: func(context.Context, *credential.Credential, time.Time, []string) credential.Result { return r },
	}
}

func passed() credential.Result {
	return credential.Result{CheckedAt: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC), Key: "z6Mk", KeySource: "did:key",
		Checks: []credential.Check{{Check: credential.CheckSignature, State: credential.Passed, Reason: "valid"}}}
}

func TestMap_CLRBecomesOneMicrocredentialPerAchievementGrouped(t *testing.T) {
	clr := credential.Credential{Format: credential.FormatCLR2JSON, ID: "urn:uuid:clr", IssuedOn: "2025-05-01",
		Issuer: credential.Issuer{ID: "did:key:z6MkCollege", Name: "Collège Boréal"},
		Achievements: []credential.Achievement{
			{ID: "urn:a1", Name: "Lab Safety", NameFR: "Sécurité en laboratoire", CredentialID: "urn:vc1", Credits: 1.5,
				Alignments: []credential.Alignment{{Framework: "NOC", Code: "22110", Name: "Lab tech"}}},
			{ID: "urn:a2", Name: "Pipetting\u0007", CredentialID: "urn:vc2", Hours: 12, IssuedOn: "2025-04-01"},
		}}
	r := passed()
	r.Nested = []credential.Result{passed(), {Checks: []credential.Check{{Check: credential.CheckSignature,
		State: credential.Failed, Reason: "bad_signature"}}}}
	st := newPortfolio(t)
	got := New(st, fixed(clr, r)).Import(context.Background(), "record.json", []byte(`{"clr":true}`))
	if got.Err != nil || got.Status != StatusImported || len(got.Items) != 2 {
		t.Fatalf("import: %+v", got)
	}
	a, b := got.Items[0].Credential, got.Items[1].Credential
	if a.Import.Group == "" || a.Import.Group != b.Import.Group || a.Import.Key == b.Import.Key {
		t.Fatalf("group %q / %q, keys %q / %q", a.Import.Group, b.Import.Group, a.Import.Key, b.Import.Key)
	}
	if a.TitleFR != "Sécurité en laboratoire" || a.CreditValue != "1.5" || a.IssuedOn != "2025-05-01" ||
		a.Import.Alignments[0].Code != "22110" || !a.Verified() {
		t.Fatalf("first achievement %+v %+v", a, a.Import)
	}
	if b.TitleEN != "Pipetting" || b.Hours != 12 || b.IssuedOn != "2025-04-01" || b.Verified() {
		t.Fatalf("second achievement %+v verified=%v", b, b.Verified())
	}
	// Each achievement carries its own checks and, apart, the record's.
	var scopes []string
	for _, c := range b.Import.Verification.Checks {
		scopes = append(scopes, c.Scope+":"+c.State)
	}
	if !slices.Equal(scopes, []string{":failed", "record:passed"}) {
		t.Fatalf("checks of the second achievement %v", scopes)
	}
	again := New(st, fixed(clr, r)).Import(context.Background(), "record.json", []byte(`{"clr":true}`))
	all, _ := st.Credentials(context.Background())
	if again.Status != StatusUpdated || len(all) != 2 {
		t.Fatalf("second import %s, %d microcredentials", again.Status, len(all))
	}
}

func TestMap_HostedBadgeNamedByURLGetsEditableTitleAndIssuer(t *testing.T) {
	hosted := credential.Credential{Format: credential.FormatOB2Hosted, ID: "https://badges.example.org/a/1",
		IssuedOn: "2024-03-01", Achievements: []credential.Achievement{{ID: "https://badges.example.org/class/7"}}}
	items, err := Map("b.png", &hosted, credential.Result{Checks: []credential.Check{{Check: credential.CheckSignature,
		State: credential.NotChecked, Reason: "hosted"}}})
	if err != nil {
		t.Fatal(err)
	}
	c := items[0]
	if c.TitleEN != "badges.example.org" || c.Issuer != "badges.example.org" ||
		slices.Contains(c.Import.Fixed, "titleEn") || slices.Contains(c.Import.Fixed, "issuer") {
		t.Fatalf("hosted badge mapped to %+v fixed %v", c, c.Import.Fixed)
	}
}

func TestImport_RefusedFileChangesNothing(t *testing.T) {
	cases := []struct {
		name string
		c    credential.Credential
		msg  string
	}{
		{"no achievement", credential.Credential{Format: credential.FormatOB3JSON, Issuer: credential.Issuer{Name: "X"},
			IssuedOn: "2025-01-01"}, "ErrCredentialFileEmpty"},
		{"no issue date", credential.Credential{Format: credential.FormatOB3JSON, Issuer: credential.Issuer{Name: "X"},
			Achievements: []credential.Achievement{{Name: "A"}}}, "ErrCredentialNoIssueDate"},
		{"issued in the future", credential.Credential{Format: credential.FormatOB3JSON, Issuer: credential.Issuer{Name: "X"},
			IssuedOn: "2030-01-01", Achievements: []credential.Achievement{{Name: "A"}}}, "ErrIssuedInFuture"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := newPortfolio(t)
			got := New(st, fixed(tc.c, passed())).Import(context.Background(), "x.json", []byte(`{}`))
			if f, ok := fault.As(got.Err); !ok || f.MessageID != tc.msg || got.Status != StatusRefused {
				t.Fatalf("got %+v", got)
			}
			creds, _ := st.Credentials(context.Background())
			ev, _ := st.EvidenceList(context.Background())
			if len(creds) != 0 || len(ev) != 0 {
				t.Fatalf("refused file wrote %d microcredentials, %d evidence", len(creds), len(ev))
			}
		})
	}
}
