package portfolio

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"passerelle/fault"
)

func importedBadge(key, title string) Credential {
	return Credential{TitleEN: title, Issuer: "Collège Boréal", IssuedOn: "2025-06-01",
		Competencies: []string{"WHMIS", "Biosécurité"}, Hours: 12,
		Import: &CredentialImport{Format: "ob3-json", Key: key, IssuerID: "did:key:z6MkIssuer",
			DescriptionEN: "Safe work in a lab.", Criteria: "Pass the practical test.",
			Alignments: []Alignment{{Framework: "NOC 2021", Code: "22110", Name: "Lab technician"}},
			Verification: Verification{CheckedAt: "2026-11-29T10:00:00Z", Key: "z6MkIssuer", KeySource: "did:key",
				Checks: []VerificationCheck{{Check: "signature", State: CheckPassed, Reason: "valid"}}}}}
}

func credentialFile(t *testing.T, name string, data []byte) PreparedEvidence {
	t.Helper()
	p, err := PrepareCredentialFile(name, data, "application/json", "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportCredentials_SecondImportUpdatesAndKeepsLearnerAdditions(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	file := credentialFile(t, "badge.json", []byte(`{"id":"urn:uuid:1"}`))
	first, err := st.ImportCredentials(ctx, file, []Credential{importedBadge("k1", "Lab Safety")})
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 1 || first[0].Updated || first[0].Credential.Import == nil {
		t.Fatalf("first import %+v", first)
	}
	c := first[0].Credential
	if c.Import.SHA256 != file.sum || c.Import.EvidenceID == 0 || c.Import.Alignments[0].Code != "22110" {
		t.Fatalf("import read back %+v", c.Import)
	}
	// The learner adds a French title and tries to change the issuer: only the title lands.
	c.TitleFR, c.Issuer, c.AssessmentMethod = "Sécurité en laboratoire", "Me", "Practical test"
	saved, err := st.SaveCredential(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if saved.TitleFR != "Sécurité en laboratoire" || saved.Issuer != "Collège Boréal" || saved.AssessmentMethod != "Practical test" {
		t.Fatalf("saved %+v", saved)
	}
	if !slices.Equal(saved.Import.Fixed, []string{"titleEn", "issuer", "issuedOn", "expiresOn", "competencies", "hours"}) {
		t.Fatalf("fixed %v", saved.Import.Fixed)
	}
	// The same credential again, from another file (the JSON of the badge that was a PNG),
	// with a newer verification: one microcredential, updated, with the learner's title kept.
	again := importedBadge("k1", "Lab Safety")
	again.Import.Verification.CheckedAt = "2026-11-30T10:00:00Z"
	second, err := st.ImportCredentials(ctx, credentialFile(t, "badge2.json", []byte(`{"id":"urn:uuid:1","x":1}`)),
		[]Credential{again})
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.Credentials(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || !second[0].Updated || all[0].ID != c.ID || all[0].TitleFR != "Sécurité en laboratoire" ||
		all[0].Import.Verification.CheckedAt != "2026-11-30T10:00:00Z" {
		t.Fatalf("after second import: %+v / %+v", second, all)
	}
	ev, err := st.EvidenceList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The microcredential keeps one original, the new file: the earlier one, which nothing
	// else used, is gone.
	if len(ev) != 1 || ev[0].OriginalName != "badge2.json" {
		t.Fatalf("originals after the update: %+v", ev)
	}
	for _, e := range ev {
		if e.Kind != "Certificate" || e.VerifierName != "Collège Boréal" || !slices.Contains(e.CredentialIDs, c.ID) {
			t.Fatalf("credential file kept as %+v", e)
		}
	}
	// The first file a third time is again the one original.
	if _, err := st.ImportCredentials(ctx, credentialFile(t, "badge.json", []byte(`{"id":"urn:uuid:1"}`)),
		[]Credential{importedBadge("k1", "Lab Safety")}); err != nil {
		t.Fatal(err)
	}
	if ev2, _ := st.EvidenceList(ctx); len(ev2) != 1 || ev2[0].OriginalName != "badge.json" {
		t.Fatalf("evidence rows %+v, want badge.json only", ev2)
	}
}

func TestImportCredentials_OneBadItemWritesNothing(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	before := fileBytes(t, st.Path())
	bad := importedBadge("k2", "Second")
	bad.IssuedOn = "2031-01-01"
	_, err := st.ImportCredentials(ctx, credentialFile(t, "clr.json", []byte(`{"clr":1}`)),
		[]Credential{importedBadge("k1", "First"), bad})
	if f, ok := fault.As(err); !ok || f.MessageID != "ErrIssuedInFuture" {
		t.Fatalf("err %v", err)
	}
	if !bytes.Equal(before, fileBytes(t, st.Path())) {
		t.Fatal("a refused import changed the file")
	}
	if all, _ := st.Credentials(ctx); len(all) != 0 {
		t.Fatalf("credentials %+v", all)
	}
}

func TestSetVerification_RecordsNewCheckAndRefusesUnknownKey(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	items, err := st.ImportCredentials(ctx, credentialFile(t, "b.json", []byte(`{"b":1}`)),
		[]Credential{importedBadge("k1", "Lab Safety")})
	if err != nil {
		t.Fatal(err)
	}
	v := Verification{CheckedAt: "2027-01-01T00:00:00Z", Checks: []VerificationCheck{
		{Check: "signature", State: CheckPassed}, {Check: "validity", State: CheckFailed, Reason: "expired"}}}
	if err := st.SetVerification(ctx, map[string]Verification{"k1": v}); err != nil {
		t.Fatal(err)
	}
	got, err := st.Credential(ctx, items[0].Credential.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Import.Verification.CheckedAt != v.CheckedAt || got.Verified() {
		t.Fatalf("verification %+v verified=%v", got.Import.Verification, got.Verified())
	}
	if err := st.SetVerification(ctx, map[string]Verification{"nope": v}); fault.CodeOf(err) != fault.NotFound {
		t.Fatalf("unknown key: %v", err)
	}
	name, data, err := st.CredentialOriginal(ctx, got.ID)
	if err != nil || name != "b.json" || string(data) != `{"b":1}` {
		t.Fatalf("original %q %q %v", name, data, err)
	}
}

func TestVerification_VerifiedNeedsOwnSignatureAndNoFailure(t *testing.T) {
	sig := func(scope, state string) VerificationCheck {
		return VerificationCheck{Scope: scope, Check: CheckSignature, State: state}
	}
	cases := []struct {
		name   string
		checks []VerificationCheck
		want   bool
	}{
		{"signature passed", []VerificationCheck{sig("", CheckPassed)}, true},
		{"signature passed, key not confirmed", []VerificationCheck{sig("", CheckPassed),
			{Check: "issuer_key", State: CheckCouldNotCheck}}, true},
		{"hosted badge, not checked", []VerificationCheck{sig("", CheckNotChecked)}, false},
		{"only the record's signature", []VerificationCheck{sig("record", CheckPassed)}, false},
		{"signature passed, expired", []VerificationCheck{sig("", CheckPassed),
			{Check: "validity", State: CheckFailed}}, false},
		{"signature failed", []VerificationCheck{sig("", CheckFailed)}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := (Verification{Checks: tc.checks}).Verified(); got != tc.want {
				t.Fatalf("Verified() = %v, want %v", got, tc.want)
			}
		})
	}
}
