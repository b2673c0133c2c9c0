package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Services are the structs bound to the window, one per area of the app.
type Services struct {
	Session     *Session
	Settings    *Settings
	Profile     *Profile
	Experiences *Experiences
	Credentials *Credentials
	Evidence    *Evidence
	Support     *Support
	Targets     *Targets
	Claims      *Claims
	Readiness   *Readiness
	Data        *Data
	Export      *Export
	Window      *Window
	Share       *Share
	Coach       *Coach
	Comments    *Comments
}

// NewServices builds every service over one session.
func NewServices(s *Session) *Services {
	return &Services{Session: s, Settings: &Settings{s}, Profile: &Profile{s},
		Experiences: &Experiences{s}, Credentials: &Credentials{s}, Evidence: &Evidence{s}, Support: &Support{s},
		Targets: &Targets{s: s}, Claims: &Claims{s}, Readiness: &Readiness{s}, Data: &Data{s},
		Export: &Export{s}, Window: newWindow(), Share: &Share{s}, Coach: &Coach{s: s}, Comments: &Comments{s: s}}
}

// Bind lists the services in the form Wails binds.
func (v *Services) Bind() []any {
	return []any{v.Session, v.Settings, v.Profile, v.Experiences, v.Credentials, v.Evidence, v.Support,
		v.Targets, v.Claims, v.Readiness, v.Data, v.Export, v.Window, v.Share, v.Coach, v.Comments}
}

// Startup wires the window's context in: reopening the last portfolio and native file drops.
func (v *Services) Startup(ctx context.Context) {
	v.Data.startup(ctx)
	v.Window.startup(ctx)
	v.Session.startup(ctx)
	runtime.OnFileDrop(ctx, func(_, _ int, paths []string) {
		// While the outcomes import is on screen, a dropped file is an outcomes file to preview.
		if !v.Targets.dropped(paths) && !v.Comments.dropped(paths) {
			v.Evidence.dropped(paths)
		}
	})
}

// BeforeClose keeps the window open while the page holds unsaved changes, and asks the page
// to let the learner save, discard or keep editing them.
func (v *Services) BeforeClose(ctx context.Context) (prevent bool) { return v.Window.beforeClose(ctx) }

// Shutdown closes the open portfolio when the window closes.
func (v *Services) Shutdown(ctx context.Context) { v.Session.shutdown(ctx) }

// FormatError is the one place an error becomes a translated message for the page;
// unexpected errors are logged and shown as a calm, generic message.
func (v *Services) FormatError(err error) any { return v.Session.uiError(err) }
