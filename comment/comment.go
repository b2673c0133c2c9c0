// Package comment holds the conversation between a coach and a learner: comments anchored to
// one item of the portfolio (the profile, an experience, a microcredential, a piece of evidence,
// a claim or one rule of evidence of a claim), written by the coach in a shared copy and by the
// learner in their own file, and the small comments file that carries a coach's comments back.
package comment

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	"passerelle/fault"
	"passerelle/plar"
	"passerelle/portfolio"
)

// The kinds of item a comment can be anchored to.
const (
	OnProfile    = "profile"
	OnExperience = "experience"
	OnCredential = "credential"
	OnEvidence   = "evidence"
	OnClaim      = "claim"
	OnClaimRule  = "claim_rule"
)

// AnchorKinds are the kinds of item a comment can be anchored to, in the order lists show them.
func AnchorKinds() []string {
	return []string{OnProfile, OnExperience, OnCredential, OnEvidence, OnClaim, OnClaimRule}
}

// Who wrote a comment.
const (
	ByCoach   = "coach"
	ByLearner = "learner"
)

// The learner's status of a comment.
const (
	StatusOpen      = "open"
	StatusDone      = "done"
	StatusDismissed = "dismissed"
)

// Statuses are the states a learner can put a comment in.
func Statuses() []string { return []string{StatusOpen, StatusDone, StatusDismissed} }

// How an item stands against the comment made on it.
const (
	ItemCurrent = "current" // the item is as the coach saw it
	ItemChanged = "changed" // the learner changed it since
	ItemDeleted = "deleted" // the learner deleted it since
)

// Anchor is the item a comment is about. ID is 0 for the profile; Rule names one of the four
// rules of evidence for a claim_rule anchor, and is empty otherwise.
type Anchor struct {
	Kind string `json:"kind"`
	ID   int64  `json:"id"`
	Rule string `json:"rule"`
}

// Comment is one comment, by a coach or by the learner.
type Comment struct {
	ID              string `json:"id"`
	ShareID         string `json:"shareId"`
	Anchor          Anchor `json:"anchor"`
	Fingerprint     string `json:"fingerprint"`
	AuthorKind      string `json:"authorKind"`
	AuthorName      string `json:"authorName"`
	CreatedAt       string `json:"createdAt"`
	Text            string `json:"text"`
	SuggestedAction string `json:"suggestedAction"`
	ReplyTo         string `json:"replyTo"`
	Status          string `json:"status"`
	// Item is how the item stands now against Fingerprint (ItemCurrent, ItemChanged,
	// ItemDeleted); computed when listed, never stored.
	Item string `json:"item"`
}

// New is what a coach or a learner writes: the anchor (ignored for a reply, which takes its
// parent's), the text, and an optional suggested action.
type New struct {
	Anchor          Anchor `json:"anchor"`
	Text            string `json:"text"`
	SuggestedAction string `json:"suggestedAction"`
	ReplyTo         string `json:"replyTo"`
}

// Thread is the comments on one item, oldest first, with how the item stands now.
type Thread struct {
	Anchor Anchor `json:"anchor"`
	// Item is ItemDeleted when the item is gone, ItemChanged when it changed since any open
	// coach comment on it was made, ItemCurrent otherwise.
	Item     string    `json:"item"`
	Open     int       `json:"open"`
	Comments []Comment `json:"comments"`
}

func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func checkAnchor(a Anchor) error {
	if !slices.Contains(AnchorKinds(), a.Kind) {
		return fault.New(fault.Invalid, "anchor", "ErrCommentAnchorUnknown")
	}
	if (a.Kind == OnClaimRule) != (a.Rule != "") || (a.Rule != "" && !slices.Contains(plar.Rules(), a.Rule)) {
		return fault.New(fault.Invalid, "anchor", "ErrCommentAnchorUnknown")
	}
	if (a.Kind == OnProfile) != (a.ID == 0) || a.ID < 0 {
		return fault.New(fault.Invalid, "anchor", "ErrCommentAnchorUnknown")
	}
	return nil
}

// Add writes a comment: in a shared copy it is the coach's (their name must be set first,
// ErrCoachNameNeeded), in the learner's file it is the learner's. It records the fingerprint of
// the item as it is now; an item that does not exist is refused (ErrCommentItemNotFound).
func Add(ctx context.Context, st *portfolio.Store, n New) (Comment, error) {
	return AddAs(ctx, st, "", n)
}

// AddAs is Add by a coach who gives their name with the comment (a coach's script): the name
// is remembered in the shared copy in the same transaction as the comment, so a refused
// comment changes neither. An empty coachName is Add.
func AddAs(ctx context.Context, st *portfolio.Store, coachName string, n New) (Comment, error) {
	if coachName != "" && !st.Shared() {
		return Comment{}, fault.New(fault.Conflict, "", "ErrNotSharedCopy")
	}
	if coachName != "" {
		name, err := portfolio.RequiredText("coachName", coachName, portfolio.MaxShortText)
		if err != nil {
			return Comment{}, err
		}
		coachName = name
	}
	text, err := portfolio.RequiredText("text", n.Text, portfolio.MaxLongText)
	if err != nil {
		return Comment{}, err
	}
	action, err := portfolio.CleanText("suggestedAction", n.SuggestedAction, portfolio.MaxShortText)
	if err != nil {
		return Comment{}, err
	}
	c := Comment{ID: newID(), Anchor: n.Anchor, Text: text, SuggestedAction: action, ReplyTo: n.ReplyTo,
		Status: StatusOpen, CreatedAt: st.Stamp(), Item: ItemCurrent}
	if st.Shared() {
		c.AuthorKind = ByCoach
		if c.AuthorName, err = st.CoachName(ctx); err != nil {
			return Comment{}, err
		}
		if coachName != "" {
			c.AuthorName = coachName
		}
		if c.AuthorName == "" {
			return Comment{}, fault.New(fault.Invalid, "coachName", "ErrCoachNameNeeded")
		}
		info, err := st.ShareInfo(ctx)
		if err != nil {
			return Comment{}, err
		}
		c.ShareID = info.ShareID
	} else {
		c.AuthorKind = ByLearner
		l, err := st.Learner(ctx)
		if err != nil {
			return Comment{}, err
		}
		c.AuthorName = l.DisplayName
	}
	if c.ReplyTo != "" {
		parent, err := get(ctx, st, c.ReplyTo)
		if err != nil {
			return Comment{}, err
		}
		c.Anchor = parent.Anchor
	}
	if err := checkAnchor(c.Anchor); err != nil {
		return Comment{}, err
	}
	items, err := fingerprints(ctx, st)
	if err != nil {
		return Comment{}, err
	}
	fp, ok := items[c.Anchor.item()]
	if !ok {
		return Comment{}, fault.New(fault.NotFound, "anchor", "ErrCommentItemNotFound")
	}
	c.Fingerprint = fp
	err = st.UpdateComments(ctx, func(tx *sql.Tx) error {
		if coachName != "" {
			if err := portfolio.PutCoachName(ctx, tx, coachName); err != nil {
				return err
			}
		}
		return insert(ctx, tx, c)
	})
	if err != nil {
		return Comment{}, err
	}
	return c, nil
}

// insert adds c unless a comment with its ID is already there, and says whether it did.
func insert(ctx context.Context, tx *sql.Tx, c Comment) error {
	_, err := insertNew(ctx, tx, c)
	return err
}

func insertNew(ctx context.Context, tx *sql.Tx, c Comment) (bool, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO comment (id, share_id, anchor_kind, anchor_id, rule,
		fingerprint, author_kind, author_name, created_at, text, suggested_action, reply_to, status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		c.ID, c.ShareID, c.Anchor.Kind, c.Anchor.ID, c.Anchor.Rule, c.Fingerprint, c.AuthorKind,
		c.AuthorName, c.CreatedAt, c.Text, c.SuggestedAction, c.ReplyTo, c.Status)
	if err != nil {
		return false, fmt.Errorf("add comment: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Reply answers comment id: the learner in their file, the coach in a shared copy.
func Reply(ctx context.Context, st *portfolio.Store, id, text string) (Comment, error) {
	return Add(ctx, st, New{ReplyTo: id, Text: text})
}

// SetStatus marks a comment open, done or dismissed: the learner's to decide, in their own file.
func SetStatus(ctx context.Context, st *portfolio.Store, id, status string) error {
	if !slices.Contains(Statuses(), status) {
		return fault.New(fault.Invalid, "status", "ErrUnknownChoice")
	}
	if st.Shared() {
		return fault.New(fault.Conflict, "", "ErrSharedCopyReadOnly")
	}
	return st.UpdateComments(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE comment SET status = ? WHERE id = ?`, status, id)
		if err != nil {
			return fmt.Errorf("set comment status: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fault.New(fault.NotFound, "", "ErrCommentNotFound")
		}
		return nil
	})
}

const columns = `id, share_id, anchor_kind, anchor_id, rule, fingerprint, author_kind, author_name,
	created_at, text, suggested_action, reply_to, status`

func scan(r interface{ Scan(...any) error }) (Comment, error) {
	var c Comment
	err := r.Scan(&c.ID, &c.ShareID, &c.Anchor.Kind, &c.Anchor.ID, &c.Anchor.Rule, &c.Fingerprint,
		&c.AuthorKind, &c.AuthorName, &c.CreatedAt, &c.Text, &c.SuggestedAction, &c.ReplyTo, &c.Status)
	return c, err
}

func get(ctx context.Context, st *portfolio.Store, id string) (Comment, error) {
	var c Comment
	err := st.View(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = scan(tx.QueryRowContext(ctx, `SELECT `+columns+` FROM comment WHERE id = ?`, id))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return Comment{}, fault.New(fault.NotFound, "", "ErrCommentNotFound")
	}
	return c, err
}

// All lists every comment, oldest first, each with how its item stands now.
func All(ctx context.Context, st *portfolio.Store) ([]Comment, error) {
	items, err := fingerprints(ctx, st)
	if err != nil {
		return nil, err
	}
	out := []Comment{}
	err = st.View(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+columns+` FROM comment ORDER BY created_at, rowid`)
		if err != nil {
			return fmt.Errorf("list comments: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scan(rows)
			if err != nil {
				return fmt.Errorf("read comment: %w", err)
			}
			fp, ok := items[c.Anchor.item()]
			switch {
			case !ok:
				c.Item = ItemDeleted
			case fp != c.Fingerprint:
				c.Item = ItemChanged
			default:
				c.Item = ItemCurrent
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// List groups the comments by item: the profile first, then by kind and item, each thread
// oldest first. Threads whose item was deleted stay in the list, marked ItemDeleted.
func List(ctx context.Context, st *portfolio.Store) ([]Thread, error) {
	all, err := All(ctx, st)
	if err != nil {
		return nil, err
	}
	byAnchor := map[Anchor]*Thread{}
	var order []Anchor
	for _, c := range all {
		t, ok := byAnchor[c.Anchor]
		if !ok {
			t = &Thread{Anchor: c.Anchor, Item: ItemCurrent}
			byAnchor[c.Anchor] = t
			order = append(order, c.Anchor)
		}
		t.Comments = append(t.Comments, c)
		if c.Status == StatusOpen && c.AuthorKind == ByCoach {
			t.Open++
			if c.Item == ItemChanged {
				t.Item = ItemChanged
			}
		}
		if c.Item == ItemDeleted {
			t.Item = ItemDeleted
		}
	}
	kind := func(k string) int { return slices.Index(AnchorKinds(), k) }
	slices.SortStableFunc(order, func(a, b Anchor) int {
		if d := kind(a.Kind) - kind(b.Kind); d != 0 {
			return d
		}
		if a.ID != b.ID {
			return int(a.ID - b.ID)
		}
		return slices.Index(plar.Rules(), a.Rule) - slices.Index(plar.Rules(), b.Rule)
	})
	out := make([]Thread, 0, len(order))
	for _, a := range order {
		out = append(out, *byAnchor[a])
	}
	return out, nil
}
