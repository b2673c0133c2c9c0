package portfolio

import (
	"bytes"
	"context"
	"passerelle/fault"
	"strings"
	"testing"
)

func TestText_OneMegabyteIsRefusedInEveryLongFieldAndChangesNothing(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	mb := strings.Repeat("Un texte très long. ", 1<<20/20)
	cases := []struct {
		name, field string
		save        func() error
	}{
		{"support note text", "text", func() error {
			_, err := st.SaveSupportNote(ctx, SupportNote{Category: "Coaching", Date: "2026-01-01", Text: mb})
			return err
		}},
		{"experience description", "descriptionFr", func() error {
			_, err := st.SaveExperience(ctx, Experience{Kind: "Volunteer", TitleFR: "Bénévole", StartMonth: "2020-01", DescriptionFR: mb})
			return err
		}},
		{"self-identification notes", "selfIdNotes", func() error {
			_, err := st.SaveLearner(ctx, Learner{DisplayName: "Léa", SelfID: SelfIdentification{Notes: mb}})
			return err
		}},
		{"a short field", "displayName", func() error {
			_, err := st.SaveLearner(ctx, Learner{DisplayName: mb})
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := fileBytes(t, st.Path())
			err := c.save()
			wantCode(t, err, fault.Invalid, "ErrTextTooLong")
			if e, _ := fault.As(err); e.Field != c.field || e.Args["Count"] != len([]rune(strings.TrimSpace(mb))) {
				t.Fatalf("error %+v", e)
			}
			if !bytes.Equal(before, fileBytes(t, st.Path())) {
				t.Fatal("the refused text changed the file")
			}
		})
	}
}

func TestText_MarkupAndDirectionMarksAreKeptAsTyped(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	// Stored exactly as typed: escaping is the display's job, and a learner may write about HTML.
	for _, text := range []string{
		`<script>alert("x")</script><img src=x onerror=alert(1)>`,
		"\u202Eevil.exe\u202C and \u200Fמרכז\u200E",
		"{{.Secret}} ${x} %s %n",
	} {
		n, err := st.SaveSupportNote(ctx, SupportNote{Category: "Other", Date: "2026-01-01", Text: text})
		if err != nil || n.Text != text {
			t.Fatalf("saved %q as %q: %v", text, n.Text, err)
		}
		notes, _ := st.SupportNotes(ctx)
		if notes[0].Text != text {
			t.Fatalf("read back %q", notes[0].Text)
		}
		st.DeleteSupportNote(ctx, n.ID)
	}
}
