package portfolio

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"passerelle/fault"
)

// holderChildEnv switches the test binary into a child that holds a portfolio open for
// writing, the way a second copy of the app does, until it is killed.
const holderChildEnv = "PASSERELLE_HOLDER_CHILD"

// TestInUse_ChildHoldsThePortfolio is the child: it opens the portfolio, says "ready", and
// waits to be killed.
func TestInUse_ChildHoldsThePortfolio(t *testing.T) {
	path := os.Getenv(holderChildEnv)
	if path == "" {
		t.Skip("the child of TestInUse_AnotherProcessHoldingThePortfolio")
	}
	if os.Getenv(holderLockOnlyEnv) != "" {
		if _, err := lockPortfolio(path); err != nil {
			fmt.Println("fail", err)
			os.Exit(3)
		}
		fmt.Println("ready")
		time.Sleep(time.Minute)
		os.Exit(4)
	}
	st, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("fail", err)
		os.Exit(3)
	}
	defer st.Close()
	fmt.Println("ready")
	time.Sleep(time.Minute)
	os.Exit(4) // never reached unless the parent forgot to kill it
}

// holderLockOnlyEnv makes the child take the lock alone, without SQLite.
const holderLockOnlyEnv = "PASSERELLE_HOLDER_LOCK_ONLY"

// startHolder starts a second process that holds path open for writing (or, with env
// holderLockOnlyEnv=1, only its lock); it is killed (as a crash would) when the test ends, or
// earlier by the caller.
func startHolder(t *testing.T, path string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInUse_ChildHoldsThePortfolio$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), holderChildEnv+"="+path), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			ready <- sc.Text()
		}
		close(ready)
	}()
	select {
	case l := <-ready:
		if l != "ready" {
			t.Fatalf("the holder did not open the portfolio: %q", l)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the holder never got ready")
	}
	return cmd
}

// wantInUse checks that err is the refusal the learner sees when another process has the file.
func wantInUse(t *testing.T, what string, err error) {
	t.Helper()
	e, ok := fault.As(err)
	if !ok || e.Code != fault.InUse || e.MessageID != "ErrPortfolioInUse" {
		t.Fatalf("%s while another process holds the portfolio: %v, want ErrPortfolioInUse", what, err)
	}
}

// TestInUse_AnotherProcessHoldingThePortfolio: while a second process has the portfolio open,
// every way of writing to it is refused with ErrPortfolioInUse and changes nothing, reading
// still works, and once that process is killed the portfolio opens again.
func TestInUse_AnotherProcessHoldingThePortfolio(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "held"+FileExtension)
	st, err := Create(ctx, path, "Held")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveExperience(ctx, Experience{Kind: "PaidWork", TitleEN: "Cook", StartMonth: "2020-01"}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "usb", "held-backup"+FileExtension)
	if err := st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	st.Close()
	holder := startHolder(t, path)
	before := fileBytes(t, path)

	_, err = Open(ctx, path)
	wantInUse(t, "Open", err)
	_, err = Create(ctx, path, "Over it")
	wantInUse(t, "Create", err)
	snapshots := filepath.Join(dir, "snapshots")
	_, err = Restore(ctx, backup, path, snapshots)
	wantInUse(t, "Restore", err)
	if _, err := os.Stat(snapshots); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused restore kept a before-restore copy: %v", err)
	}
	if !bytes.Equal(fileBytes(t, path), before) {
		t.Error("a refused write changed the portfolio file")
	}

	view, err := OpenToRead(ctx, path)
	if err != nil {
		t.Fatalf("reading a portfolio another process holds: %v", err)
	}
	if !view.ReadOnly() {
		t.Error("the view of a held portfolio is not read-only")
	}
	if exps, err := view.Experiences(ctx); err != nil || len(exps) != 1 || exps[0].TitleEN != "Cook" {
		t.Errorf("reading through the view: %+v %v", exps, err)
	}
	_, err = view.SaveExperience(ctx, Experience{Kind: "PaidWork", TitleEN: "Baker", StartMonth: "2021-01"})
	wantInUse(t, "a write through the read-only view", err)
	if err := view.MarkExported(ctx); err != nil {
		t.Errorf("an export from the view could not finish: %v", err)
	}
	if _, err := view.BackupInto(ctx, filepath.Join(dir, "usb"), BackupManual); err != nil {
		t.Errorf("backing up a held portfolio: %v", err)
	}
	view.Close()
	if !bytes.Equal(fileBytes(t, path), before) {
		t.Error("the read-only view changed the portfolio file")
	}

	// A crash (SIGKILL on Linux, TerminateProcess on Windows) ends the holder: the OS drops
	// its lock, and the portfolio opens at once, with nothing lost.
	if err := holder.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	holder.Wait()
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the holder was killed: %v", err)
	}
	defer st.Close()
	if exps, err := st.Experiences(ctx); err != nil || len(exps) != 1 {
		t.Fatalf("after the holder was killed: %+v %v", exps, err)
	}
}

// TestInUse_OneStoreAtATimeAndNothingLeftBehind: within one process too, a second Open waits
// for the first to close; closing lets go and leaves no lock file beside the portfolio.
func TestInUse_OneStoreAtATimeAndNothingLeftBehind(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "one"+FileExtension)
	st, err := Create(ctx, path, "One")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + lockSuffix); err != nil {
		t.Fatalf("no lock file while the portfolio is open: %v", err)
	}
	_, err = Open(ctx, path)
	wantInUse(t, "a second Open in the same process", err)
	reader, err := OpenToRead(ctx, path)
	if err != nil || !reader.ReadOnly() {
		t.Fatalf("reader beside the open store: %v", err)
	}
	reader.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			t.Errorf("left beside the closed portfolio: %s", e.Name())
		}
	}
	// Free again: a reader takes the lock like a writer, so it may upgrade and record.
	reader, err = OpenToRead(ctx, path)
	if err != nil || reader.ReadOnly() {
		t.Fatalf("reader of a free portfolio: read-only %v, %v", reader != nil && reader.ReadOnly(), err)
	}
	_, err = Open(ctx, path)
	wantInUse(t, "Open while a command reads", err)
	if err := reader.MarkExported(ctx); err != nil {
		t.Fatal(err)
	}
	reader.Close()
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if at, err := st.ExportedAt(ctx); err != nil || at == "" {
		t.Fatalf("export date recorded by the reader: %q %v", at, err)
	}
}

// TestInUse_AViewNeverUpgradesAHeldFile: a file at an older schema that another process holds
// is not read (this build's queries need the upgrade, which only its holder may make).
func TestInUse_AViewNeverUpgradesAHeldFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old"+FileExtension)
	lock, err := lockPortfolio(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lock.release) // the store releases it too; twice is harmless
	st, err := openDB(ctx, path, lock, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.migrateTo(ctx, SchemaVersion()-1); err != nil {
		t.Fatal(err)
	}
	if err := st.checkpoint(ctx); err != nil { // as Open does after an upgrade
		t.Fatal(err)
	}
	_, err = OpenToRead(ctx, path)
	wantInUse(t, "OpenToRead of an older held file", err)
}

// TestInUse_ALockFileThatCannotBeMadeSaysWhy: a portfolio in a read-only place is refused as
// one where Passerelle may not write, as any other write there, not as an unexpected failure.
func TestInUse_ALockFileThatCannotBeMadeSaysWhy(t *testing.T) {
	for _, cause := range []error{fs.ErrPermission, readOnlyCause()} {
		err := lockFileError(&fs.PathError{Op: "open", Path: "/media/usb/lea.passerelle-lock", Err: cause})
		if e, ok := fault.As(err); !ok || e.MessageID != "ErrNoPermission" {
			t.Errorf("%v: %v, want ErrNoPermission", cause, err)
		}
		if !errors.Is(err, cause) {
			t.Errorf("the cause %v is lost for the log: %v", cause, err)
		}
	}
}

// TestInUse_TheLockItselfDiesWithItsProcess checks the OS lock alone (flock, or LockFileEx on
// Windows), with no SQLite in the way: held by another process it refuses, and once that
// process is killed it is free again at once.
func TestInUse_TheLockItselfDiesWithItsProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bare"+FileExtension)
	holder := startHolder(t, path, holderLockOnlyEnv+"=1")
	_, err := lockPortfolio(path)
	wantInUse(t, "lockPortfolio", err)
	if err := holder.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	holder.Wait()
	l, err := lockPortfolio(path)
	if err != nil {
		t.Fatalf("lock after the holder was killed: %v", err)
	}
	_, err = lockPortfolio(path)
	wantInUse(t, "a second lock in the same process", err)
	l.release()
	l.release() // twice is harmless
	if _, err := os.Stat(path + lockSuffix); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the lock file is left after release: %v", err)
	}
	l, err = lockPortfolio(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l.release()
}
