package app

import (
	"context"
	"testing"
)

func TestWindow_CloseAsksFirstOnlyWhileAFormHoldsUnsavedChanges(t *testing.T) {
	w := newWindow()
	var events []string
	quits := 0
	w.emit = func(event string, _ ...any) { events = append(events, event) }
	w.quit = func(context.Context) { quits++ }
	v := &Services{Window: w}

	if v.BeforeClose(context.Background()) {
		t.Fatal("nothing unsaved, yet closing the window was stopped")
	}
	if len(events) != 0 {
		t.Fatalf("nothing unsaved, yet the page was asked: %v", events)
	}

	w.SetUnsaved(true)
	if !v.BeforeClose(context.Background()) {
		t.Fatal("a form held unsaved changes and the window closed anyway: typed text lost")
	}
	if len(events) != 1 || events[0] != EventCloseRequested {
		t.Fatalf("the page was not asked to let the learner choose: %v", events)
	}

	// The learner saved or discarded: the page quits, and this time the window may close.
	w.Quit()
	if quits != 1 {
		t.Fatalf("Quit did not close the window (%d calls)", quits)
	}
	if v.BeforeClose(context.Background()) {
		t.Fatal("after the learner chose, closing was still stopped")
	}

	// Keep editing, then the form is saved: the page says nothing is unsaved any more.
	w.SetUnsaved(true)
	w.SetUnsaved(false)
	if v.BeforeClose(context.Background()) {
		t.Fatal("the form was saved, yet closing was stopped")
	}
}
