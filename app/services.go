package app

import (
	"context"

	"passerelle/portfolio"
)

// Settings serves the language switch and the message catalog.
type Settings struct{ s *Session }

// Catalog returns every message in lang, so the frontend shows only text from locales/.
func (x *Settings) Catalog(lang string) map[string]string { return x.s.catalog.Messages(lang) }

// SetLanguage switches the UI language and remembers it with the open portfolio.
func (x *Settings) SetLanguage(lang string) (State, error) { return x.s.setLanguage(lang) }

// Profile serves the learner's profile screen.
type Profile struct{ s *Session }

// Get reads the learner's profile.
func (x *Profile) Get() (portfolio.Learner, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Learner, error) {
		return st.Learner(ctx)
	})
}

// Save validates and stores the learner's profile.
func (x *Profile) Save(l portfolio.Learner) (portfolio.Learner, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Learner, error) {
		return st.SaveLearner(ctx, l)
	})
}

// Experiences serves the experiences screen.
type Experiences struct{ s *Session }

// List returns the experiences, most recent first.
func (x *Experiences) List() ([]portfolio.Experience, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.Experience, error) {
		return st.Experiences(ctx)
	})
}

// Save creates or updates an experience.
func (x *Experiences) Save(e portfolio.Experience) (portfolio.Experience, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Experience, error) {
		return st.SaveExperience(ctx, e)
	})
}

// Delete removes an experience.
func (x *Experiences) Delete(id int64) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.DeleteExperience(ctx, id)
	})
	return err
}

// Credentials serves the microcredentials screen, and the import of digital credentials.
type Credentials struct {
	s     *Session
	drops credentialDrops
}

// List returns the microcredentials, most recently issued first.
func (x *Credentials) List() ([]portfolio.Credential, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.Credential, error) {
		return st.Credentials(ctx)
	})
}

// Save creates or updates a microcredential.
func (x *Credentials) Save(c portfolio.Credential) (portfolio.Credential, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Credential, error) {
		return st.SaveCredential(ctx, c)
	})
}

// Delete removes a microcredential.
func (x *Credentials) Delete(id int64) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.DeleteCredential(ctx, id)
	})
	return err
}

// Support serves the private support notes screen.
type Support struct{ s *Session }

// List returns the support notes, most recent first.
func (x *Support) List() ([]portfolio.SupportNote, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]portfolio.SupportNote, error) {
		return st.SupportNotes(ctx)
	})
}

// Save creates or updates a support note.
func (x *Support) Save(n portfolio.SupportNote) (portfolio.SupportNote, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.SupportNote, error) {
		return st.SaveSupportNote(ctx, n)
	})
}

// Delete removes a support note.
func (x *Support) Delete(id int64) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.DeleteSupportNote(ctx, id)
	})
	return err
}
