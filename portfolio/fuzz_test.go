package portfolio

import (
	"bytes"
	"context"
	"os"
	"passerelle/fault"
	"path/filepath"
	"testing"
)

// fuzzBase is a small, valid portfolio with something in every table a learner fills, whose
// bytes the fuzz targets damage.
func fuzzBase(f *testing.F) []byte {
	f.Helper()
	ctx := context.Background()
	path := filepath.Join(f.TempDir(), "base"+FileExtension)
	st, err := Create(ctx, path, "Base", WithClock(fixedClock))
	if err != nil {
		f.Fatal(err)
	}
	st.SaveLearner(ctx, Learner{DisplayName: "Léa", Email: "lea@example.org", SelfID: SelfIdentification{Notes: "private"}})
	st.SaveExperience(ctx, Experience{Kind: "Volunteer", TitleEN: "Food bank", StartMonth: "2020-01", Skills: []string{"logistics"}})
	st.SaveSupportNote(ctx, SupportNote{Category: "Coaching", Date: "2026-01-01", Text: "weekly coaching"})
	if p, err := PrepareEvidence(NewEvidence{Name: "letter.txt", Data: bytes.Repeat([]byte("validation "), 500)}); err == nil {
		st.AddEvidence(ctx, p)
	}
	if err := st.Close(); err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return data
}

// fuzzFile is the file a fuzz input describes: raw bytes when there are any, else the valid
// base with patch written over it at offset at (a damaged page, a changed header field).
func fuzzFile(t *testing.T, base, raw []byte, at uint32, patch []byte) string {
	t.Helper()
	data := raw
	if len(raw) == 0 {
		data = append([]byte{}, base...)
		off := int(at % uint32(len(data)))
		copy(data[off:], patch)
	}
	p := filepath.Join(t.TempDir(), "fuzzed"+FileExtension)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func addFuzzSeeds(f *testing.F) {
	f.Add([]byte{}, uint32(0), []byte{})                                                   // the valid file itself
	f.Add([]byte("not a portfolio, just words"), uint32(0), []byte{})                      // another kind of file
	f.Add(append([]byte("SQLite format 3\x00"), make([]byte, 84)...), uint32(0), []byte{}) // a bare header
	f.Add([]byte{}, uint32(60), []byte{0, 0, 0, 99})                                       // from a newer version
	f.Add([]byte{}, uint32(18), []byte{1, 1})                                              // a rollback-journal header
	f.Add([]byte{}, uint32(2*4096), bytes.Repeat([]byte{0xA5, 0x00, 0x13}, 1400))          // a page overwritten
	f.Add([]byte{}, uint32(100), bytes.Repeat([]byte{0xFF}, 200))                          // the schema page damaged
}

// FuzzOpen opens random bytes, or a valid portfolio with random bytes written over it: the
// result is a typed error or a portfolio that opens cleanly, never a panic, and a refused
// file is never modified (nor is any file PeekName reads).
func FuzzOpen(f *testing.F) {
	base := fuzzBase(f)
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte, at uint32, patch []byte) {
		ctx := context.Background()
		p := fuzzFile(t, base, raw, at, patch)
		before, _ := os.ReadFile(p)
		if _, err := PeekName(ctx, p); err != nil {
			if _, ok := fault.As(err); !ok {
				t.Fatalf("PeekName: untyped error %v", err)
			}
		}
		if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
			t.Fatal("PeekName modified the file")
		}
		st, err := Open(ctx, p)
		if err != nil {
			if _, ok := fault.As(err); !ok {
				t.Fatalf("Open: untyped error %v", err)
			}
			if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
				t.Fatalf("a refused file was modified (%v)", err)
			}
			return
		}
		// It opened: every read must answer or fail, never panic.
		st.Check(ctx)
		st.Learner(ctx)
		st.SupportNotes(ctx)
		st.Experiences(ctx)
		st.Credentials(ctx)
		st.EvidenceList(ctx)
		st.LockState(ctx)
		st.Name(ctx)
		st.Close()
	})
}

// FuzzRestore restores random or damaged backups: a typed error that leaves the backup as it
// was and creates nothing, or a restored portfolio that passes its check.
func FuzzRestore(f *testing.F) {
	base := fuzzBase(f)
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte, at uint32, patch []byte) {
		ctx := context.Background()
		backup := fuzzFile(t, base, raw, at, patch)
		before, _ := os.ReadFile(backup)
		dir := t.TempDir()
		to := filepath.Join(dir, "restored"+FileExtension)
		_, err := Restore(ctx, backup, to, filepath.Join(dir, "snapshots"))
		if after, _ := os.ReadFile(backup); !bytes.Equal(before, after) {
			t.Fatal("Restore modified the backup")
		}
		if err != nil {
			if _, ok := fault.As(err); !ok {
				t.Fatalf("Restore: untyped error %v", err)
			}
			if names, _ := os.ReadDir(dir); len(names) != 0 {
				t.Fatalf("a refused restore left %d files", len(names))
			}
			return
		}
		st, err := Open(ctx, to)
		if err != nil {
			t.Fatalf("a restored portfolio does not open: %v", err)
		}
		defer st.Close()
		if problems, err := st.Check(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("a restored portfolio fails its check: %v %v", problems, err)
		}
	})
}
