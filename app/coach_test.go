package app

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"passerelle/comment"
	"passerelle/demo"
	"passerelle/plar"
	"passerelle/portfolio"
	"passerelle/share"
	"passerelle/submission"
)

// TestCoach_BothPeopleThroughTheServices plays the learner and the coach through the bound
// services: the learner previews and writes a shared copy; the coach opens it (the State says
// coach mode, whose and when), reads the record, is refused every edit with a translated
// message, comments and writes the comments file; the learner imports it, replies, marks done.
func TestCoach_BothPeopleThroughTheServices(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	learnerPath := filepath.Join(dir, "portfolios", "aminata"+portfolio.FileExtension)
	if err := demo.Write(ctx, learnerPath, func() time.Time { return time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC) }); err != nil {
		t.Fatal(err)
	}
	s := newSession(t, dir, "fr_CA.UTF-8")
	if _, err := s.Open(learnerPath); err != nil {
		t.Fatal(err)
	}
	sv := NewServices(s)
	pv, err := sv.Share.Preview(share.Options{})
	if err != nil || pv.Counts.SupportNotes != 2 || pv.PrivateNotes != 2 {
		t.Fatalf("preview %+v, %v", pv, err)
	}
	res, err := sv.Share.ToPath(share.Options{}, filepath.Join(dir, "pour-josee"))
	if err != nil || !strings.HasSuffix(res.Path, portfolio.SharedFileExtension) {
		t.Fatalf("share %+v, %v", res, err)
	}

	st, err := sv.Coach.Open(res.Path)
	if err != nil || !st.Coach || st.Share.LearnerName != "Aminata Koné" || st.Share.SharedAt != "2026-11-29T09:00:00Z" {
		t.Fatalf("coach mode state %+v, %v", st, err)
	}
	exps, err := sv.Experiences.List()
	if err != nil || len(exps) == 0 {
		t.Fatalf("experiences in coach mode: %v, %v", exps, err)
	}
	_, err = sv.Experiences.Save(exps[0])
	if ui := s.uiError(err); !strings.Contains(ui.Message, "copie partagée") {
		t.Fatalf("edit in coach mode: %+v", ui)
	}
	if _, err := sv.Data.SetInactivityMinutes(5); err == nil {
		t.Fatal("coach mode accepted a passphrase setting")
	}
	if _, err := sv.Data.RestoreFrom(learnerPath); err == nil {
		t.Fatal("a backup was restored over the coach's copy")
	}
	if _, err := sv.Data.BackupTo(dir); err == nil {
		t.Fatal("coach mode made a backup of the learner's copy")
	}
	if _, err := sv.Export.ToPath(submission.Request{Language: "en"}, filepath.Join(dir, "x.pdf")); err == nil {
		t.Fatal("coach mode exported the institution's PDF")
	}
	targets, _ := sv.Targets.List()
	claims, _ := sv.Claims.List(targets[0].ID)
	if _, err := sv.Coach.AddComment(comment.New{Anchor: comment.Anchor{Kind: comment.OnClaim, ID: claims[0].ID}, Text: "Bien."}); err == nil {
		t.Fatal("a comment without the coach's name")
	}
	if st, err = sv.Coach.SetCoachName("Josée Tremblay"); err != nil || st.CoachName != "Josée Tremblay" {
		t.Fatalf("coach name: %+v, %v", st, err)
	}
	c, err := sv.Coach.AddComment(comment.New{Anchor: comment.Anchor{Kind: comment.OnClaimRule, ID: claims[0].ID,
		Rule: plar.RuleSufficient}, Text: "Ajoutez une lettre.", SuggestedAction: "Lettre d’attestation"})
	if err != nil || c.AuthorName != "Josée Tremblay" {
		t.Fatalf("comment %+v, %v", c, err)
	}
	written, err := sv.Coach.WriteCommentsTo(filepath.Join(dir, "de-josee"))
	if err != nil || written.Comments != 1 {
		t.Fatalf("comments file %+v, %v", written, err)
	}

	if st, err := sv.Settings.SetLanguage("en"); err != nil || st.Language != "en" || !st.Coach {
		t.Fatalf("the coach switches to English: %+v, %v", st, err)
	}
	if _, err := s.Open(learnerPath); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.State(); st.Coach {
		t.Fatal("the learner's portfolio is shown in coach mode")
	}
	if _, err := sv.Coach.Comments(); err == nil {
		t.Fatal("coach comments listed on the learner's own file")
	}
	imp, err := sv.Comments.ImportFile(written.Path)
	if err != nil || imp.Added != 1 {
		t.Fatalf("import %+v, %v", imp, err)
	}
	if _, err := sv.Comments.Reply(c.ID, "Je la demande."); err != nil {
		t.Fatal(err)
	}
	if err := sv.Comments.MarkDone(c.ID); err != nil {
		t.Fatal(err)
	}
	threads, err := sv.Comments.List()
	if err != nil || len(threads) != 1 || len(threads[0].Comments) != 2 || threads[0].Comments[0].Status != comment.StatusDone {
		t.Fatalf("threads %+v, %v", threads, err)
	}
	// A double-click on the shared copy (`passerelle FILE.passerelle-share`) opens coach mode.
	s2 := newSession(t, t.TempDir(), "en_CA.UTF-8")
	NewServices(s2).OpenAtStart(portfolioArg([]string{res.Path}, ""))
	if st, err := s2.State(); err != nil || !st.Coach || st.CoachName != "Josée Tremblay" {
		t.Fatalf("started on a shared copy: %+v, %v", st, err)
	}
	s2.Close()
	cohort, err := sv.Coach.Cohort(dir)
	if err != nil || len(cohort.Learners) != 1 || cohort.Learners[0].LearnerName != "Aminata Koné" {
		t.Fatalf("cohort %+v, %v", cohort, err)
	}
}

// TestComments_DroppedFileIsImportedAndBadDataRefused drops a comments file (imported, the
// page told the result) and sends the page's own copy of a file cut short (refused).
func TestComments_DroppedFileIsImportedAndBadDataRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	learnerPath := filepath.Join(dir, "aminata"+portfolio.FileExtension)
	if err := demo.Write(ctx, learnerPath, time.Now); err != nil {
		t.Fatal(err)
	}
	s := newSession(t, dir, "en_CA.UTF-8")
	if _, err := s.Open(learnerPath); err != nil {
		t.Fatal(err)
	}
	sv := NewServices(s)
	res, err := sv.Share.ToPath(share.Options{}, filepath.Join(dir, "copy"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sv.Coach.Open(res.Path); err != nil {
		t.Fatal(err)
	}
	sv.Coach.SetCoachName("Josée")
	if _, err := sv.Coach.AddComment(comment.New{Anchor: comment.Anchor{Kind: comment.OnProfile}, Text: "Bien."}); err != nil {
		t.Fatal(err)
	}
	written, err := sv.Coach.WriteCommentsTo(filepath.Join(dir, "c"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open(learnerPath); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(written.Path)
	if _, err := sv.Comments.ImportData("c.passerelle-comments", base64.StdEncoding.EncodeToString(raw[:len(raw)/2])); err == nil {
		t.Fatal("a file cut short was imported")
	}
	if drop := sv.Comments.importDrop(written.Path); drop.Error != "" || drop.Result.Added != 1 {
		t.Fatalf("drop %+v", drop)
	}
	if drop := sv.Comments.importDrop(learnerPath); !strings.Contains(drop.Error, "pas un fichier de commentaires") {
		t.Fatalf("a portfolio dropped as comments: %+v", drop)
	}
}

// TestCoach_TheCoachsLanguageStaysInTheCoachsSettings: a French-speaking learner shares her
// portfolio; an English-speaking coach opens the copy and switches language: the window speaks
// the coach's language, and the learner's copy is not written to.
func TestCoach_TheCoachsLanguageStaysInTheCoachsSettings(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	learnerPath := filepath.Join(dir, "portfolios", "aminata"+portfolio.FileExtension)
	if err := demo.Write(ctx, learnerPath, func() time.Time { return time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC) }); err != nil {
		t.Fatal(err)
	}
	learner := newSession(t, dir, "fr_CA.UTF-8")
	if _, err := learner.Open(learnerPath); err != nil {
		t.Fatal(err)
	}
	lsv := NewServices(learner)
	if _, err := lsv.Settings.SetLanguage("fr"); err != nil {
		t.Fatal(err)
	}
	res, err := lsv.Share.ToPath(share.Options{}, filepath.Join(dir, "pour-josee"))
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	coach := newSession(t, t.TempDir(), "en_CA.UTF-8")
	csv := NewServices(coach)
	st, err := csv.Coach.Open(res.Path)
	if err != nil || !st.Coach || st.Language != "en" {
		t.Fatalf("coach opens the copy: language %q, %+v, %v", st.Language, st, err)
	}
	if st, err = csv.Settings.SetLanguage("fr"); err != nil || st.Language != "fr" {
		t.Fatalf("coach switches to French: %+v, %v", st, err)
	}
	if st, err = csv.Settings.SetLanguage("en"); err != nil || st.Language != "en" {
		t.Fatalf("coach switches back: %+v, %v", st, err)
	}
	coach.Close()
	after, err := os.ReadFile(res.Path)
	if err != nil || string(before) != string(after) {
		t.Fatalf("opening the copy and switching language wrote to the learner's copy (%v)", err)
	}
}
