package comment_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/comment"
	"passerelle/demo"
	"passerelle/fault"
	"passerelle/intake"
	"passerelle/plar"
	"passerelle/portfolio"
	"passerelle/share"
)

var clock = func() time.Time { return time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC) }

func messageID(err error) string {
	if e, ok := fault.As(err); ok {
		return e.MessageID
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// learner is the demo portfolio, open as the learner's window has it.
func learner(t testing.TB) *portfolio.Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo"+portfolio.FileExtension)
	if err := demo.Write(ctx, path, clock); err != nil {
		t.Fatal(err)
	}
	st, err := portfolio.Open(ctx, path, portfolio.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// coach shares st and opens the copy in coach mode, with the coach's name set.
func coach(t testing.TB, st *portfolio.Store, name string) *portfolio.Store {
	t.Helper()
	ctx := context.Background()
	res, err := share.Write(ctx, st, filepath.Join(t.TempDir(), "copy"), share.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := portfolio.OpenSharedCopy(ctx, res.Path, portfolio.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close() })
	if err := cs.SetCoachName(ctx, name); err != nil {
		t.Fatal(err)
	}
	return cs
}

func firstClaim(t testing.TB, st *portfolio.Store) plar.Claim {
	t.Helper()
	ctx := context.Background()
	ps := plar.NewStore(st)
	targets, err := ps.Targets(ctx)
	if err != nil || len(targets) == 0 {
		t.Fatal(err)
	}
	claims, err := ps.Claims(ctx, targets[0].ID)
	if err != nil || len(claims) == 0 {
		t.Fatal(err)
	}
	return claims[0]
}

func writeComments(t testing.TB, cs *portfolio.Store) string {
	t.Helper()
	res, err := comment.WriteFile(context.Background(), cs, filepath.Join(t.TempDir(), "from-coach"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(res.Path, comment.FileExtension) {
		t.Fatalf("comments file %s", res.Path)
	}
	return res.Path
}

// TestRoundTrip_CoachCommentsReachTheLearnerAndRepliesGoBack plays both people: the coach
// comments on a claim and one of its rules, writes the comments file; the learner imports it
// (twice: nothing more), sees each comment beside its item, replies and marks one done; the
// next shared copy carries the reply and the status back to the coach.
func TestRoundTrip_CoachCommentsReachTheLearnerAndRepliesGoBack(t *testing.T) {
	ctx := context.Background()
	st := learner(t)
	cs := coach(t, st, "Josée Tremblay")
	claim := firstClaim(t, cs)
	onClaim, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnClaim, ID: claim.ID},
		Text: "Votre récit est clair.", SuggestedAction: "Ajoutez une lettre d’attestation."})
	if err != nil {
		t.Fatal(err)
	}
	if onClaim.AuthorKind != comment.ByCoach || onClaim.AuthorName != "Josée Tremblay" || onClaim.Fingerprint == "" {
		t.Fatalf("coach comment %+v", onClaim)
	}
	if _, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnClaimRule, ID: claim.ID,
		Rule: plar.RuleCurrent}, Text: "La preuve date de plus de cinq ans."}); err != nil {
		t.Fatal(err)
	}
	path := writeComments(t, cs)
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), claim.NarrativeEN) && claim.NarrativeEN != "" {
		t.Error("the comments file carries the claim's narrative")
	}

	res, err := comment.ImportFile(ctx, st, path)
	if err != nil || res.Added != 2 || res.Already != 0 || res.CoachName != "Josée Tremblay" {
		t.Fatalf("import: %+v, %v", res, err)
	}
	res, err = comment.ImportFile(ctx, st, path)
	if err != nil || res.Added != 0 || res.Already != 2 {
		t.Fatalf("importing again: %+v, %v", res, err)
	}
	threads, err := comment.List(ctx, st)
	if err != nil || len(threads) != 2 {
		t.Fatalf("threads %+v, %v", threads, err)
	}
	for _, th := range threads {
		if th.Item != comment.ItemCurrent || th.Open != 1 || th.Anchor.ID != claim.ID || th.Comments[0].AuthorName != "Josée Tremblay" {
			t.Errorf("thread %+v", th)
		}
	}
	reply, err := comment.Reply(ctx, st, onClaim.ID, "Merci, je la demande à mon employeur.")
	if err != nil || reply.AuthorKind != comment.ByLearner || reply.Anchor != onClaim.Anchor {
		t.Fatalf("reply %+v, %v", reply, err)
	}
	if err := comment.SetStatus(ctx, st, onClaim.ID, comment.StatusDone); err != nil {
		t.Fatal(err)
	}
	if err := comment.SetStatus(ctx, cs, onClaim.ID, comment.StatusDone); messageID(err) != "ErrSharedCopyReadOnly" {
		t.Fatalf("a coach marked a comment done: %v", err)
	}

	next := coach(t, st, "Josée Tremblay")
	all, err := comment.All(ctx, next)
	if err != nil || len(all) != 3 {
		t.Fatalf("the next shared copy has %d comments, %v", len(all), err)
	}
	for _, c := range all {
		if c.ID == onClaim.ID && c.Status != comment.StatusDone {
			t.Errorf("the coach does not see the comment done: %+v", c)
		}
	}
	if _, err := comment.Reply(ctx, next, reply.ID, "Parfait."); err != nil {
		t.Fatal(err)
	}
	again := writeComments(t, next)
	var f comment.File
	data, _ := os.ReadFile(again)
	json.Unmarshal(data, &f)
	if len(f.Comments) != 1 {
		t.Errorf("the second comments file holds %d comments, want only the new one", len(f.Comments))
	}
}

// TestList_ItemChangedOrDeletedSinceTheCoachSawIt changes one commented item and deletes another
// in the learner's file after the coach commented: one is "changed", the other stays listed as
// "deleted".
func TestList_ItemChangedOrDeletedSinceTheCoachSawIt(t *testing.T) {
	ctx := context.Background()
	st := learner(t)
	cs := coach(t, st, "Marc Okafor")
	exps, _ := cs.Experiences(ctx)
	creds, _ := cs.Credentials(ctx)
	for _, a := range []comment.Anchor{{Kind: comment.OnExperience, ID: exps[0].ID},
		{Kind: comment.OnCredential, ID: creds[0].ID}, {Kind: comment.OnProfile}} {
		if _, err := comment.Add(ctx, cs, comment.New{Anchor: a, Text: "À préciser."}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := comment.ImportFile(ctx, st, writeComments(t, cs)); err != nil {
		t.Fatal(err)
	}
	e := exps[0]
	e.Hours += 10
	if _, err := st.SaveExperience(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCredential(ctx, creds[0].ID); err != nil {
		t.Fatal(err)
	}
	threads, err := comment.List(ctx, st)
	if err != nil || len(threads) != 3 {
		t.Fatalf("threads %+v, %v", threads, err)
	}
	want := map[string]string{comment.OnProfile: comment.ItemCurrent, comment.OnExperience: comment.ItemChanged,
		comment.OnCredential: comment.ItemDeleted}
	for _, th := range threads {
		if th.Item != want[th.Anchor.Kind] {
			t.Errorf("%s: %s, want %s", th.Anchor.Kind, th.Item, want[th.Anchor.Kind])
		}
	}
	if threads[0].Anchor.Kind != comment.OnProfile {
		t.Errorf("the profile's thread is not first: %+v", threads[0].Anchor)
	}
}

// TestImport_TwoCoachesMerge imports the comments of two coaches on two shared copies: both
// are there, each under its coach's name.
func TestImport_TwoCoachesMerge(t *testing.T) {
	ctx := context.Background()
	st := learner(t)
	claim := firstClaim(t, st)
	var files []string
	for _, name := range []string{"Josée Tremblay", "Marc Okafor"} {
		cs := coach(t, st, name)
		if _, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnClaim, ID: claim.ID},
			Text: "Commentaire de " + name}); err != nil {
			t.Fatal(err)
		}
		files = append(files, writeComments(t, cs))
	}
	for _, f := range files {
		if res, err := comment.ImportFile(ctx, st, f); err != nil || res.Added != 1 {
			t.Fatalf("%s: %+v, %v", f, res, err)
		}
	}
	threads, _ := comment.List(ctx, st)
	if len(threads) != 1 || len(threads[0].Comments) != 2 || threads[0].Comments[0].AuthorName == threads[0].Comments[1].AuthorName {
		t.Fatalf("merged threads %+v", threads)
	}
}

// TestImport_BadFilesChangeNothing gives the learner a comments file made for another
// learner's portfolio, one cut short, one changed by hand, one that is not a comments file,
// and a shared copy: each refused with its message, and no comment added.
func TestImport_BadFilesChangeNothing(t *testing.T) {
	ctx := context.Background()
	st := learner(t)
	other := learner(t)
	cs := coach(t, other, "Josée Tremblay")
	claim := firstClaim(t, cs)
	if _, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnClaim, ID: claim.ID},
		Text: "Très bien."}); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(writeComments(t, cs))
	tampered := strings.Replace(string(good), "Très bien.", "Très mal.", 1)
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"another learner", good, "ErrCommentsForAnotherPortfolio"},
		{"cut short", good[:len(good)/2], "ErrCommentsFileDamaged"},
		{"tampered", []byte(tampered), "ErrCommentsFileDamaged"},
		{"not comments", []byte(`{"name": "x"}`), "ErrCommentsFileNotComments"},
		{"a picture", []byte("\x89PNG\r\n\x1a\n...."), "ErrCommentsFileNotComments"},
	} {
		p := filepath.Join(dir, c.name+comment.FileExtension)
		os.WriteFile(p, c.data, 0o600)
		if _, err := comment.ImportFile(ctx, st, p); messageID(err) != c.want {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
	}
	if all, _ := comment.All(ctx, st); len(all) != 0 {
		t.Fatalf("a refused file added %d comments", len(all))
	}
	if _, err := comment.Import(ctx, cs, good); messageID(err) != "ErrCommentsIntoSharedCopy" {
		t.Fatalf("import into a shared copy: %v", err)
	}
}

// TestAdd_RefusesWhatACoachCannotWrite: no comment before the coach gives a name, none on an
// item that does not exist, none on a rule that is not one of the four.
func TestAdd_RefusesWhatACoachCannotWrite(t *testing.T) {
	ctx := context.Background()
	st := learner(t)
	res, err := share.Write(ctx, st, filepath.Join(t.TempDir(), "copy"), share.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := portfolio.OpenSharedCopy(ctx, res.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	claim := firstClaim(t, cs)
	if _, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnClaim, ID: claim.ID}, Text: "x"}); messageID(err) != "ErrCoachNameNeeded" {
		t.Fatalf("without a name: %v", err)
	}
	cs.SetCoachName(ctx, "Josée")
	for _, c := range []struct {
		a    comment.Anchor
		want string
	}{
		{comment.Anchor{Kind: comment.OnClaim, ID: 9999}, "ErrCommentItemNotFound"},
		{comment.Anchor{Kind: comment.OnClaimRule, ID: claim.ID, Rule: "pretty"}, "ErrCommentAnchorUnknown"},
		{comment.Anchor{Kind: comment.OnClaim, ID: claim.ID, Rule: plar.RuleValid}, "ErrCommentAnchorUnknown"},
		{comment.Anchor{Kind: "target", ID: 1}, "ErrCommentAnchorUnknown"},
	} {
		if _, err := comment.Add(ctx, cs, comment.New{Anchor: c.a, Text: "x"}); messageID(err) != c.want {
			t.Errorf("%+v: %v, want %s", c.a, err, c.want)
		}
	}
	if _, err := comment.WriteFile(ctx, cs, filepath.Join(t.TempDir(), "none")); messageID(err) != "ErrNoCommentsToWrite" {
		t.Fatalf("writing no comments: %v", err)
	}
}

// TestList_AnImportedCredentialIsAsTheCoachSawItUntilTheLearnerEditsIt imports the e2e badge
// (issued to the demo learner, so its recipient check names her address), shares with and
// without contact details, and comments on it: the learner sees "as the coach saw it" until
// she edits it (the assessment method; both titles are the badge's own).
func TestList_AnImportedCredentialIsAsTheCoachSawItUntilTheLearnerEditsIt(t *testing.T) {
	ctx := context.Background()
	badge, err := os.ReadFile(filepath.FromSlash("../e2e/fixtures/lab-safety-badge.png"))
	if err != nil {
		t.Fatal(err)
	}
	for _, withContact := range []bool{false, true} {
		st := learner(t)
		res := intake.New(st, intake.Offline()).Import(ctx, "lab-safety-badge.png", badge)
		if res.Err != nil || len(res.Items) != 1 || !res.Items[0].Credential.Verified() {
			t.Fatalf("the badge did not import verified: %+v", res)
		}
		id := res.Items[0].Credential.ID
		shared, err := share.Write(ctx, st, filepath.Join(t.TempDir(), "copy"), share.Options{WithContact: withContact})
		if err != nil {
			t.Fatal(err)
		}
		cs, err := portfolio.OpenSharedCopy(ctx, shared.Path, portfolio.WithClock(clock))
		if err != nil {
			t.Fatal(err)
		}
		if err := cs.SetCoachName(ctx, "Josée Tremblay"); err != nil {
			t.Fatal(err)
		}
		if _, err := comment.Add(ctx, cs, comment.New{Anchor: comment.Anchor{Kind: comment.OnCredential, ID: id}, Text: "Bien."}); err != nil {
			t.Fatal(err)
		}
		file := writeComments(t, cs)
		cs.Close()
		if _, err := comment.ImportFile(ctx, st, file); err != nil {
			t.Fatal(err)
		}
		state := func() string {
			threads, err := comment.List(ctx, st)
			if err != nil || len(threads) != 1 {
				t.Fatalf("threads %+v, %v", threads, err)
			}
			return threads[0].Item
		}
		if got := state(); got != comment.ItemCurrent {
			t.Fatalf("with contact %v: untouched imported credential is %q", withContact, got)
		}
		c, err := st.Credential(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// The badge states both titles, which stay as issued: the learner adds how it was assessed.
		c.AssessmentMethod = "Examen pratique"
		if saved, err := st.SaveCredential(ctx, c); err != nil || saved.AssessmentMethod != "Examen pratique" {
			t.Fatalf("save %+v: %v", saved, err)
		}
		if got := state(); got != comment.ItemChanged {
			t.Fatalf("with contact %v: edited imported credential is %q", withContact, got)
		}
	}
}
