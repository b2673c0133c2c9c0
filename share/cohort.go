package share

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"passerelle/fault"
	"passerelle/osfile"
	"passerelle/portfolio"
)

// Learner is one shared copy in a coach's cohort, as the list shows it. A file that cannot be
// read (damaged, cut short, another program's) is listed with Unreadable set and Problem
// naming why, never left out silently.
type Learner struct {
	Path          string `json:"path"`
	FileName      string `json:"fileName"`
	LearnerName   string `json:"learnerName"`
	Target        string `json:"target"`
	ClaimsReady   int    `json:"claimsReady"`
	ClaimsClaimed int    `json:"claimsClaimed"`
	ClaimsTotal   int    `json:"claimsTotal"`
	OpenComments  int    `json:"openComments"`
	SharedAt      string `json:"sharedAt"`
	Unreadable    bool   `json:"unreadable"`
	Problem       string `json:"problem"`
}

// Cohort lists a coach's shared copies and keeps what it read of each, keyed by path, size and
// modification time, so listing the same folder again reads only the copies that changed.
// Opening a shared copy means parsing its schema (about a millisecond each), so with a cache
// file the list stays quick from one start of the app to the next. Safe for concurrent use.
type Cohort struct {
	mu        sync.Mutex
	cache     map[string]cached
	cacheFile string // "" keeps the cache in memory only
	dirty     bool
}

type cached struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"modTime"`
	Learner Learner   `json:"learner"`
}

// NewCohort makes a cohort list that remembers what it read in cacheFile ("" for memory
// only); a missing or damaged cache file is simply started again.
func NewCohort(cacheFile string) *Cohort {
	c := &Cohort{cache: map[string]cached{}, cacheFile: cacheFile}
	if cacheFile != "" {
		if data, err := os.ReadFile(cacheFile); err == nil {
			var saved map[string]cached
			if json.Unmarshal(data, &saved) == nil && saved != nil {
				c.cache = saved
			}
		}
	}
	return c
}

// save writes the cache file when something changed, whole or not at all; a cache that cannot
// be written only costs time at the next start.
func (c *Cohort) save() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cacheFile == "" || !c.dirty {
		return
	}
	data, err := json.Marshal(c.cache)
	if err != nil {
		return
	}
	tmp := c.cacheFile + ".tmp"
	if os.WriteFile(tmp, data, 0o600) == nil && osfile.Rename(tmp, c.cacheFile) == nil {
		c.dirty = false
	}
}

// List lists the shared copies (*.passerelle-share) in folder, sorted by learner name (the
// unreadable ones last, by file name). A folder that cannot be read is an error; a file in it
// that cannot be read is an entry.
func (c *Cohort) List(ctx context.Context, folder string) ([]Learner, error) {
	entries, err := os.ReadDir(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fault.New(fault.NotFound, "", "ErrCohortFolderNotFound")
	}
	if err != nil {
		return nil, fault.Wrap(fault.New(fault.Invalid, "", "ErrCohortFolderUnreadable"), err)
	}
	var files []fs.DirEntry
	seen := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), portfolio.SharedFileExtension) {
			files = append(files, e)
			seen[filepath.Join(folder, e.Name())] = true
		}
	}
	// Opening a SQLite file costs about a millisecond, mostly CPU: the copies are read by as
	// many workers as there are processors.
	out := make([]Learner, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.NumCPU(), len(files))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = c.one(ctx, filepath.Join(folder, files[i].Name()), files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.forget(folder, seen)
	c.save()
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Unreadable != b.Unreadable {
			return b.Unreadable
		}
		if x, y := strings.ToLower(a.LearnerName), strings.ToLower(b.LearnerName); x != y {
			return x < y
		}
		return a.FileName < b.FileName
	})
	return out, nil
}

// one reads one shared copy, from the cache when its size and time have not changed.
func (c *Cohort) one(ctx context.Context, p string, e fs.DirEntry) Learner {
	l := Learner{Path: p, FileName: e.Name()}
	info, err := e.Info()
	if err != nil {
		l.Unreadable, l.Problem = true, "ErrSharedCopyNotFound"
		return l
	}
	c.mu.Lock()
	hit, ok := c.cache[p]
	c.mu.Unlock()
	if ok && hit.Size == info.Size() && hit.ModTime.Equal(info.ModTime()) {
		hit.Learner.Path, hit.Learner.FileName = p, e.Name()
		return hit.Learner
	}
	h, open, err := portfolio.PeekShare(ctx, p)
	if err != nil {
		l.Unreadable, l.Problem = true, problem(err)
	} else {
		l.LearnerName, l.Target, l.SharedAt = h.LearnerName, h.Target, h.SharedAt
		l.ClaimsReady, l.ClaimsClaimed, l.ClaimsTotal, l.OpenComments = h.ClaimsReady, h.ClaimsClaimed, h.ClaimsTotal, open
	}
	c.mu.Lock()
	c.cache[p] = cached{Size: info.Size(), ModTime: info.ModTime(), Learner: l}
	c.dirty = true
	c.mu.Unlock()
	return l
}

// forget drops the cached copies of folder that are no longer there.
func (c *Cohort) forget(folder string, seen map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.cache {
		if filepath.Dir(p) == folder && !seen[p] {
			delete(c.cache, p)
			c.dirty = true
		}
	}
}

// problem is the message ID that says why a copy could not be read.
func problem(err error) string {
	if e, ok := fault.As(err); ok {
		return e.MessageID
	}
	return "ErrSharedCopyNotShared"
}

// String is for logs and tests.
func (l Learner) String() string {
	if l.Unreadable {
		return fmt.Sprintf("%s: unreadable (%s)", l.FileName, l.Problem)
	}
	return fmt.Sprintf("%s: %s, %s, %d/%d/%d, %d open", l.FileName, l.LearnerName, l.Target,
		l.ClaimsReady, l.ClaimsClaimed, l.ClaimsTotal, l.OpenComments)
}
