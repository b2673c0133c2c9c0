package portfolio

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"passerelle/fault"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// crashChildEnv switches the test binary into the child that writes until it is killed.
const crashChildEnv = "PASSERELLE_CRASH_CHILD"

// TestCrash_ChildWritesUntilKilled is the child: it adds experiences and evidence in a loop
// (and now and then deletes one), printing "B op" before each call and the ID after it returns.
func TestCrash_ChildWritesUntilKilled(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("the child of TestCrash_KilledAtRandomLosesNothingThatWasReported")
	}
	ctx := context.Background()
	st, err := Open(ctx, path)
	if fault.CodeOf(err) == fault.NotFound {
		st, err = Create(ctx, path, "Crash")
	}
	if err != nil {
		fmt.Println("fail", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	rnd := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	fail := func(err error) {
		fmt.Println("fail", err)
		os.Exit(3)
	}
	for i := 0; ; i++ {
		fmt.Println("B experience")
		e, err := st.SaveExperience(ctx, Experience{Kind: "PaidWork", TitleEN: fmt.Sprintf("job %d", i),
			StartMonth: "2020-01", DescriptionEN: strings.Repeat("x", rnd.IntN(MaxLongText))})
		if err != nil {
			fail(err)
		}
		fmt.Printf("E %d\n", e.ID)
		size := 1 + rnd.IntN(96<<10)
		if i%6 == 5 {
			size = 1<<20 + rnd.IntN(2<<20) // big enough to spill and to trigger checkpoints
		}
		data := make([]byte, size)
		for j := range data {
			data[j] = byte(rnd.Uint32())
		}
		p, err := PrepareEvidence(NewEvidence{Name: fmt.Sprintf("file %d.bin", i), Data: data})
		if err != nil {
			fail(err)
		}
		fmt.Println("B evidence")
		ev, err := st.AddEvidence(ctx, p)
		if err != nil {
			fail(err)
		}
		fmt.Printf("V %d %s\n", ev.ID, ev.SHA256)
		if i%5 == 4 {
			fmt.Println("B delete")
			if err := st.DeleteEvidence(ctx, ev.ID); err != nil {
				fail(err)
			}
			fmt.Printf("D %d\n", ev.ID)
		}
	}
}

// TestCrash_KilledAtRandomLosesNothingThatWasReported kills the child with SIGKILL at random
// moments, many times over the same file, and after each kill opens the file as the app would:
// it must pass the integrity check, hold every change whose call returned, and have no
// evidence row without its file bytes.
func TestCrash_KilledAtRandomLosesNothingThatWasReported(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process many times")
	}
	kills := 60
	if n, err := strconv.Atoi(os.Getenv("PASSERELLE_CRASH_KILLS")); err == nil && n > 0 {
		kills = n
	}
	const budget = 25 * time.Second
	seed := uint64(time.Now().UnixNano())
	rnd := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d", seed)
	path := filepath.Join(t.TempDir(), "crash"+FileExtension)
	exps, evidence, deleted, hashed := map[int64]bool{}, map[int64]string{}, map[string]bool{}, map[string]bool{}
	var inCall, committedInCall, betweenCalls, done int
	start := time.Now()
	for done < kills && (done < 10 || time.Since(start) < budget) {
		lines := runAndKill(t, path, time.Duration(rnd.IntN(150))*time.Millisecond)
		last, lastEvidence := "", int64(0)
		for _, l := range lines {
			f := strings.Fields(l)
			switch f[0] {
			case "E":
				exps[atoi(t, f[1])] = true
			case "V": // SQLite may reuse the ID of a deleted last row: files are told apart by hash
				lastEvidence = atoi(t, f[1])
				evidence[lastEvidence] = f[2]
			case "D":
				id := atoi(t, f[1])
				deleted[evidence[id]] = true
				delete(evidence, id)
			case "fail":
				t.Fatalf("the child failed: %s", l)
			}
			last = l
		}
		done++
		// A delete killed in flight may or may not have landed; either is right.
		uncertain := int64(0)
		if last == "B delete" {
			uncertain = lastEvidence
		}
		rowsBeyond, landed := verifyAfterCrash(t, path, exps, evidence, deleted, hashed, uncertain)
		if uncertain != 0 && landed {
			deleted[evidence[uncertain]] = true
			delete(evidence, uncertain)
		}
		switch {
		case strings.HasPrefix(last, "B "):
			inCall++
			if rowsBeyond || landed {
				committedInCall++
			}
		default:
			betweenCalls++
		}
	}
	t.Logf("%d kills in %v: %d inside a store call (%d rolled back, %d committed but not yet returned), "+
		"%d between calls; %d experiences, %d evidence files and %d deletions reported, all found",
		done, time.Since(start).Round(time.Millisecond), inCall, inCall-committedInCall, committedInCall,
		betweenCalls, len(exps), len(evidence), len(deleted))
	// Last, the whole check the app runs, every file's SHA-256 included.
	st, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if problems, err := st.Check(context.Background()); err != nil || len(problems) > 0 {
		t.Fatalf("final check: %v %v", problems, err)
	}
	if inCall == 0 {
		t.Error("no kill landed inside a call: the test proved nothing")
	}
}

// runAndKill starts the child, lets it write for delay after it is ready, kills it with
// SIGKILL and returns every line it printed.
func runAndKill(t *testing.T, path string, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrash_ChildWritesUntilKilled$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	linesCh := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			linesCh <- sc.Text()
		}
		close(linesCh)
	}()
	var lines []string
	timeout := time.After(20 * time.Second)
	for ready := false; !ready; {
		select {
		case l, ok := <-linesCh:
			if !ok {
				cmd.Wait()
				t.Fatalf("the child stopped before it was ready: %v", lines)
			}
			lines = append(lines, l)
			ready = l == "ready"
		case <-timeout:
			cmd.Process.Kill()
			t.Fatal("the child never got ready")
		}
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for l := range linesCh {
		lines = append(lines, l)
	}
	cmd.Wait()
	return lines[1:]
}

// verifyAfterCrash opens the file and checks it; it reports whether the file holds a change
// beyond the last one reported (a kill between the commit and the print), and whether the
// deletion of evidence uncertain, killed in flight, landed.
func verifyAfterCrash(t *testing.T, path string, exps map[int64]bool, evidence map[int64]string,
	deleted, hashed map[string]bool, uncertain int64) (beyond, landed bool) {
	t.Helper()
	ctx := context.Background()
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("the file does not open after a kill: %v", err)
	}
	defer st.Close()
	var integrity string
	if err := st.db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity check after a kill: %s %v", integrity, err)
	}
	if err := st.db.QueryRow(`PRAGMA foreign_key_check`).Scan(); err != sql.ErrNoRows {
		t.Fatalf("foreign key check after a kill: %v", err)
	}
	var orphans, nExp, nEv int
	st.db.QueryRow(`SELECT count(*) FROM evidence e LEFT JOIN blob b ON b.sha256 = e.sha256
		WHERE b.sha256 IS NULL`).Scan(&orphans)
	if orphans > 0 {
		t.Fatalf("%d evidence rows without their file bytes", orphans)
	}
	for id := range exps {
		if err := st.db.QueryRow(`SELECT 1 FROM experience WHERE id = ?`, id).Scan(new(int)); err != nil {
			t.Fatalf("experience %d was reported saved and is gone: %v", id, err)
		}
	}
	for sum := range deleted {
		var n int
		st.db.QueryRow(`SELECT (SELECT count(*) FROM evidence WHERE sha256 = ?) +
			(SELECT count(*) FROM blob WHERE sha256 = ?)`, sum, sum).Scan(&n)
		if n > 0 {
			t.Fatalf("evidence %s was reported deleted and is back", sum)
		}
	}
	for id, sum := range evidence {
		var got string
		err := st.db.QueryRow(`SELECT sha256 FROM evidence WHERE id = ?`, id).Scan(&got)
		if id == uncertain && err != nil {
			landed = true
			continue
		}
		if err != nil || got != sum {
			t.Fatalf("evidence %d was reported saved and is gone or changed: %v", id, err)
		}
		if !hashed[sum] { // each file's bytes are hashed once, the first time it is seen
			var data []byte
			st.db.QueryRow(`SELECT data FROM blob WHERE sha256 = ?`, sum).Scan(&data)
			if h := sha256.Sum256(data); hex.EncodeToString(h[:]) != sum {
				t.Fatalf("evidence %d: its bytes do not match its SHA-256", id)
			}
			hashed[sum] = true
		}
	}
	st.db.QueryRow(`SELECT count(*) FROM experience`).Scan(&nExp)
	st.db.QueryRow(`SELECT count(*) FROM evidence`).Scan(&nEv)
	if landed {
		nEv++
	}
	return nExp > len(exps) || nEv > len(evidence), landed
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatalf("child printed %q", s)
	}
	return n
}
