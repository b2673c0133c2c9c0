package portfolio

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"net/url"
	"passerelle/fault"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// pseudonymBytes is the randomness of a pseudonym: 128 bits, so two learners (or one learner's
// two programs) never share one and none can be guessed from another.
const pseudonymBytes = 16

// newPseudonym draws a fresh pseudonym from the system's random source; nothing about the
// learner or the program goes into it.
func newPseudonym() (string, error) {
	b := make([]byte, pseudonymBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("pseudonym: %w", err)
	}
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)), nil
}

// Consents lists every program the learner has given consent to, on or revoked, by name.
func (s *Store) Consents(ctx context.Context) ([]Consent, error) {
	rows, err := s.db.QueryContext(ctx, consentSelect+` ORDER BY program`)
	if err != nil {
		return nil, classify(fmt.Errorf("list consents: %w", err))
	}
	defer rows.Close()
	out := []Consent{}
	for rows.Next() {
		c, err := scanConsent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ConsentFor reads the consent given to one program, named as the learner named it. The exact
// name (after Unicode normalisation) wins; otherwise a name that differs only in letter case,
// accents, apostrophe or quote marks, dashes or spaces (see foldProgram) finds the one consent
// it matches — never one of two. When none matches, ErrConsentNotFound, or
// ErrConsentNotFoundShared listing the programs the learner does share with.
func (s *Store) ConsentFor(ctx context.Context, program string) (Consent, error) {
	c, err := scanConsent(s.db.QueryRowContext(ctx, consentSelect+` WHERE program = ?`, programKey(program)))
	if !errors.Is(err, sql.ErrNoRows) {
		return c, err
	}
	all, err := s.Consents(ctx)
	if err != nil {
		return Consent{}, err
	}
	want := foldProgram(program)
	var found []Consent
	var shared []string
	for _, c := range all {
		if foldProgram(c.Program) == want {
			found = append(found, c)
		}
		if c.On {
			shared = append(shared, c.Program)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	name := strings.TrimSpace(program)
	if len(shared) == 0 {
		return Consent{}, fault.New(fault.NotFound, "program", "ErrConsentNotFound", "Program", name)
	}
	return Consent{}, fault.New(fault.NotFound, "program", "ErrConsentNotFoundShared", "Program", name,
		"Programs", strings.Join(shared, "; "), "Count", len(shared))
}

// foldProgram is a program name as a person may type it from a poster or an email: letter case,
// accents, the apostrophe and quote marks (’ ‘ ʼ ' « » “ ” "), the dashes (— – ‐ -) and spaces
// (no-break ones, the French one before « : », those around a dash) make no difference. Letters,
// digits and other punctuation still do, so two different programs do not fold to one name.
func foldProgram(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r), unicode.IsSpace(r):
			continue
		case strings.ContainsRune("’‘ʼ`´′", r):
			r = '\''
		case strings.ContainsRune("«»“”„″", r):
			r = '"'
		case unicode.Is(unicode.Pd, r), r == '−':
			r = '-'
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	return b.String()
}

const consentSelect = `SELECT id, program, home_page, pseudonym, region, share_newcomer, share_indigenous,
	share_disability, share_racialized, given_at, revoked_at, last_shared_at FROM program_consent`

func scanConsent(r scanner) (Consent, error) {
	var c Consent
	var given, revoked, shared string
	var items [4]bool
	err := r.Scan(&c.ID, &c.Program, &c.HomePage, &c.Pseudonym, &c.Region, &items[0], &items[1], &items[2],
		&items[3], &given, &revoked, &shared)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Consent{}, err
		}
		return Consent{}, classify(fmt.Errorf("read consent: %w", err))
	}
	c.SelfID = []string{}
	for i, item := range SelfIDItems() {
		if items[i] {
			c.SelfID = append(c.SelfID, string(item))
		}
	}
	c.On = revoked == ""
	c.GivenOn, c.RevokedOn, c.LastSharedOn = day(given), day(revoked), day(shared)
	return c, nil
}

// day is the date part of a stored RFC 3339 stamp.
func day(stamp string) string {
	if len(stamp) >= 10 {
		return stamp[:10]
	}
	return stamp
}

// programKey is a program's name as stored and looked up: trimmed, one form of each accent.
func programKey(name string) string { return norm.NFC.String(strings.TrimSpace(name)) }

// GiveConsent turns sharing on for c.Program, creating its consent (and its pseudonym) the
// first time, or turning a revoked one on again with the same pseudonym; the region and the
// self-identification items are exactly those in c. The pseudonym in c is ignored.
func (s *Store) GiveConsent(ctx context.Context, c Consent) (Consent, error) {
	c, err := cleanConsent(c)
	if err != nil {
		return Consent{}, err
	}
	pseudonym, err := newPseudonym()
	if err != nil {
		return Consent{}, err
	}
	share := map[string]bool{}
	for _, item := range c.SelfID {
		share[item] = true
	}
	now := s.stamp()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO program_consent (program, home_page, pseudonym, region,
			share_newcomer, share_indigenous, share_disability, share_racialized, given_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (program) DO UPDATE SET home_page = excluded.home_page, region = excluded.region,
			share_newcomer = excluded.share_newcomer, share_indigenous = excluded.share_indigenous,
			share_disability = excluded.share_disability, share_racialized = excluded.share_racialized,
			given_at = CASE WHEN revoked_at = '' THEN given_at ELSE excluded.given_at END, revoked_at = ''`,
			c.Program, c.HomePage, pseudonym, c.Region, share[string(SelfIDNewcomer)], share[string(SelfIDIndigenous)],
			share[string(SelfIDDisability)], share[string(SelfIDRacialized)], now)
		if err != nil {
			return fmt.Errorf("give consent: %w", err)
		}
		return nil
	})
	if err != nil {
		return Consent{}, err
	}
	return s.ConsentFor(ctx, c.Program)
}

// RevokeConsent turns sharing off for a program: nothing more is exported for it. What was
// already exported cannot be recalled; the pseudonym is kept, so turning it on again later
// continues the same record.
func (s *Store) RevokeConsent(ctx context.Context, program string) (Consent, error) {
	key := programKey(program)
	if c, err := s.ConsentFor(ctx, program); err == nil {
		key = c.Program // the program as stored, when the name given differs only in how it is typed
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE program_consent SET revoked_at = ? WHERE program = ? AND revoked_at = ''`,
			s.stamp(), key)
		if err != nil {
			return fmt.Errorf("revoke consent: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var exists int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM program_consent WHERE program = ?`, key).Scan(&exists); err != nil {
				return fmt.Errorf("revoke consent: %w", err)
			}
			if exists == 0 {
				return fault.New(fault.NotFound, "program", "ErrConsentNotFound", "Program", key)
			}
		}
		return nil
	})
	if err != nil {
		return Consent{}, err
	}
	return s.ConsentFor(ctx, key)
}

// MarkShared records that outcomes were exported for a program now (shown on the consent
// screen). A read-only view records nothing.
func (s *Store) MarkShared(ctx context.Context, program string) error {
	if s.readOnly {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE program_consent SET last_shared_at = ? WHERE program = ?`,
			s.stamp(), programKey(program))
		return err
	})
}

// CheckConsent cleans c as GiveConsent would (name, region, items, home page), storing nothing,
// so a preview shows exactly what giving it would share.
func CheckConsent(c Consent) (Consent, error) { return cleanConsent(c) }

func cleanConsent(c Consent) (Consent, error) {
	var err error
	if c.Program, err = required("program", c.Program, MaxShortText); err != nil {
		return c, err
	}
	c.Program = programKey(c.Program)
	if c.Region, err = cleanText("region", c.Region, MaxShortText); err != nil {
		return c, err
	}
	if c.Region != "" {
		if c.Region, err = checkOneOf("region", strings.ToUpper(c.Region), Provinces()); err != nil {
			return c, err
		}
	}
	for _, item := range c.SelfID {
		if _, err := checkOneOf("selfId", item, SelfIDItems()); err != nil {
			return c, err
		}
	}
	if c.HomePage, err = cleanText("homePage", c.HomePage, MaxShortText); err != nil {
		return c, err
	}
	if c.HomePage != "" {
		u, err := url.Parse(c.HomePage)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
			strings.ContainsAny(c.HomePage, " <>\"{}|\\^`") {
			return c, fault.New(fault.Invalid, "homePage", "ErrHomePageInvalid")
		}
	}
	slices.Sort(c.SelfID)
	c.SelfID = slices.Compact(c.SelfID)
	return c, nil
}
