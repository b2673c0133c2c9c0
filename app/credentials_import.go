package app

import (
	"context"
	"encoding/base64"
	"sync"

	"passerelle/fault"
	"passerelle/intake"
	"passerelle/portfolio"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// chosenCredential is a digital credential file to import, chosen in the dialog or dropped.
const chosenCredential = "credential"

// CredentialsDroppedEvent is the event name the page listens on for credential files dropped on
// the window while the microcredentials screen is on show.
const CredentialsDroppedEvent = "credentials:dropped"

// CredentialFile is what happened to one credential file: imported, updated or refused (with
// the reason in the learner's language), and the microcredentials it brought in.
type CredentialFile struct {
	Name    string `json:"name"`
	Status  string `json:"status"`
	Format  string `json:"format"`
	Message string `json:"message"`
	// MessageID and Args are Message untranslated, so the window says it again in the language
	// the learner switches to.
	MessageID   string                 `json:"messageId"`
	Args        map[string]any         `json:"args"`
	Credentials []portfolio.Credential `json:"credentials"`
}

// refusedWith fills in why a file was refused, translated and as a message ID with its args.
func (f *CredentialFile) refusedWith(s *Session, err error) {
	f.Message = s.uiError(err).Message
	f.MessageID, f.Args = "ErrInternal", map[string]any{}
	if e, ok := fault.As(err); ok && e.Code != fault.Internal {
		f.MessageID = e.MessageID
		if e.Args != nil {
			f.Args = e.Args
		}
	}
}

// credentialDrops remembers whether files dropped on the window are credentials to import.
type credentialDrops struct {
	mu sync.Mutex
	on bool
}

// ImportWithDialog lets the learner choose credential files (baked PNG or SVG badges, JSON,
// JWT) in the native dialog and imports each; cancelling imports nothing.
func (x *Credentials) ImportWithDialog() ([]CredentialFile, error) {
	paths, err := runtime.OpenMultipleFilesDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title: x.s.catalog.Text(x.s.lang(), "DialogImportCredential", nil),
		Filters: []runtime.FileFilter{{
			DisplayName: x.s.catalog.Text(x.s.lang(), "DialogCredentialFiles", nil),
			Pattern:     "*.png;*.svg;*.json;*.jwt;*.txt",
		}},
	})
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		x.s.choose(chosenCredential, p)
	}
	return x.ImportPaths(paths)
}

// ImportPaths imports credential files by path, each on its own: a refused file changes nothing
// and the others still come in. In the production window, only files the learner chose in the
// dialog or dropped on the window (see allowPath).
func (x *Credentials) ImportPaths(paths []string) ([]CredentialFile, error) {
	for _, p := range paths {
		if err := x.s.allowPath(chosenCredential, p); err != nil {
			return nil, err
		}
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]CredentialFile, error) {
		out := []CredentialFile{}
		for _, r := range intake.New(st, intake.Offline()).ImportPaths(ctx, paths) {
			out = append(out, x.file(r))
		}
		return out, nil
	})
}

// ImportData imports one credential file sent by the page itself (a drop or a file input when
// the app is served to a browser).
func (x *Credentials) ImportData(name, data string) (CredentialFile, error) {
	raw, err := base64.StdEncoding.DecodeString(stripDataURL(data))
	if err != nil {
		return CredentialFile{}, fault.New(fault.Invalid, "", "ErrEvidenceUnreadable", "Name", name)
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (CredentialFile, error) {
		return x.file(intake.New(st, intake.Offline()).Import(ctx, name, raw)), nil
	})
}

// CheckAgain verifies again, offline, the original file a microcredential was imported from and
// records the result with today's date.
func (x *Credentials) CheckAgain(id int64) (portfolio.Credential, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (portfolio.Credential, error) {
		return intake.New(st, intake.Offline()).CheckAgain(ctx, id)
	})
}

// AcceptCredentialDrops tells the window that files dropped from now on are credentials to
// import (the microcredentials screen is on show) or, with false, evidence again.
func (x *Credentials) AcceptCredentialDrops(on bool) {
	x.drops.mu.Lock()
	defer x.drops.mu.Unlock()
	x.drops.on = on
}

// dropped imports files dropped on the window while the microcredentials screen is on show and
// tells the page; it reports false when the drop is not for it.
func (x *Credentials) dropped(paths []string) bool {
	x.drops.mu.Lock()
	on := x.drops.on
	x.drops.mu.Unlock()
	if !on || len(paths) == 0 {
		return false
	}
	for _, p := range paths {
		x.s.choose(chosenCredential, p) // dropped by the learner from the file manager
	}
	files, err := x.ImportPaths(paths)
	if err != nil {
		files = []CredentialFile{}
		for _, p := range paths {
			f := CredentialFile{Name: baseName(p), Status: intake.StatusRefused, Credentials: []portfolio.Credential{}}
			f.refusedWith(x.s, err)
			files = append(files, f)
		}
	}
	runtime.EventsEmit(x.s.ctx, CredentialsDroppedEvent, files)
	return true
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == '\\' {
			return p[i+1:]
		}
	}
	return p
}

// file puts one file's outcome into the learner's language.
func (x *Credentials) file(r intake.FileResult) CredentialFile {
	f := CredentialFile{Name: r.Name, Status: r.Status, Format: r.Format, Credentials: []portfolio.Credential{}}
	if r.Err != nil {
		f.refusedWith(x.s, r.Err)
	}
	for _, it := range r.Items {
		f.Credentials = append(f.Credentials, it.Credential)
	}
	return f
}
