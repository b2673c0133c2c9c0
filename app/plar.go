package app

import (
	"context"

	"passerelle/plar"
	"passerelle/portfolio"
)

// Targets serves the targets screen: what the learner seeks credit for, and its outcomes.
type Targets struct {
	s       *Session
	pending pendingOutcomes
}

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
	return withPlar(x.s, func(ctx context.Context, ps *plar.Store) ([]plar.GuideStep, error) {
		return ps.GuideFor(ctx, targetID)
	})
}

// withPlar runs fn with the PLAR store of the open portfolio.
func withPlar[T any](s *Session, fn func(context.Context, *plar.Store) (T, error)) (T, error) {
	return withStore(s, func(ctx context.Context, st *portfolio.Store) (T, error) {
		return fn(ctx, plar.NewStore(st))
	})
}
