package portfolio

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"passerelle/fault"
	"passerelle/media"
)

// fullStore is a portfolio with a few records and evidence files, as a learner's would be.
func fullStore(t *testing.T, path string, clock func() time.Time) *Store {
	t.Helper()
	ctx := context.Background()
	st, err := Create(ctx, path, "Léa", WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.SaveExperience(ctx, Experience{Kind: "CommunityRole", TitleEN: "Youth mentor", StartMonth: "2019-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSupportNote(ctx, SupportNote{Category: "Coaching", Date: "2026-01-01", Text: "weekly coaching"}); err != nil {
		t.Fatal(err)
	}
	for i, data := range [][]byte{media.SamplePhoto(3, 800, 600, 5), []byte("Lettre d’attestation: elle a animé 12 ateliers."),
		bytes.Repeat([]byte{0x42, 0x17}, 40000)} {
		if _, err := addFile(t, st, []string{"photo.jpg", "lettre.txt", "sample.bin"}[i], data); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// counts sums the rows of the tables a learner fills, to compare two portfolios; it only
// reads, so it may look at a portfolio a test still has open.
func counts(t *testing.T, path string) string {
	t.Helper()
	st, err := OpenToRead(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", filepath.Base(path), err)
	}
	defer st.Close()
	var parts []string
	for _, table := range []string{"experience", "evidence", "blob", "preview", "support_note", "meta"} {
		var n int
		if err := st.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, table+"="+strings.Repeat("|", n))
	}
	return strings.Join(parts, " ")
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestBackup_IsACheckedCopyThatOpensWithEverything(t *testing.T) {
	dir := t.TempDir()
	st := fullStore(t, filepath.Join(dir, "lea"+FileExtension), fixedClock)
	out := filepath.Join(dir, "usb")
	b, err := st.BackupInto(context.Background(), out, BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(b.Path) != "lea-backup-20261129T100000Z.passerelle" || b.Kind != BackupManual ||
		b.Taken != "2026-11-29T10:00:00Z" || b.Size == 0 {
		t.Fatalf("backup %+v", b)
	}
	if got := dirNames(t, out); len(got) != 1 {
		t.Fatalf("the backup folder holds %v: a temporary file was left", got)
	}
	if counts(t, b.Path) != counts(t, st.Path()) {
		t.Fatalf("backup differs: %s vs %s", counts(t, b.Path), counts(t, st.Path()))
	}
	// A second backup in the same second gets its own name, never the first one's.
	b2, err := st.BackupInto(context.Background(), out, BackupManual)
	if err != nil || b2.Path == b.Path || !strings.HasSuffix(b2.Path, "Z-2.passerelle") {
		t.Fatalf("second backup %+v %v", b2, err)
	}
	wantCode(t, st.Backup(context.Background(), b.Path), fault.Conflict, "ErrBackupExists")
	wantCode(t, st.Backup(context.Background(), st.Path()), fault.Conflict, "ErrBackupExists")
}

func TestBackup_OfADamagedPortfolioIsRefusedAndLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	st := fullStore(t, filepath.Join(dir, "lea"+FileExtension), fixedClock)
	if _, err := st.db.Exec(`UPDATE blob SET data = CAST('tampered' AS BLOB) WHERE rowid = 1`); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	_, err := st.BackupInto(context.Background(), out, BackupManual)
	wantCode(t, err, fault.Unsupported, "ErrBackupDamaged")
	if got := dirNames(t, out); len(got) != 0 {
		t.Fatalf("a failed backup left %v", got)
	}
}

func TestSnapshot_KeepsSevenDailyAndFourWeeklyInItsFolder(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	st := fullStore(t, filepath.Join(dir, "lea"+FileExtension), func() time.Time { return now })
	snaps := SnapshotDir(dir, st.Path())
	if snaps != filepath.Join(dir, "backups", "lea") {
		t.Fatalf("snapshot folder %s", snaps)
	}
	// Two snapshots a day, for 60 days.
	for day := 0; day < 60; day++ {
		for _, hour := range []int{9, 17} {
			now = time.Date(2026, 9, 1+day, hour, 0, 0, 0, time.UTC)
			if _, err := st.Snapshot(context.Background(), snaps); err != nil {
				t.Fatal(err)
			}
		}
	}
	list, err := ListBackups(snaps)
	if err != nil {
		t.Fatal(err)
	}
	// Friday Oct 30: the evenings of Oct 24-30, then Sundays Oct 18 and 11 for weeks 42 and 41
	// (week 43's newest, Sunday Oct 25, is already among the days).
	var want []string
	for _, d := range []int{11, 18, 24, 25, 26, 27, 28, 29, 30} {
		want = append(want, fmt.Sprintf("lea-snapshot-202610%02dT170000Z.passerelle", d))
	}
	if got := dirNames(t, snaps); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("kept %v", got)
	}
	if list[0].Taken != "2026-10-30T17:00:00Z" || list[0].Kind != BackupSnapshot {
		t.Fatalf("newest first: %+v", list[0])
	}
}

func TestSnapshotsToDrop_DecidesFromTheNamesAlone(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	name := func(kind, stamp string) string { return "lea-" + kind + "-" + stamp + FileExtension }
	var month []string
	for d := 1; d <= 29; d++ {
		month = append(month, name("snapshot", time.Date(2026, 11, d, 8, 0, 0, 0, time.UTC).Format(backupStamp)))
	}
	cases := []struct {
		name  string
		names []string
		drop  []string
	}{
		{"nothing yet", nil, []string{}},
		{"newest of each day", []string{name("snapshot", "20261129T080000Z"), name("snapshot", "20261129T110000Z"),
			name("snapshot", "20261128T080000Z")}, []string{name("snapshot", "20261129T080000Z")}},
		{"same second, numbered", []string{name("snapshot", "20261129T080000Z"), "lea-snapshot-20261129T080000Z-2.passerelle"},
			[]string{name("snapshot", "20261129T080000Z")}},
		// Nov 23-29 as days, then the Sundays 22, 15 and 8 as the newest of weeks 47, 46 and 45.
		{"a month of days: 7 days and 4 weeks", month, append(append(month[0:7:7], month[8:14]...), month[15:21]...)},
		{"once a month keeps months", []string{name("snapshot", "20260801T080000Z"), name("snapshot", "20260901T080000Z"),
			name("snapshot", "20261001T080000Z"), name("snapshot", "20261101T080000Z")}, []string{}},
		{"never other kinds or unknown names", []string{name("backup", "20200101T000000Z"),
			name("before-restore", "20200101T000000Z"), "notes.txt", "lea.passerelle", name("snapshot", "2020")}, []string{}},
		{"never a snapshot dated after now", []string{name("snapshot", "20300101T000000Z"), name("snapshot", "20300102T000000Z"),
			name("snapshot", "20261129T080000Z")}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := SnapshotsToDrop(c.names, now)
			want := append([]string{}, c.drop...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("drop\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestRestore_KeepsTheCurrentFileFirstThenReplacesIt(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st := fullStore(t, filepath.Join(dir, "lea"+FileExtension), fixedClock)
	backup, err := st.BackupInto(ctx, filepath.Join(dir, "usb"), BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	before := counts(t, st.Path())
	if _, err := st.SaveExperience(ctx, Experience{Kind: "PaidWork", TitleEN: "Added after the backup", StartMonth: "2024-01"}); err != nil {
		t.Fatal(err)
	}
	after := counts(t, st.Path())
	st.Close()
	backupBytes := fileBytes(t, backup.Path)

	snaps := SnapshotDir(dir, st.Path())
	kept, err := Restore(ctx, backup.Path, st.Path(), snaps, WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(t, st.Path()); got != before {
		t.Fatalf("restored %s, want %s", got, before)
	}
	if kept.Kind != BackupBeforeRestore || counts(t, kept.Path) != after {
		t.Fatalf("the file before the restore was not kept whole: %+v", kept)
	}
	if !bytes.Equal(backupBytes, fileBytes(t, backup.Path)) {
		t.Fatal("restoring changed the backup")
	}
	if names := dirNames(t, dir); strings.Join(names, " ") != "backups lea.passerelle usb" {
		t.Fatalf("left behind: %v", names)
	}
	// Restoring into a new place keeps nothing, there being nothing to keep.
	kept, err = Restore(ctx, backup.Path, filepath.Join(dir, "new", "copy"+FileExtension), snaps)
	if err != nil || kept.Path != "" {
		t.Fatalf("restore to a new file: %+v %v", kept, err)
	}
}

func TestRestore_RefusesWhatIsNotAGoodBackupAndChangesNothing(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st := fullStore(t, filepath.Join(dir, "lea"+FileExtension), fixedClock)
	good, err := st.BackupInto(ctx, filepath.Join(dir, "usb"), BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := os.ReadFile(good.Path)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, "bad", name)
		os.MkdirAll(filepath.Dir(p), 0o700)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tampered := write("tampered.passerelle", whole)
	db, _ := sql.Open("sqlite", tampered)
	db.Exec(`UPDATE blob SET data = CAST('not the photo' AS BLOB) WHERE rowid = 1`)
	db.Close()
	overwritten := append([]byte{}, whole...)
	for i := 3 * 4096; i < 4*4096 && i < len(overwritten); i++ {
		overwritten[i] = byte(i * 7)
	}
	newer := append([]byte{}, whole...)
	newer[63] = 99
	other := filepath.Join(dir, "bad", "other.db")
	db, _ = sql.Open("sqlite", other)
	db.Exec(`CREATE TABLE t (x)`)
	db.Close()

	cases := []struct {
		name, path string
		code       fault.Code
		messageID  string
	}{
		{"a text file", write("notes.passerelle", []byte("not a portfolio at all, just some words")), fault.Unsupported, "ErrPortfolioNotPortfolio"},
		{"another program's database", other, fault.Unsupported, "ErrPortfolioNotPortfolio"},
		{"truncated", write("truncated.passerelle", whole[:len(whole)/2]), fault.Unsupported, "ErrBackupDamaged"},
		{"a page overwritten", write("overwritten.passerelle", overwritten), fault.Unsupported, "ErrBackupDamaged"},
		{"a file changed after it was added", tampered, fault.Unsupported, "ErrBackupDamaged"},
		{"from a newer version", write("newer.passerelle", newer), fault.Unsupported, "ErrPortfolioTooNew"},
		{"missing", filepath.Join(dir, "nowhere.passerelle"), fault.NotFound, "ErrPortfolioNotFound"},
		{"the portfolio itself", st.Path(), fault.Conflict, "ErrRestoreSameFile"},
	}
	st.Close() // as the app does before a restore: an open portfolio is refused as in use
	current := fileBytes(t, st.Path())
	snaps := SnapshotDir(dir, st.Path())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var input []byte
			if c.code != fault.NotFound {
				input = fileBytes(t, c.path)
			}
			_, err := Restore(ctx, c.path, st.Path(), snaps)
			wantCode(t, err, c.code, c.messageID)
			if !bytes.Equal(current, fileBytes(t, st.Path())) {
				t.Fatal("the portfolio changed")
			}
			if c.code != fault.NotFound && !bytes.Equal(input, fileBytes(t, c.path)) {
				t.Fatal("the refused backup changed")
			}
			if names := dirNames(t, dir); strings.Join(names, " ") != "bad lea.passerelle usb" {
				t.Fatalf("left behind: %v", names)
			}
		})
	}
}

func TestRestore_ADamagedCurrentFileIsKeptAsItIs(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st := fullStore(t, filepath.Join(dir, "lea"+FileExtension), fixedClock)
	good, err := st.BackupInto(ctx, filepath.Join(dir, "usb"), BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	damagedBytes := []byte("SQLite format 3\x00 and then the disk failed")
	if err := os.WriteFile(st.Path(), damagedBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	kept, err := Restore(ctx, good.Path, st.Path(), SnapshotDir(dir, st.Path()), WithClock(fixedClock))
	if err != nil {
		t.Fatal(err)
	}
	if keptBytes, _ := os.ReadFile(kept.Path); !bytes.Equal(keptBytes, damagedBytes) || kept.Kind != BackupBeforeRestore {
		t.Fatalf("the damaged file was not kept as it was: %+v", kept)
	}
	if counts(t, st.Path()) != counts(t, good.Path) {
		t.Fatal("restored portfolio differs from the backup")
	}
}

func TestRestore_AnOlderBackupIsUpgraded(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old := filepath.Join(dir, "old"+FileExtension)
	st, err := openDB(ctx, old, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.migrateTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	st.db.Exec(`INSERT INTO meta (key, value) VALUES ('name', 'Old')`)
	st.db.Exec(`UPDATE self_identification SET notes = 'old note' WHERE id = 1`)
	st.Close()
	to := filepath.Join(dir, "restored"+FileExtension)
	if _, err := Restore(ctx, old, to, SnapshotDir(dir, to)); err != nil {
		t.Fatal(err)
	}
	st, err = Open(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if l, err := st.Learner(ctx); err != nil || l.SelfID.Notes != "old note" {
		t.Fatalf("learner %+v %v", l, err)
	}
}

// A portfolio on a USB stick named like one in the data folder keeps its snapshots apart, so
// one's rotation (or a passphrase clearing old copies) never removes the other's.
func TestSnapshotDir_SameNameElsewhereGetsItsOwnFolder(t *testing.T) {
	data := t.TempDir()
	usb := t.TempDir()
	tests := []struct {
		name string
		path string
		want func(got string) bool
	}{
		{"in the portfolios folder", filepath.Join(data, "portfolios", "lea"+FileExtension),
			func(got string) bool { return got == filepath.Join(data, "backups", "lea") }},
		{"anywhere in the data folder", filepath.Join(data, "lea"+FileExtension),
			func(got string) bool { return got == filepath.Join(data, "backups", "lea") }},
		{"on a USB stick", filepath.Join(usb, "lea"+FileExtension),
			func(got string) bool {
				return filepath.Dir(got) == filepath.Join(data, "backups") &&
					regexp.MustCompile(`^lea-[0-9a-f]{8}$`).MatchString(filepath.Base(got))
			}},
		{"beside the data folder, with a name that starts like it", filepath.Join(data+"-old", "lea"+FileExtension),
			func(got string) bool { return got != filepath.Join(data, "backups", "lea") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SnapshotDir(data, tt.path); !tt.want(got) {
				t.Errorf("SnapshotDir(%s) = %s", tt.path, got)
			}
		})
	}
	if SnapshotDir(data, filepath.Join(usb, "lea"+FileExtension)) == SnapshotDir(data, filepath.Join(t.TempDir(), "lea"+FileExtension)) {
		t.Error("two sticks with a lea portfolio share a snapshot folder")
	}
}

// TestBackupInto_AFileOrAnImpossiblePlaceIsRefusedAtOnce: `backup --out a.csv` once looped
// forever looking for a free name inside a file; now a file given as the folder, or a place
// that cannot be made, is refused with its own message and nothing is written.
func TestBackupInto_AFileOrAnImpossiblePlaceIsRefusedAtOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := Create(ctx, filepath.Join(dir, "lea"+FileExtension), "Léa")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	file := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(file, []byte("code\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		out, want string
	}{
		{file, "ErrBackupNotAFolder"},
		{filepath.Join(file, "sub"), "ErrBackupCannotWrite"},
	}
	for _, c := range cases {
		done := make(chan error, 1)
		go func() { _, err := st.BackupInto(ctx, c.out, BackupManual); done <- err }()
		select {
		case err := <-done:
			if e, ok := fault.As(err); !ok || e.MessageID != c.want {
				t.Errorf("backup into %s: %v, want %s", c.out, err, c.want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("backup into %s never returned", c.out)
		}
	}
	if b, _ := os.ReadFile(file); string(b) != "code\n" {
		t.Error("the file given as a folder was changed")
	}
}
