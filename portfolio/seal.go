package portfolio

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"passerelle/fault"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/text/unicode/norm"
)

// kdfParams are Argon2id's costs, stored beside the sealed key so a later version can raise
// them without losing portfolios locked under the old ones.
type kdfParams struct {
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memoryKiB"`
	Threads uint8  `json:"threads"`
}

// defaultKDF is RFC 9106's second recommended setting (64 MiB, 3 passes, 4 lanes): strong
// enough to slow guessing, small enough for an old laptop with 2 GB of memory.
func defaultKDF() kdfParams { return kdfParams{Time: 3, Memory: 64 * 1024, Threads: 4} }

// Bounds on costs read from a file, so a hostile portfolio cannot make the app allocate
// gigabytes or spin for hours when it asks for the passphrase.
const (
	saltSize     = 16
	keySize      = chacha20poly1305.KeySize
	maxKDFMemory = 256 * 1024 // KiB: 256 MiB
	maxKDFTime   = 16
)

// sealedPrefix marks a sealed value, so sealed and clear text can never be mistaken.
const sealedPrefix = "sealed:v1:"

// keyField is the additional data of the sealed data key: it can never open as a field value.
const keyField = "passerelle:data-key"

func (p kdfParams) valid() bool {
	return len(p.Salt) >= saltSize && len(p.Salt) <= 64 && p.Time >= 1 && p.Time <= maxKDFTime &&
		p.Memory >= 8*1024 && p.Memory <= maxKDFMemory && p.Threads >= 1 && p.Threads <= 16
}

// derive turns a passphrase into a key-encryption key. The passphrase is normalised (NFC) so
// "é" typed as one character or as e + accent unlocks alike.
func (p kdfParams) derive(passphrase string) []byte {
	return argon2.IDKey([]byte(norm.NFC.String(passphrase)), p.Salt, p.Time, p.Memory, uint8(p.Threads), keySize)
}

func (p kdfParams) encode() string {
	b, _ := json.Marshal(p)
	return string(b)
}

func decodeKDF(s string) (kdfParams, error) {
	var p kdfParams
	if err := json.Unmarshal([]byte(s), &p); err != nil || !p.valid() {
		return kdfParams{}, fault.New(fault.Unsupported, "", "ErrPrivateDamaged")
	}
	return p, nil
}

// sealer seals and opens private values with XChaCha20-Poly1305. Its zero value keeps values
// clear, for a portfolio without a passphrase.
type sealer struct{ aead cipher.AEAD }

func newSealer(key []byte) (sealer, error) {
	a, err := chacha20poly1305.NewX(key)
	if err != nil {
		return sealer{}, fmt.Errorf("key: %w", err)
	}
	return sealer{aead: a}, nil
}

// seal encrypts one value under a fresh random nonce, bound to its field name, so a sealed
// value moved to another field does not open.
func (s sealer) seal(field, plain string) string {
	if s.aead == nil {
		return plain
	}
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	rand.Read(nonce)
	out := s.aead.Seal(nonce, nonce, []byte(plain), []byte(field))
	return sealedPrefix + base64.RawStdEncoding.EncodeToString(out)
}

// open reverses seal; a value that does not open is damaged (or from another key).
func (s sealer) open(field, v string) (string, error) {
	if s.aead == nil {
		return v, nil
	}
	raw, err := base64.RawStdEncoding.DecodeString(strings.TrimPrefix(v, sealedPrefix))
	if !strings.HasPrefix(v, sealedPrefix) || err != nil || len(raw) < s.aead.NonceSize()+s.aead.Overhead() {
		return "", fault.New(fault.Unsupported, field, "ErrPrivateDamaged")
	}
	n := s.aead.NonceSize()
	plain, err := s.aead.Open(nil, raw[:n], raw[n:], []byte(field))
	if err != nil {
		return "", fault.New(fault.Unsupported, field, "ErrPrivateDamaged")
	}
	return string(plain), nil
}

// wrapKey seals the data key under the key derived from the passphrase.
func wrapKey(kek, key []byte) (string, error) {
	s, err := newSealer(kek)
	if err != nil {
		return "", err
	}
	return s.seal(keyField, string(key)), nil
}

// unwrapKey opens the data key; failing to open means the passphrase is wrong.
func unwrapKey(kek []byte, wrapped string) ([]byte, error) {
	s, err := newSealer(kek)
	if err != nil {
		return nil, err
	}
	key, err := s.open(keyField, wrapped)
	if err != nil || len(key) != keySize {
		return nil, fault.New(fault.Invalid, "passphrase", "ErrWrongPassphrase")
	}
	return []byte(key), nil
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}
