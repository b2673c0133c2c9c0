package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"sync"

	"passerelle/fault"
	"passerelle/plar"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// OutcomesFile is an outcomes file waiting for the learner to confirm its columns: what the
// page shows, and the ID the import names it by (0: the learner cancelled the dialog).
type OutcomesFile struct {
	ID      int64        `json:"id"`
	Name    string       `json:"name"`
	Preview plar.Preview `json:"preview"`
}

// OutcomesDrop is what the window reports after a file is dropped on the outcomes import: the
// file to preview, or why it was refused, in the learner's language.
type OutcomesDrop struct {
	File  OutcomesFile `json:"file"`
	Error string       `json:"error"`
}

// OutcomesDroppedEvent is the event name the outcomes import listens on for native drops.
const OutcomesDroppedEvent = "outcomes:dropped"

// pendingOutcomes holds the one outcomes file the learner is looking at. Its bytes stay in Go
// between the preview and the import, so no path ever travels back from the page.
type pendingOutcomes struct {
	mu      sync.Mutex
	lastID  int64
	file    OutcomesFile
	data    []byte
	dropsOn bool
}

// hold keeps a previewed file as the pending one, or forgets the pending one when the new file
// was refused, so an import never takes a file other than the one on screen.
func (p *pendingOutcomes) hold(name string, data []byte) (OutcomesFile, error) {
	preview, err := plar.PreviewOutcomes(data)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastID++
	if err != nil {
		p.file, p.data = OutcomesFile{}, nil
		return OutcomesFile{}, err
	}
	p.file = OutcomesFile{ID: p.lastID, Name: name, Preview: preview}
	p.data = data
	return p.file, nil
}

// forget drops the pending file: the learner's last choice was refused.
func (p *pendingOutcomes) forget() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.file, p.data = OutcomesFile{}, nil
}

// take returns the pending file's bytes if id is still the one on screen.
func (p *pendingOutcomes) take(id int64) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if id == 0 || id != p.file.ID || p.data == nil {
		return nil, fault.New(fault.Invalid, "", "ErrImportChooseAgain")
	}
	return p.data, nil
}

// done forgets the file once its outcomes are in.
func (p *pendingOutcomes) done(id int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.file.ID == id {
		p.file, p.data = OutcomesFile{}, nil
	}
}

// PreviewOutcomesWithDialog lets the learner choose a CSV or JSON file in the native dialog and
// shows its first rows and guessed columns; nothing is imported yet.
func (x *Targets) PreviewOutcomesWithDialog() (OutcomesFile, error) {
	path, err := runtime.OpenFileDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title:   x.s.catalog.Text(x.s.lang(), "DialogImportOutcomes", nil),
		Filters: []runtime.FileFilter{{DisplayName: "CSV, JSON", Pattern: "*.csv;*.json;*.txt"}},
	})
	if err != nil {
		return OutcomesFile{}, fmt.Errorf("import dialog: %w", err)
	}
	if path == "" {
		return OutcomesFile{}, nil
	}
	return x.previewPath(path)
}

// PreviewOutcomesData previews a file the page read itself (a drop or the file control in a
// plain browser), sent as base64 or a data URL.
func (x *Targets) PreviewOutcomesData(name, data string) (OutcomesFile, error) {
	raw, err := base64.StdEncoding.DecodeString(stripDataURL(data))
	if err != nil {
		x.pending.forget()
		return OutcomesFile{}, fault.New(fault.Invalid, "", "ErrImportDataInvalid")
	}
	return x.pending.hold(filepath.Base(name), raw)
}

// ImportOutcomes adds the outcomes of the previewed file, read from the columns the learner
// chose, to a target: all of them or, on the first bad row, none.
func (x *Targets) ImportOutcomes(targetID, fileID int64, columns plar.Columns) ([]plar.Outcome, error) {
	data, err := x.pending.take(fileID)
	if err != nil {
		return nil, err
	}
	outcomes, err := plar.ParseOutcomesWith(data, columns)
	if err != nil {
		return nil, err
	}
	added, err := withPlar(x.s, func(ctx context.Context, ps *plar.Store) ([]plar.Outcome, error) {
		return ps.AddOutcomes(ctx, targetID, outcomes)
	})
	if err != nil {
		return nil, err
	}
	x.pending.done(fileID)
	return added, nil
}

// AcceptOutcomeDrops tells the window that files dropped from now on are outcomes files (the
// import is on screen) or, with false, evidence again.
func (x *Targets) AcceptOutcomeDrops(on bool) {
	x.pending.mu.Lock()
	defer x.pending.mu.Unlock()
	x.pending.dropsOn = on
}

// dropped previews the first file dropped on the window while the outcomes import is on
// screen and tells the page; it reports false when the drop is not for it.
func (x *Targets) dropped(paths []string) bool {
	x.pending.mu.Lock()
	on := x.pending.dropsOn
	x.pending.mu.Unlock()
	if !on || len(paths) == 0 {
		return false
	}
	runtime.EventsEmit(x.s.ctx, OutcomesDroppedEvent, x.previewDrop(paths[0]))
	return true
}

// previewDrop previews one dropped file, with any refusal already in the learner's language.
func (x *Targets) previewDrop(path string) OutcomesDrop {
	f, err := x.previewPath(path)
	if err != nil {
		return OutcomesDrop{Error: x.s.uiError(err).Message}
	}
	return OutcomesDrop{File: f}
}

func (x *Targets) previewPath(path string) (OutcomesFile, error) {
	data, err := plar.ReadOutcomesFile(path)
	if err != nil {
		x.pending.forget()
		return OutcomesFile{}, err
	}
	return x.pending.hold(filepath.Base(path), data)
}
