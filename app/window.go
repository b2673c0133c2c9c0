package app

import (
	"context"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// EventCloseRequested tells the page the learner asked to close the window while a form held
// unsaved changes: the page asks "Save / Discard / Keep editing" and then calls Window.Quit.
const EventCloseRequested = "window:close-requested"

// Window lets the page say whether a form holds unsaved changes, so that closing the window
// asks the learner first instead of dropping what they typed.
type Window struct {
	mu      sync.Mutex
	ctx     context.Context
	unsaved bool
	emit    func(event string, data ...any)
	quit    func(ctx context.Context)
}

// newWindow builds the close guard; emit and quit reach the real window once Startup ran.
func newWindow() *Window {
	return &Window{ctx: context.Background(), emit: func(string, ...any) {}, quit: func(context.Context) {}}
}

// startup wires the window's context in, so the guard can send events and quit.
func (w *Window) startup(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ctx = ctx
	w.emit = func(event string, data ...any) { runtime.EventsEmit(ctx, event, data...) }
	w.quit = runtime.Quit
}

// SetUnsaved records whether a form on the page holds changes not yet saved.
func (w *Window) SetUnsaved(unsaved bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.unsaved = unsaved
}

// Quit closes the window once the page has dealt with its unsaved changes (saved or, by the
// learner's choice, discarded them).
func (w *Window) Quit() {
	w.mu.Lock()
	w.unsaved = false
	ctx, quit := w.ctx, w.quit
	w.mu.Unlock()
	quit(ctx)
}

// beforeClose keeps the window open while a form holds unsaved changes and asks the page to
// let the learner choose; with nothing unsaved the window closes at once.
func (w *Window) beforeClose(context.Context) (prevent bool) {
	w.mu.Lock()
	unsaved, emit := w.unsaved, w.emit
	w.mu.Unlock()
	if unsaved {
		emit(EventCloseRequested)
	}
	return unsaved
}
