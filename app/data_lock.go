package app

import (
	"context"

	"passerelle/portfolio"
)

// SetPassphrase locks the portfolio's private fields under a new passphrase. Older snapshots
// held those fields in clear text, so they are replaced by one fresh, sealed snapshot.
func (x *Data) SetPassphrase(passphrase string) (portfolio.LockState, error) {
	return x.resealed(func(ctx context.Context, st *portfolio.Store) error {
		return st.SetPassphrase(ctx, passphrase)
	})
}

// ChangePassphrase reseals the private fields under a new passphrase; older snapshots, which
// the old passphrase still opens, are replaced by one fresh snapshot.
func (x *Data) ChangePassphrase(oldPassphrase, newPassphrase string) (portfolio.LockState, error) {
	return x.resealed(func(ctx context.Context, st *portfolio.Store) error {
		return st.ChangePassphrase(ctx, oldPassphrase, newPassphrase)
	})
}

// resealed runs a change of key, then takes a fresh snapshot; once a snapshot taken after the
// change has passed its check, every other backup in the portfolio's snapshot folder, which the
// change has made a leak, is removed. Should this snapshot fail (reported to the page), the old
// copies stay, the learner's only way back, until the housekeeping (or the next opening) takes
// one that passes.
func (x *Data) resealed(change func(context.Context, *portfolio.Store) error) (portfolio.LockState, error) {
	st, ctx, bg, err := x.s.activeLearner()
	if err != nil {
		return portfolio.LockState{}, err
	}
	bg.snapshotting.Lock() // a snapshot under way would keep the file from being rewritten
	err = change(ctx, st)
	marked := err == nil && bg.setPurge() == nil
	bg.snapshotting.Unlock()
	if err != nil {
		return portfolio.LockState{}, err
	}
	if fresh, err := bg.snapshot(ctx); err == nil && !marked {
		bg.dropAllBut(fresh.Path) // the marker could not be written: this snapshot is the only chance
	}
	return st.LockState(ctx)
}

// Unlock opens the private fields with the passphrase; a wrong one changes nothing.
func (x *Data) Unlock(passphrase string) (portfolio.LockState, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.LockState, error) {
		if err := st.Unlock(ctx, passphrase); err != nil {
			return portfolio.LockState{}, err
		}
		return st.LockState(ctx)
	})
}

// Lock seals the private fields again now, for a learner stepping away.
func (x *Data) Lock() (portfolio.LockState, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.LockState, error) {
		st.Lock()
		return st.LockState(ctx)
	})
}

// RemovePassphrase turns the private fields back into clear text; it needs the passphrase.
func (x *Data) RemovePassphrase(passphrase string) (portfolio.LockState, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.LockState, error) {
		if err := st.RemovePassphrase(ctx, passphrase); err != nil {
			return portfolio.LockState{}, err
		}
		return st.LockState(ctx)
	})
}

// ForgetPrivateFields is for a forgotten passphrase: after a snapshot (which keeps the sealed
// fields, should the passphrase come back to mind), it deletes the support notes, clears
// contact details and self-identification, and removes the passphrase. confirmName must be
// the portfolio's name, typed by the learner.
func (x *Data) ForgetPrivateFields(confirmName string) (portfolio.LockState, error) {
	st, ctx, bg, err := x.s.activeLearner()
	if err != nil {
		return portfolio.LockState{}, err
	}
	if _, err := bg.snapshot(ctx); err != nil {
		return portfolio.LockState{}, err
	}
	if err := st.ForgetPrivateFields(ctx, confirmName); err != nil {
		return portfolio.LockState{}, err
	}
	return st.LockState(ctx)
}

// LockState says whether to ask for the passphrase. It does not count as activity, so the
// page may poll it; a portfolio idle too long is locked before it answers.
func (x *Data) LockState() (portfolio.LockState, error) {
	st, ctx, bg, err := x.s.active(false)
	if err != nil {
		return portfolio.LockState{}, err
	}
	if bg != nil && bg.lockIfIdle() {
		bg.emit(EventLocked)
	}
	return st.LockState(ctx)
}

// SetInactivityMinutes sets how long the portfolio waits, unused, before locking itself.
func (x *Data) SetInactivityMinutes(minutes int) (portfolio.LockState, error) {
	st, ctx, bg, err := x.s.activeLearner()
	if err != nil {
		return portfolio.LockState{}, err
	}
	if err := st.SetInactivityMinutes(ctx, minutes); err != nil {
		return portfolio.LockState{}, err
	}
	bg.setMinutes(minutes)
	return st.LockState(ctx)
}

// Activity tells the app the learner is still at work (typing, scrolling) between calls, so
// a long note being written does not lock under their hands. The page calls it at most every
// few seconds while there is input.
func (x *Data) Activity() { x.s.active(true) }
