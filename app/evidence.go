package app

import (
	"context"
	"encoding/base64"
	"strings"

	"passerelle/fault"
	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Evidence serves the evidence library: adding files, describing and linking them.
type Evidence struct{ s *Session }

// DropResult is what the window reports after files are dropped on it: what was added and,
// for each file refused, why, in the learner's language.
type DropResult struct {
	Added  []portfolio.Evidence `json:"added"`
	Errors []string             `json:"errors"`
}

// EvidenceDroppedEvent is the event name the frontend listens on for native file drops.
const EvidenceDroppedEvent = "evidence:dropped"

// List returns the evidence library, newest first.
func (x *Evidence) List() ([]portfolio.Evidence, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.Evidence, error) {
		return st.EvidenceList(ctx)
	})
}

// Save updates a piece of evidence's description and links.
func (x *Evidence) Save(e portfolio.Evidence) (portfolio.Evidence, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Evidence, error) {
		return st.SaveEvidence(ctx, e)
	})
}

// Delete removes a piece of evidence.
func (x *Evidence) Delete(id int64) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.DeleteEvidence(ctx, id)
	})
	return err
}

// Preview returns the display copy of an image as a data URL, or "" when there is none.
func (x *Evidence) Preview(id int64) (string, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (string, error) {
		data, err := st.EvidencePreview(ctx, id)
		if err != nil || data == nil {
			return "", err
		}
		return "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(data), nil
	})
}

// AddData adds one file sent by the page itself (a drop or a file input in a browser).
func (x *Evidence) AddData(name, data string) (portfolio.Evidence, error) {
	raw, err := base64.StdEncoding.DecodeString(stripDataURL(data))
	if err != nil {
		return portfolio.Evidence{}, fault.New(fault.Invalid, "", "ErrEvidenceUnreadable", "Name", name)
	}
	return x.add(portfolio.NewEvidence{Name: name, Data: raw})
}

// AddPaths adds files by path, one transaction each, stopping at the first refusal so the
// learner sees which file failed and why; the files before it stay added. In the production
// window, only files the learner chose in the dialog or dropped on it (see allowPath).
func (x *Evidence) AddPaths(paths []string) ([]portfolio.Evidence, error) {
	added := []portfolio.Evidence{}
	for _, p := range paths {
		if err := x.s.allowPath(chosenEvidence, p); err != nil {
			return added, err
		}
		n, err := portfolio.ReadEvidenceFile(p)
		if err != nil {
			return added, err
		}
		e, err := x.add(n)
		if err != nil {
			return added, err
		}
		added = append(added, e)
	}
	return added, nil
}

// AddWithDialog lets the learner choose files with the native dialog; cancelling adds nothing.
func (x *Evidence) AddWithDialog() ([]portfolio.Evidence, error) {
	paths, err := runtime.OpenMultipleFilesDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title: x.s.catalog.Text(x.s.lang(), "DialogAddEvidence", nil),
	})
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		x.s.choose(chosenEvidence, p)
	}
	return x.AddPaths(paths)
}

// dropped handles files dropped on the window and tells the page what happened.
func (x *Evidence) dropped(paths []string) {
	res := DropResult{Added: []portfolio.Evidence{}, Errors: []string{}}
	for _, p := range paths {
		x.s.choose(chosenEvidence, p) // dropped by the learner from the file manager
		e, err := x.AddPaths([]string{p})
		if err != nil {
			res.Errors = append(res.Errors, x.s.uiError(err).Message)
			continue
		}
		res.Added = append(res.Added, e...)
	}
	runtime.EventsEmit(x.s.ctx, EvidenceDroppedEvent, res)
}

func (x *Evidence) add(n portfolio.NewEvidence) (portfolio.Evidence, error) {
	p, err := portfolio.PrepareEvidence(n)
	if err != nil {
		return portfolio.Evidence{}, err
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Evidence, error) {
		return st.AddEvidence(ctx, p)
	})
}

// stripDataURL keeps the base64 part of a data URL, as FileReader.readAsDataURL gives it.
func stripDataURL(data string) string {
	if i := strings.Index(data, ";base64,"); i >= 0 && strings.HasPrefix(data, "data:") {
		return data[i+len(";base64,"):]
	}
	return data
}
