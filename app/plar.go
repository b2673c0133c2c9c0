package app

import (
	"context"
	"encoding/base64"
	"fmt"

	"passerelle/fault"
	"passerelle/plar"
	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Targets serves the targets screen: what the learner seeks credit for, and its outcomes.
type Targets struct{ s *Session }

// List returns every target with its outcomes.
func (x *Targets) List() ([]plar.Target, error) {
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) ([]plar.Target, error) { return ps.Targets(ctx) })
}

// Save creates or updates a target's description.
func (x *Targets) Save(t plar.Target) (plar.Target, error) {
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) (plar.Target, error) { return ps.SaveTarget(ctx, t) })
}

// Delete removes a target with its outcomes and claims.
func (x *Targets) Delete(id int64) error {
	_, err := withPlar(x.s, func(ctx context.Context, ps *plar.Store) (struct{}, error) {
		return struct{}{}, ps.DeleteTarget(ctx, id)
	})
	return err
}

// SaveOutcome creates or updates one learning outcome typed in by the learner.
func (x *Targets) SaveOutcome(o plar.Outcome) (plar.Outcome, error) {
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) (plar.Outcome, error) { return ps.SaveOutcome(ctx, o) })
}

// DeleteOutcome removes an outcome and the claim on it.
func (x *Targets) DeleteOutcome(id int64) error {
	_, err := withPlar(x.s, func(ctx context.Context, ps *plar.Store) (struct{}, error) {
		return struct{}{}, ps.DeleteOutcome(ctx, id)
	})
	return err
}

// ImportOutcomesData imports an outcomes file sent by the page (base64 or a data URL), all or nothing.
func (x *Targets) ImportOutcomesData(targetID int64, data string) ([]plar.Outcome, error) {
	raw, err := base64.StdEncoding.DecodeString(stripDataURL(data))
	if err != nil {
		return nil, fault.New(fault.Invalid, "", "ErrImportDataInvalid")
	}
	outcomes, err := plar.ParseOutcomes(raw)
	if err != nil {
		return nil, err
	}
	return x.addOutcomes(targetID, outcomes)
}

// ImportOutcomesWithDialog lets the learner choose a CSV or JSON file with the native dialog.
func (x *Targets) ImportOutcomesWithDialog(targetID int64) ([]plar.Outcome, error) {
	path, err := runtime.OpenFileDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title:   x.s.catalog.Text(x.s.lang(), "DialogImportOutcomes", nil),
		Filters: []runtime.FileFilter{{DisplayName: "CSV, JSON", Pattern: "*.csv;*.json;*.txt"}},
	})
	if err != nil {
		return nil, fmt.Errorf("import dialog: %w", err)
	}
	if path == "" {
		return []plar.Outcome{}, nil
	}
	outcomes, err := plar.ReadOutcomesFile(path)
	if err != nil {
		return nil, err
	}
	return x.addOutcomes(targetID, outcomes)
}

func (x *Targets) addOutcomes(targetID int64, outcomes []plar.Outcome) ([]plar.Outcome, error) {
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) ([]plar.Outcome, error) {
		return ps.AddOutcomes(ctx, targetID, outcomes)
	})
}

// Claims serves the self-assessment: one claim per outcome the learner says they meet.
type Claims struct{ s *Session }

// List returns the claims on a target's outcomes.
func (x *Claims) List(targetID int64) ([]plar.Claim, error) {
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) ([]plar.Claim, error) { return ps.Claims(ctx, targetID) })
}

// Save claims an outcome or updates the claim, with its rating, narrative and links.
func (x *Claims) Save(c plar.Claim) (plar.Claim, error) {
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) (plar.Claim, error) { return ps.SaveClaim(ctx, c) })
}

// Withdraw removes the claim on an outcome.
func (x *Claims) Withdraw(outcomeID int64) error {
	_, err := withPlar(x.s, func(ctx context.Context, ps *plar.Store) (struct{}, error) {
		return struct{}{}, ps.WithdrawClaim(ctx, outcomeID)
	})
	return err
}

// Readiness serves the readiness view and the guide, both computed fresh on every call.
type Readiness struct{ s *Session }

// ForTarget applies the rules of evidence to every claim of a target and lists what to do next.
func (x *Readiness) ForTarget(targetID int64) (plar.Readiness, error) {
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) (plar.Readiness, error) {
		in, err := ps.Gather(ctx, targetID)
		if err != nil {
			return plar.Readiness{}, err
		}
		return plar.Compute(in), nil
	})
}

// Guide reports the guided steps, done or not, for a target (0: the first target, if any).
func (x *Readiness) Guide(targetID int64) ([]plar.GuideStep, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]plar.GuideStep, error) {
		return guide(ctx, st, plar.NewStore(st), targetID)
	})
}

func guide(ctx context.Context, st *portfolio.Store, ps *plar.Store, targetID int64) ([]plar.GuideStep, error) {
	var in plar.GuideInputs
	var err error
	if in.Learner, err = st.Learner(ctx); err != nil {
		return nil, err
	}
	exps, err := st.Experiences(ctx)
	if err != nil {
		return nil, err
	}
	in.Experiences = len(exps)
	exported, err := st.ExportedAt(ctx)
	if err != nil {
		return nil, err
	}
	in.Exported = exported != ""
	if targetID == 0 {
		targets, err := ps.Targets(ctx)
		if err != nil {
			return nil, err
		}
		if len(targets) > 0 {
			targetID = targets[0].ID
		}
	}
	if targetID != 0 {
		gathered, err := ps.Gather(ctx, targetID)
		if err != nil {
			return nil, err
		}
		r := plar.Compute(gathered)
		in.Target = &r
	}
	return plar.Guide(in), nil
}

// withPlar runs fn with the PLAR store of the open portfolio.
func withPlar[T any](s *Session, fn func(context.Context, *plar.Store) (T, error)) (T, error) {
	return withStore(s, func(ctx context.Context, st *portfolio.Store) (T, error) {
		return fn(ctx, plar.NewStore(st))
	})
}
