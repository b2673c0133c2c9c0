package portfolio

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"passerelle/fault"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Passphrase limits, in characters: long enough to resist guessing, short enough to type.
const (
	MinPassphrase = 8
	MaxPassphrase = 1024
)

// Inactivity limits, in minutes, for locking a portfolio nobody is using.
const (
	MinInactivityMinutes     = 1
	MaxInactivityMinutes     = 240
	DefaultInactivityMinutes = 10
)

// LockState tells the app whether to ask for the passphrase and when to lock again.
type LockState struct {
	HasPassphrase     bool `json:"hasPassphrase"`
	Locked            bool `json:"locked"`
	InactivityMinutes int  `json:"inactivityMinutes"`
}

const (
	metaKDF        = "lock_kdf"
	metaKey        = "lock_key"
	metaInactivity = "inactivity_minutes"
)

// rowQueryer is what reads one row: the database or a transaction.
type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func lockedError() error { return fault.New(fault.Locked, "", "ErrPortfolioLocked") }

func checkPassphrase(p string) error {
	if !utf8.ValidString(p) {
		return fault.New(fault.Invalid, "passphrase", "ErrTextInvalidEncoding")
	}
	n := utf8.RuneCountInString(norm.NFC.String(p))
	if n < MinPassphrase {
		return fault.New(fault.Invalid, "passphrase", "ErrPassphraseTooShort", "Min", MinPassphrase)
	}
	if n > MaxPassphrase {
		return fault.New(fault.Invalid, "passphrase", "ErrPassphraseTooLong", "Max", MaxPassphrase)
	}
	return nil
}

// lockMeta reads the stored key-derivation costs and sealed data key; has is false when the
// portfolio has no passphrase.
func lockMeta(ctx context.Context, q rowQueryer) (kdf kdfParams, wrapped string, has bool, err error) {
	var enc string
	err = q.QueryRowContext(ctx, `SELECT k.value, w.value FROM meta k, meta w
		WHERE k.key = ? AND w.key = ?`, metaKDF, metaKey).Scan(&enc, &wrapped)
	if errors.Is(err, sql.ErrNoRows) {
		return kdfParams{}, "", false, nil
	}
	if err != nil {
		return kdfParams{}, "", false, classify(fmt.Errorf("read lock: %w", err))
	}
	kdf, err = decodeKDF(enc)
	return kdf, wrapped, err == nil, err
}

// privacy says how private fields are kept right now: clear (the zero sealer), sealed with
// the key this store holds, or locked (a fault.Locked error).
func (s *Store) privacy(ctx context.Context, q rowQueryer) (sealer, error) {
	_, wrapped, has, err := lockMeta(ctx, q)
	if err != nil || !has {
		return sealer{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock() // the sealer copies the key before Lock can wipe it
	if s.key == nil || s.wrapped != wrapped {
		return sealer{}, lockedError()
	}
	return newSealer(s.key)
}

// openKey checks a passphrase against the stored sealed key and returns the data key.
func (s *Store) openKey(ctx context.Context, passphrase string) ([]byte, string, error) {
	kdf, wrapped, has, err := lockMeta(ctx, s.db)
	if err != nil {
		return nil, "", err
	}
	if !has {
		return nil, "", fault.New(fault.Conflict, "", "ErrNoPassphrase")
	}
	key, err := unwrapKey(kdf.derive(passphrase), wrapped)
	return key, wrapped, err
}

// newKey makes a fresh data key sealed under a new passphrase (the slow step, done before
// any transaction so the portfolio is never held locked while Argon2id runs).
func (s *Store) newKey(passphrase string) (key []byte, kdf kdfParams, wrapped string, err error) {
	kdf = s.kdf
	kdf.Salt = randomBytes(saltSize)
	key = randomBytes(keySize)
	wrapped, err = wrapKey(kdf.derive(passphrase), key)
	return key, kdf, wrapped, err
}

func (s *Store) setKey(key []byte, wrapped string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.key)
	s.key, s.wrapped = key, wrapped
}

// sameKey makes sure, inside the transaction, that the sealed key is still the one the
// passphrase was checked against (another window may have changed it meanwhile).
func sameKey(ctx context.Context, tx *sql.Tx, wrapped string) error {
	_, cur, _, err := lockMeta(ctx, tx)
	if err != nil {
		return err
	}
	if cur != wrapped {
		return fault.New(fault.Invalid, "passphrase", "ErrWrongPassphrase")
	}
	return nil
}

func writeLockMeta(ctx context.Context, tx *sql.Tx, kdf kdfParams, wrapped string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, metaKDF, kdf.encode(), metaKey, wrapped)
	return err
}

// SetPassphrase seals every private value under a key derived from passphrase, in one
// transaction, then rewrites the file so none of the clear text is left in its bytes.
func (s *Store) SetPassphrase(ctx context.Context, passphrase string) error {
	if err := checkPassphrase(passphrase); err != nil {
		return err
	}
	key, kdf, wrapped, err := s.newKey(passphrase)
	if err != nil {
		return err
	}
	to, err := newSealer(key)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, _, has, err := lockMeta(ctx, tx)
		if err != nil {
			return err
		}
		if has {
			return fault.New(fault.Conflict, "passphrase", "ErrPassphraseAlreadySet")
		}
		if err := reseal(ctx, tx, sealer{}, to); err != nil {
			return err
		}
		return writeLockMeta(ctx, tx, kdf, wrapped)
	})
	if err != nil {
		return err
	}
	s.setKey(key, wrapped)
	return s.scrub(ctx)
}

// Unlock opens the private fields for this session; a wrong passphrase changes nothing.
func (s *Store) Unlock(ctx context.Context, passphrase string) error {
	key, wrapped, err := s.openKey(ctx, passphrase)
	if err != nil {
		return err
	}
	s.setKey(key, wrapped)
	return nil
}

// Lock forgets the key, so private fields stay sealed until the passphrase is given again.
func (s *Store) Lock() { s.setKey(nil, "") }

// Unlocked reports whether the key is held, so the app knows there is something to lock.
func (s *Store) Unlocked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.key != nil
}

// ChangePassphrase reseals every private value under a new key, so the old passphrase opens
// nothing written from now on; a wrong old passphrase changes nothing.
func (s *Store) ChangePassphrase(ctx context.Context, oldPassphrase, newPassphrase string) error {
	if err := checkPassphrase(newPassphrase); err != nil {
		return err
	}
	oldKey, oldWrapped, err := s.openKey(ctx, oldPassphrase)
	if err != nil {
		return err
	}
	from, err := newSealer(oldKey)
	if err != nil {
		return err
	}
	key, kdf, wrapped, err := s.newKey(newPassphrase)
	if err != nil {
		return err
	}
	to, err := newSealer(key)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := sameKey(ctx, tx, oldWrapped); err != nil {
			return err
		}
		if err := reseal(ctx, tx, from, to); err != nil {
			return err
		}
		return writeLockMeta(ctx, tx, kdf, wrapped)
	})
	if err != nil {
		return err
	}
	s.setKey(key, wrapped)
	return s.scrub(ctx)
}

// RemovePassphrase turns private values back into clear text, for a learner who no longer
// shares the computer; it needs the passphrase.
func (s *Store) RemovePassphrase(ctx context.Context, passphrase string) error {
	key, wrapped, err := s.openKey(ctx, passphrase)
	if err != nil {
		return err
	}
	from, err := newSealer(key)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := sameKey(ctx, tx, wrapped); err != nil {
			return err
		}
		if err := reseal(ctx, tx, from, sealer{}); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key IN (?, ?)`, metaKDF, metaKey)
		return err
	})
	if err != nil {
		return err
	}
	s.Lock()
	return nil
}

// ForgetPrivateFields is the way out for a forgotten passphrase: it deletes the support notes
// and clears contact details, self-identification and the notes of PLAR decisions and later
// outcomes, which nobody can decrypt any more, and
// removes the passphrase. confirmName must be the portfolio's name, typed by the learner.
func (s *Store) ForgetPrivateFields(ctx context.Context, confirmName string) error {
	name, err := s.Name(ctx)
	if err != nil {
		return err
	}
	if norm.NFC.String(strings.TrimSpace(confirmName)) != norm.NFC.String(name) {
		return fault.New(fault.Invalid, "confirmName", "ErrForgetNotConfirmed", "Name", name)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, _, has, err := lockMeta(ctx, tx)
		if err != nil {
			return err
		}
		if !has {
			return fault.New(fault.Conflict, "", "ErrNoPassphrase")
		}
		for _, q := range []string{
			`DELETE FROM support_note`,
			`UPDATE plar_decision SET note = ''`,
			`UPDATE later_outcome SET note = ''`,
			`UPDATE learner SET email = '', phone = ''`,
			`UPDATE self_identification SET newcomer = 0, indigenous = 0, disability = 0, racialized = 0,
				notes = '', sealed = ''`,
			`DELETE FROM meta WHERE key IN ('` + metaKDF + `', '` + metaKey + `')`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("forget private fields: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.Lock()
	return s.scrub(ctx)
}

// LockState reports whether the portfolio has a passphrase and whether it is locked now.
func (s *Store) LockState(ctx context.Context) (LockState, error) {
	minutes, err := s.InactivityMinutes(ctx)
	if err != nil {
		return LockState{}, err
	}
	_, err = s.privacy(ctx, s.db)
	locked := fault.CodeOf(err) == fault.Locked
	if err != nil && !locked {
		return LockState{}, err
	}
	_, _, has, err := lockMeta(ctx, s.db)
	if err != nil {
		return LockState{}, err
	}
	return LockState{HasPassphrase: has, Locked: locked, InactivityMinutes: minutes}, nil
}

// InactivityMinutes is how long the app waits, with nobody using it, before locking.
func (s *Store) InactivityMinutes(ctx context.Context) (int, error) {
	v, err := s.meta(ctx, metaInactivity)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < MinInactivityMinutes || n > MaxInactivityMinutes {
		return DefaultInactivityMinutes, nil
	}
	return n, nil
}

// SetInactivityMinutes remembers, with the portfolio, how long to wait before locking.
func (s *Store) SetInactivityMinutes(ctx context.Context, minutes int) error {
	if minutes < MinInactivityMinutes || minutes > MaxInactivityMinutes {
		return fault.New(fault.Invalid, "inactivityMinutes", "ErrInactivityOutOfRange",
			"Min", MinInactivityMinutes, "Max", MaxInactivityMinutes)
	}
	return s.setMeta(ctx, metaInactivity, strconv.Itoa(minutes))
}

// scrub rewrites the file so text that was private before is nowhere in its bytes: the WAL
// is emptied, the file rebuilt from its live rows, and the WAL emptied again.
func (s *Store) scrub(ctx context.Context) error {
	if err := s.checkpoint(ctx); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return classify(fmt.Errorf("rebuild portfolio: %w", err))
	}
	return s.checkpoint(ctx)
}

// checkpoint copies the WAL into the file and truncates it to nothing, waiting out readers.
func (s *Store) checkpoint(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		var busy, frames, done int
		err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done)
		if err != nil {
			return classify(fmt.Errorf("checkpoint: %w", err))
		}
		if busy == 0 {
			return nil
		}
		if attempt == 250 { // five seconds, like the busy timeout
			return errors.New("checkpoint: the portfolio stayed busy")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
