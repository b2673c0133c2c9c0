package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Language is the language of one PDF: English, French, or both on every page.
type Language string

// The three outputs a learner can choose.
const (
	English   Language = "en"
	French    Language = "fr"
	Bilingual Language = "bilingual"
)

// Languages are the outputs in the order the export screen offers them.
func Languages() []Language { return []Language{English, French, Bilingual} }

// Limits that keep one export bounded whatever the learner attached.
const (
	// DefaultMaxPDFPages is how many pages of one evidence PDF are reproduced; a longer file
	// gets a marked page instead, because a partial copy could mislead an assessor.
	DefaultMaxPDFPages = 25
	// MaxMergedPages caps the evidence pages reproduced from all PDFs together, so a handful
	// of long scans cannot turn a portfolio into a book.
	MaxMergedPages = 150
	// DefaultMaxAttachmentBytes keeps the attached originals small enough to send the PDF by
	// email; a file beyond it is listed with its SHA-256 and marked as not attached.
	DefaultMaxAttachmentBytes = 16 << 20
	// MaxTextEvidenceRunes is how much of a plain-text evidence file is printed.
	MaxTextEvidenceRunes = 6000
)

// Options says how to lay out one export.
type Options struct {
	// Language is English, French or Bilingual.
	Language Language
	// EN and FR are the fixed texts; only the ones the Language needs must be filled.
	EN, FR Labels
	// FrenchFirst puts French first (left column, first line) in a bilingual PDF.
	FrenchFirst bool
	// IncludeSharedNotes adds the support notes the learner ticked "include in my PLAR submission".
	IncludeSharedNotes bool
	// Now is the clock for the date on the cover and in the metadata.
	Now func() time.Time
	// FixedDate, when not zero, replaces Now everywhere (SOURCE_DATE_EPOCH), so two exports
	// of the same portfolio carry the same dates and document ID.
	FixedDate time.Time
	// MaxPDFPages overrides DefaultMaxPDFPages when positive.
	MaxPDFPages int
	// MaxAttachmentBytes overrides DefaultMaxAttachmentBytes when positive; negative attaches
	// every file whatever its size.
	MaxAttachmentBytes int64
	// Progress, when set, is told how far the export is, for a progress bar.
	Progress func(done, total int)
}

// ParseLanguage accepts the names the CLI and the export screen use.
func ParseLanguage(s string) (Language, error) {
	switch l := Language(strings.ToLower(strings.TrimSpace(s))); l {
	case English, French, Bilingual:
		return l, nil
	}
	return "", fmt.Errorf("%w: %q", ErrBadLanguage, s)
}

// SourceDateEpoch parses a SOURCE_DATE_EPOCH value (seconds since 1970) for Options.FixedDate.
func SourceDateEpoch(value string) (time.Time, error) {
	secs, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: not a number of seconds", value)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// date is the moment the export claims to have been made.
func (o Options) date() time.Time {
	if !o.FixedDate.IsZero() {
		return o.FixedDate.UTC()
	}
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

func (o Options) maxPDFPages() int {
	if o.MaxPDFPages > 0 {
		return o.MaxPDFPages
	}
	return DefaultMaxPDFPages
}

func (o Options) attachmentBudget() int64 {
	switch {
	case o.MaxAttachmentBytes > 0:
		return o.MaxAttachmentBytes
	case o.MaxAttachmentBytes < 0:
		return 1 << 62
	}
	return DefaultMaxAttachmentBytes
}

// tongues are the output languages in the order they appear on the page.
func (o Options) tongues() []Language {
	switch o.Language {
	case French:
		return []Language{French}
	case Bilingual:
		if o.FrenchFirst {
			return []Language{French, English}
		}
		return []Language{English, French}
	}
	return []Language{English}
}

// labels returns the labels of one language.
func (o *Options) labels(l Language) *Labels {
	if l == French {
		return &o.FR
	}
	return &o.EN
}
