//go:build linux

package portfolio

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"passerelle/fault"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// smallDisk mounts a tmpfs of the given size, a disk that fills up for real.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		msg := fmt.Sprintf("cannot mount a %s tmpfs to fill (%v): this test needs root or CAP_SYS_ADMIN", size, err)
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: " + msg) // CI runs as root: a skip here would hide the disk-full proof
		}
		t.Skip(msg)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

func randomBytesOf(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// fill writes a file of n bytes (or as much as fits) to take up space on the small disk.
func fill(t *testing.T, dir string, n int) {
	t.Helper()
	os.WriteFile(filepath.Join(dir, "filler"), make([]byte, n), 0o600)
}

func TestDiskFull_DuringAnEvidenceImportLeavesThePortfolioAsItWas(t *testing.T) {
	// Each import is sized from the space left once the portfolio is on the disk.
	cases := []struct {
		name   string
		filler int
		size   func(free int) int
	}{
		{"an import far beyond the free space", 0, func(free int) int { return 2 * free }},
		{"an import just beyond it", 0, func(free int) int { return free + 16<<10 }},
		{"an import that nearly fills the disk, and may fit", 0, func(free int) int { return free * 97 / 100 }},
		{"an almost full disk, a small import", 600 << 10, func(free int) int { return free + 1<<10 }},
	}
	full := 0
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			disk := smallDisk(t, "1m")
			path := filepath.Join(disk, "lea"+FileExtension)
			st, err := Create(ctx, path, "Léa")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := addFile(t, st, "small.txt", []byte("a letter of validation")); err != nil {
				t.Fatal(err)
			}
			st.Close()
			fill(t, disk, c.filler)
			before := fileBytes(t, path)
			rows := counts(t, path) // opens and closes: the file is as it will be compared

			st, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			var fs syscall.Statfs_t
			if err := syscall.Statfs(disk, &fs); err != nil {
				t.Fatal(err)
			}
			size := c.size(int(fs.Bavail) * int(fs.Bsize))
			_, err = addFile(t, st, "big.bin", randomBytesOf(size, uint64(i)))
			if err == nil {
				// It fitted in the WAL; copying it into the file at close may not fit. Either
				// way the import that returned must be there when the portfolio opens again.
				t.Logf("%d bytes fitted; closing: %v", size, st.Close())
				st, err := Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
				ev, err := st.EvidenceList(ctx)
				problems, cerr := st.Check(ctx)
				if err != nil || len(ev) != 2 || cerr != nil || len(problems) > 0 {
					t.Fatalf("after an import that fitted: %d evidence %v, check %v %v", len(ev), err, problems, cerr)
				}
				return
			}
			wantCode(t, err, fault.DiskFull, "ErrDiskFull")
			full++
			// The learner frees some space and carries on: the portfolio is as it was.
			os.Remove(filepath.Join(disk, "filler"))
			if err := st.Close(); err != nil {
				t.Fatalf("close after a full disk: %v", err)
			}
			if !bytes.Equal(before, fileBytes(t, path)) {
				t.Error("the file is not byte for byte as it was")
			}
			if got := counts(t, path); got != rows {
				t.Fatalf("rows %s, want %s", got, rows)
			}
			st, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if problems, err := st.Check(ctx); err != nil || len(problems) > 0 {
				t.Fatalf("check: %v %v", problems, err)
			}
		})
	}
	if full < len(cases)-1 {
		t.Fatalf("the disk filled up in %d cases of %d", full, len(cases))
	}
}

func TestDiskFull_DuringABackupLeavesNothingAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := fullStore(t, filepath.Join(dir, "lea"+FileExtension), fixedClock)
	if _, err := addFile(t, st, "big.bin", randomBytesOf(1500<<10, 7)); err != nil {
		t.Fatal(err)
	}
	before := fileBytes(t, st.Path())
	usb := smallDisk(t, "1m")
	for _, kind := range []string{BackupManual, BackupSnapshot} {
		var err error
		if kind == BackupManual {
			_, err = st.BackupInto(ctx, usb, kind)
		} else {
			_, err = st.Snapshot(ctx, usb)
		}
		wantCode(t, err, fault.DiskFull, "ErrDiskFull")
		if names := dirNames(t, usb); len(names) != 0 {
			t.Fatalf("a failed %s left %v on the disk", kind, names)
		}
	}
	if !bytes.Equal(before, fileBytes(t, st.Path())) {
		t.Fatal("the portfolio changed")
	}
	// Restoring onto the full disk fails the same way, and the file there stays as it was.
	target := filepath.Join(usb, "target"+FileExtension)
	os.WriteFile(target, []byte("the learner's other file"), 0o600)
	good, err := st.BackupInto(ctx, filepath.Join(dir, "good"), BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Restore(ctx, good.Path, target, filepath.Join(usb, "snaps"), WithClock(func() time.Time { return fixedClock() }))
	wantCode(t, err, fault.DiskFull, "ErrDiskFull")
	if data, _ := os.ReadFile(target); string(data) != "the learner's other file" {
		t.Fatal("the restore target changed")
	}
	if names := dirNames(t, usb); len(names) != 1 {
		t.Fatalf("a failed restore left %v", names)
	}
}
