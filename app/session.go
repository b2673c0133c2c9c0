// Package app is the thin layer the Wails window binds to: one service per area, each method
// a short call into portfolio, with errors translated at this edge only.
package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"passerelle/fault"
	"passerelle/locales"
	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// PortfolioFile is one portfolio on this computer, as the picker shows it.
type PortfolioFile struct {
	Path     string `json:"path"`
	Name     string `json:"name"`
	Modified string `json:"modified"`
}

// State is what the frontend needs to draw the shell: is a portfolio open, which, in what language.
type State struct {
	Open       bool            `json:"open"`
	Current    PortfolioFile   `json:"current"`
	Language   string          `json:"language"`
	Portfolios []PortfolioFile `json:"portfolios"`
	DataDir    string          `json:"dataDir"`
	// Requested is a portfolio another launch (`passerelle FILE.passerelle`) asked this window
	// to open while another one was open; it waits for the learner's choice. Empty when none.
	Requested PortfolioFile `json:"requested"`
	// Notice says, once, in the learner's language, what happened to such a request when it
	// could not simply be done (the file would not open); empty otherwise.
	Notice string `json:"notice"`
	// Coach is true when the open file is a copy a learner shared with a coach (coach mode):
	// the record is read-only and Share says whose it is and when it was shared.
	Coach bool `json:"coach"`
	// Share is the shared copy's header in coach mode, empty otherwise.
	Share portfolio.ShareInfo `json:"share"`
	// CoachName is the name the coach gave in this copy ("" until they give one).
	CoachName string `json:"coachName"`
}

// settings is what the app remembers outside any portfolio.
type settings struct {
	Language      string `json:"language"`
	LastPortfolio string `json:"lastPortfolio"`
}

// Session holds the one open portfolio and the active language for all services.
type Session struct {
	mu       sync.Mutex
	ctx      context.Context
	dataDir  string
	catalog  *locales.Catalog
	store    *portfolio.Store
	language string
	now      func() time.Time
	bg       *background                     // the open portfolio's snapshots and inactivity lock
	emit     func(event string, data ...any) // sends an event to the page; nil outside the window

	anyPath bool            // accept any path from the page (not the production window)
	chosen  map[string]bool // paths the learner chose in a native dialog, by use (see allowPath)

	startPath string // the portfolio to open when the page first asks; "" reopens the last one
	started   bool   // the page has asked, and the start-up portfolio was opened (or not)
	requested string // a portfolio another launch asked to open, waiting for the learner
	notice    string // a message for the page about a launch, given once with the next State
}

// NewSession prepares a session over dataDir; systemLocale picks the first-run language.
func NewSession(dataDir string, catalog *locales.Catalog, systemLocale string, now func() time.Time) *Session {
	s := &Session{ctx: context.Background(), dataDir: dataDir, catalog: catalog, now: now,
		language: locales.Normalize(systemLocale), anyPath: pagePathsAllowed}
	if st, err := s.readSettings(); err == nil && st.Language != "" {
		s.language = locales.Normalize(st.Language)
	}
	return s
}

// startup receives the window's context. The portfolio to show is opened when the page first
// asks for the State (see openAtStartLocked), not here: Wails runs this while it still checks
// for another copy of the app, and a copy about to hand over its file and exit must not open it.
func (s *Session) startup(ctx context.Context) {
	s.mu.Lock()
	s.ctx = ctx
	s.mu.Unlock()
}

// shutdown closes the open portfolio so its WAL is checkpointed into the file.
func (s *Session) shutdown(ctx context.Context) {
	s.mu.Lock()
	stopped := s.stopBackgroundLocked()
	if s.store != nil {
		s.store.Close()
		s.store = nil
	}
	s.mu.Unlock()
	<-stopped
}

// portfoliosDir is where new portfolios are created.
func (s *Session) portfoliosDir() string { return filepath.Join(s.dataDir, "portfolios") }

// State reports what is open and lists the portfolios on this computer. The first call opens
// the portfolio the app was started with, or else the one used last.
func (s *Session) State() (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.started {
		s.started = true
		s.openAtStartLocked()
	}
	return s.stateLocked()
}

func (s *Session) stateLocked() (State, error) {
	st := State{Language: s.language, DataDir: s.dataDir, Portfolios: []PortfolioFile{}}
	entries, err := os.ReadDir(s.portfoliosDir())
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return State{}, fmt.Errorf("list portfolios: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), portfolio.FileExtension) {
			continue
		}
		p := filepath.Join(s.portfoliosDir(), e.Name())
		if f, err := s.describe(p); err == nil {
			st.Portfolios = append(st.Portfolios, f)
		}
	}
	sort.Slice(st.Portfolios, func(i, j int) bool { return st.Portfolios[i].Modified > st.Portfolios[j].Modified })
	if s.store != nil {
		cur, err := s.describe(s.store.Path())
		if err != nil {
			return State{}, err
		}
		st.Open, st.Current = true, cur
		if s.store.Shared() {
			st.Coach = true
			if st.Share, err = s.store.ShareInfo(s.ctx); err != nil {
				return State{}, err
			}
			if st.CoachName, err = s.store.CoachName(s.ctx); err != nil {
				return State{}, err
			}
		}
	}
	if s.requested != "" {
		if req, err := s.describe(s.requested); err == nil {
			st.Requested = req
		} else {
			s.requested = "" // gone meanwhile: nothing left to offer
		}
	}
	st.Notice, s.notice = s.notice, ""
	return st, nil
}

func (s *Session) describe(path string) (PortfolioFile, error) {
	info, err := os.Stat(path)
	if err != nil {
		return PortfolioFile{}, fmt.Errorf("describe portfolio: %w", err)
	}
	mod := info.ModTime()
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.ModTime().After(mod) {
		mod = wal.ModTime()
	}
	var name string
	if s.store != nil && s.store.Path() == path {
		name, err = s.store.Name(s.ctx)
	} else {
		name, err = portfolio.PeekName(s.ctx, path)
	}
	if err != nil {
		return PortfolioFile{}, err
	}
	return PortfolioFile{Path: path, Name: name, Modified: mod.UTC().Format(time.RFC3339)}, nil
}

// Create makes a new portfolio in the data folder and opens it.
func (s *Session) Create(name string) (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	path := filepath.Join(s.portfoliosDir(), portfolio.FileSlug(name)+portfolio.FileExtension)
	st, err := portfolio.Create(s.ctx, path, name, portfolio.WithClock(s.now))
	if err != nil {
		return State{}, err
	}
	if err := st.SetLanguage(s.ctx, s.language); err != nil {
		st.Close()
		return State{}, err
	}
	return s.switchToLocked(st)
}

// Open opens an existing portfolio file, closing the one that was open; the one already open
// stays as it is. In the production window, only a portfolio the picker lists or the learner
// chose in the open dialog (see allowPortfolioLocked).
func (s *Session) Open(path string) (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.isOpenLocked(path) {
		return s.stateLocked()
	}
	if err := s.allowPortfolioLocked(path); err != nil {
		return State{}, err
	}
	st, err := s.openStore(path)
	if err != nil {
		return State{}, err
	}
	return s.switchToLocked(st)
}

// openStore opens a learner's portfolio, or a shared copy in coach mode, by its extension.
func (s *Session) openStore(path string) (*portfolio.Store, error) {
	if strings.HasSuffix(strings.ToLower(path), portfolio.SharedFileExtension) {
		return portfolio.OpenSharedCopy(s.ctx, path, portfolio.WithClock(s.now))
	}
	return portfolio.Open(s.ctx, path, portfolio.WithClock(s.now))
}

// OpenWithDialog lets the learner pick a portfolio file anywhere, with the native dialog.
func (s *Session) OpenWithDialog() (State, error) {
	path, err := runtime.OpenFileDialog(s.ctx, runtime.OpenDialogOptions{
		Title:            s.catalog.Text(s.language, "DialogOpenPortfolio", nil),
		DefaultDirectory: s.portfoliosDir(),
		Filters: []runtime.FileFilter{{DisplayName: "Passerelle (*" + portfolio.FileExtension + ", *" +
			portfolio.SharedFileExtension + ")", Pattern: "*" + portfolio.FileExtension + ";*" + portfolio.SharedFileExtension}},
	})
	if err != nil {
		return State{}, fmt.Errorf("open dialog: %w", err)
	}
	if path == "" {
		return s.State()
	}
	s.choose(chosenPortfolio, path)
	return s.Open(path)
}

func (s *Session) switchToLocked(st *portfolio.Store) (State, error) {
	s.stopBackgroundLocked()
	if s.store != nil {
		s.store.Close()
	}
	s.store = st
	if s.isOpenLocked(s.requested) {
		s.requested = ""
	}
	last := ""
	if !st.Shared() { // a coach's copy has no snapshots, no inactivity lock, and is not reopened at start
		s.startBackgroundLocked(st)
		last = st.Path()
	}
	// A shared copy holds the learner's language, if any: the coach keeps their own.
	if lang, err := st.Language(s.ctx); err == nil && lang != "" && !st.Shared() {
		s.language = lang
	}
	if err := s.writeSettings(settings{Language: s.language, LastPortfolio: last}); err != nil {
		fmt.Fprintf(os.Stderr, "passerelle: remember last portfolio: %v\n", err)
	}
	return s.stateLocked()
}

// Rename gives a portfolio a new name; its file stays where it is. In the production window,
// only a portfolio the picker lists, or the open one.
func (s *Session) Rename(path, name string) (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store != nil && s.store.Path() == path {
		if err := s.store.Rename(s.ctx, name); err != nil {
			return State{}, err
		}
		return s.stateLocked()
	}
	if err := s.allowPortfolioLocked(path); err != nil {
		return State{}, err
	}
	st, err := portfolio.Open(s.ctx, path, portfolio.WithClock(s.now))
	if err != nil {
		return State{}, err
	}
	defer st.Close()
	if err := st.Rename(s.ctx, name); err != nil {
		return State{}, err
	}
	return s.stateLocked()
}

// Close closes the open portfolio and forgets it as the one to reopen, and any portfolio
// another launch offered instead of it (the offer was to switch from it).
func (s *Session) Close() (State, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requested = ""
	s.stopBackgroundLocked()
	if s.store != nil {
		s.store.Close()
		s.store = nil
	}
	if err := s.writeSettings(settings{Language: s.language}); err != nil {
		return State{}, err
	}
	return s.stateLocked()
}

// withStore runs fn on the open portfolio, or reports that none is open; the call counts as
// the learner's activity for the inactivity lock.
func withStore[T any](s *Session, fn func(context.Context, *portfolio.Store) (T, error)) (T, error) {
	st, ctx, _, err := s.active(true)
	if err != nil {
		var zero T
		return zero, err
	}
	return fn(ctx, st)
}

// setLanguage switches the UI language and remembers it with the open portfolio.
func (s *Session) setLanguage(lang string) (State, error) {
	if lang != portfolio.English && lang != portfolio.French {
		return State{}, fault.New(fault.Invalid, "language", "ErrUnknownChoice")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.store != nil {
		if err := s.store.SetLanguage(s.ctx, lang); err != nil {
			return State{}, err
		}
	}
	s.language = lang
	last := ""
	if s.store != nil {
		last = s.store.Path()
	}
	if err := s.writeSettings(settings{Language: lang, LastPortfolio: last}); err != nil {
		return State{}, err
	}
	return s.stateLocked()
}

func (s *Session) lang() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.language
}

func (s *Session) settingsPath() string { return filepath.Join(s.dataDir, "settings.json") }

func (s *Session) readSettings() (settings, error) {
	var st settings
	data, err := os.ReadFile(s.settingsPath())
	if err != nil {
		return st, err
	}
	return st, json.Unmarshal(data, &st)
}

// writeSettings replaces the settings file atomically: a crash leaves the old or the new one.
func (s *Session) writeSettings(st settings) error {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.dataDir, 0o700); err != nil {
		return fmt.Errorf("write settings: %w", err)
	}
	tmp, err := os.CreateTemp(s.dataDir, ".settings-*.json")
	if err != nil {
		return fmt.Errorf("write settings: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write settings: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write settings: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write settings: %w", err)
	}
	return os.Rename(tmp.Name(), s.settingsPath())
}
