package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"passerelle/comment"
	"passerelle/fault"
	"passerelle/portfolio"
	"passerelle/share"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// What paths chosen in a native dialog (or dropped) are for, on the coach's side.
const (
	chosenShare    = "share"    // a shared copy to write for a coach
	chosenComments = "comments" // a comments file to write (coach) or import (learner)
	chosenCohort   = "cohort"   // a folder of shared copies
)

// CommentsDroppedEvent is the event the page listens on for a comments file dropped on the
// window while the comments import accepts drops: its data is a CommentsDrop.
const CommentsDroppedEvent = "comments:dropped"

// CommentsDrop is what the window reports after a comments file is dropped: what the import
// did, or why it was refused, already in the learner's language.
type CommentsDrop struct {
	Result comment.ImportResult `json:"result"`
	Error  string               `json:"error"`
}

// Share serves the learner's "Share with my coach".
type Share struct{ s *Session }

// Preview says exactly what a shared copy written now with opts would hold.
func (x *Share) Preview(opts share.Options) (share.Contents, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (share.Contents, error) {
		return share.Preview(ctx, st, opts)
	})
}

// WithDialog asks where to save the shared copy with the native dialog, then writes it there;
// a cancelled dialog writes nothing and returns an empty Result.
func (x *Share) WithDialog(opts share.Options) (share.Result, error) {
	name, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (string, error) {
		l, err := st.Learner(ctx)
		return portfolio.FileSlug(firstOf(l.DisplayName, l.LegalName, "portfolio")) + portfolio.SharedFileExtension, err
	})
	if err != nil {
		return share.Result{}, err
	}
	path, err := x.s.saveDialog("DialogShareWithCoach", name, portfolio.SharedFileExtension)
	if err != nil || path == "" {
		return share.Result{}, err
	}
	path = share.OutPath(path)
	x.s.choose(chosenShare, path)
	return x.ToPath(opts, path)
}

// ToPath writes the shared copy to path; in the production window, only to a path the learner
// chose in the save dialog (see allowPath).
func (x *Share) ToPath(opts share.Options, path string) (share.Result, error) {
	if err := x.s.allowPath(chosenShare, share.OutPath(path)); err != nil {
		return share.Result{}, err
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (share.Result, error) {
		opts.Now = x.s.now
		return share.Write(ctx, st, path, opts)
	})
}

// Coach serves coach mode: a shared copy open read-only, the coach's comments, and the cohort.
type Coach struct {
	s *Session

	once   sync.Once
	cohort *share.Cohort // made on first use, with its cache file in the data folder
}

// OpenWithDialog lets the coach pick a shared copy with the native dialog and opens it in
// coach mode; a cancelled dialog changes nothing.
func (x *Coach) OpenWithDialog() (State, error) {
	path, err := runtime.OpenFileDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title: x.s.catalog.Text(x.s.lang(), "DialogOpenSharedCopy", nil),
		Filters: []runtime.FileFilter{{DisplayName: "Passerelle (*" + portfolio.SharedFileExtension + ")",
			Pattern: "*" + portfolio.SharedFileExtension}},
	})
	if err != nil {
		return State{}, fmt.Errorf("open dialog: %w", err)
	}
	if path == "" {
		return x.s.State()
	}
	x.s.choose(chosenPortfolio, path)
	return x.Open(path)
}

// Open opens a shared copy in coach mode (a learner's portfolio is refused with
// ErrSharedCopyIsPortfolio); in the production window, only one chosen in the dialog or
// listed in the cohort.
func (x *Coach) Open(path string) (State, error) {
	if !strings.HasSuffix(strings.ToLower(path), portfolio.SharedFileExtension) {
		if err := portfolio.CheckSharedCopy(path); err != nil {
			return State{}, err
		}
	}
	return x.s.Open(path)
}

// OpenFromCohort opens one of the copies the cohort list showed, in coach mode.
func (x *Coach) OpenFromCohort(path string) (State, error) { return x.Open(path) }

// LeftOut lists the SHA-256 of the evidence files the learner left out of this copy as large:
// their description is there, their bytes are not.
func (x *Coach) LeftOut() ([]string, error) {
	return withShared(x.s, func(ctx context.Context, st *portfolio.Store) ([]string, error) {
		return st.LeftOutFiles(ctx)
	})
}

// SetCoachName remembers the coach's name in the open shared copy.
func (x *Coach) SetCoachName(name string) (State, error) {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, st.SetCoachName(ctx, name)
	})
	if err != nil {
		return State{}, err
	}
	return x.s.State()
}

// AddComment writes the coach's comment on one item of the open shared copy.
func (x *Coach) AddComment(n comment.New) (comment.Comment, error) {
	return withShared(x.s, func(ctx context.Context, st *portfolio.Store) (comment.Comment, error) {
		return comment.Add(ctx, st, n)
	})
}

// Reply answers a comment (the learner's reply to an earlier comment, most often).
func (x *Coach) Reply(id, text string) (comment.Comment, error) {
	return withShared(x.s, func(ctx context.Context, st *portfolio.Store) (comment.Comment, error) {
		return comment.Reply(ctx, st, id, text)
	})
}

// Comments lists the comments of the open shared copy, item by item.
func (x *Coach) Comments() ([]comment.Thread, error) {
	return withShared(x.s, func(ctx context.Context, st *portfolio.Store) ([]comment.Thread, error) {
		return comment.List(ctx, st)
	})
}

// WriteCommentsWithDialog asks where to save the comments file, then writes it; a cancelled
// dialog writes nothing and returns an empty result.
func (x *Coach) WriteCommentsWithDialog() (comment.WriteResult, error) {
	name, err := withShared(x.s, func(ctx context.Context, st *portfolio.Store) (string, error) {
		info, err := st.ShareInfo(ctx)
		return portfolio.FileSlug(firstOf(info.LearnerName, "learner")) + "-comments" + comment.FileExtension, err
	})
	if err != nil {
		return comment.WriteResult{}, err
	}
	path, err := x.s.saveDialog("DialogWriteComments", name, comment.FileExtension)
	if err != nil || path == "" {
		return comment.WriteResult{}, err
	}
	path = comment.FilePath(path)
	x.s.choose(chosenComments, path)
	return x.WriteCommentsTo(path)
}

// WriteCommentsTo writes the comments file to path; in the production window, only to a path
// chosen in the save dialog.
func (x *Coach) WriteCommentsTo(path string) (comment.WriteResult, error) {
	if err := x.s.allowPath(chosenComments, comment.FilePath(path)); err != nil {
		return comment.WriteResult{}, err
	}
	return withShared(x.s, func(ctx context.Context, st *portfolio.Store) (comment.WriteResult, error) {
		return comment.WriteFile(ctx, st, path)
	})
}

// CohortWithDialog asks for the folder where the coach keeps shared copies, then lists it;
// a cancelled dialog returns an empty Cohort.
func (x *Coach) CohortWithDialog() (Cohort, error) {
	dir, err := runtime.OpenDirectoryDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title: x.s.catalog.Text(x.s.lang(), "DialogCohortFolder", nil),
	})
	if err != nil {
		return Cohort{}, fmt.Errorf("cohort dialog: %w", err)
	}
	if dir == "" {
		return Cohort{Learners: []share.Learner{}}, nil
	}
	x.s.choose(chosenCohort, dir)
	return x.Cohort(dir)
}

// Cohort is a coach's list of the shared copies in one folder.
type Cohort struct {
	Folder   string          `json:"folder"`
	Learners []share.Learner `json:"learners"`
}

// Cohort lists the shared copies in folder (see share.Cohort); each listed copy may then be
// opened with OpenFromCohort. In the production window, only a folder chosen in the dialog.
func (x *Coach) Cohort(folder string) (Cohort, error) {
	if err := x.s.allowPath(chosenCohort, folder); err != nil {
		return Cohort{}, err
	}
	x.once.Do(func() { x.cohort = share.NewCohort(filepath.Join(x.s.dataDir, "cohort-cache.json")) })
	list, err := x.cohort.List(x.s.ctx, folder)
	if err != nil {
		return Cohort{}, err
	}
	for _, l := range list {
		x.s.choose(chosenPortfolio, l.Path)
	}
	return Cohort{Folder: folder, Learners: list}, nil
}

// Comments serves the learner's side of the comments: import, the list, replies, status.
type Comments struct {
	s *Session

	mu      sync.Mutex
	dropsOn bool // the comments import is on screen: a dropped comments file is imported
}

// AcceptDrops tells the window that a comments file dropped from now on is to be imported (the
// import is on screen) or, with false, that drops go elsewhere again.
func (x *Comments) AcceptDrops(on bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.dropsOn = on
}

// ImportData imports a comments file the page itself read (a drop or a file input in a
// browser), given as base64 (a data: URL is accepted too).
func (x *Comments) ImportData(name, data string) (comment.ImportResult, error) {
	raw, err := base64.StdEncoding.DecodeString(stripDataURL(data))
	if err != nil {
		return comment.ImportResult{}, fault.New(fault.Unsupported, "", "ErrCommentsFileNotComments")
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (comment.ImportResult, error) {
		return comment.Import(ctx, st, raw)
	})
}

// ImportWithDialog asks for a comments file with the native dialog, then imports it; a
// cancelled dialog imports nothing and returns an empty result.
func (x *Comments) ImportWithDialog() (comment.ImportResult, error) {
	path, err := runtime.OpenFileDialog(x.s.ctx, runtime.OpenDialogOptions{
		Title: x.s.catalog.Text(x.s.lang(), "DialogImportComments", nil),
		Filters: []runtime.FileFilter{{DisplayName: "Passerelle (*" + comment.FileExtension + ")",
			Pattern: "*" + comment.FileExtension}},
	})
	if err != nil {
		return comment.ImportResult{}, fmt.Errorf("open dialog: %w", err)
	}
	if path == "" {
		return comment.ImportResult{}, nil
	}
	x.s.choose(chosenComments, path)
	return x.ImportFile(path)
}

// ImportFile imports the coach's comments file at path (checked whole first; another learner's
// is refused); in the production window, only a file chosen in the dialog or dropped.
func (x *Comments) ImportFile(path string) (comment.ImportResult, error) {
	if err := x.s.allowPath(chosenComments, path); err != nil {
		return comment.ImportResult{}, err
	}
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (comment.ImportResult, error) {
		return comment.ImportFile(ctx, st, path)
	})
}

// List lists the comments item by item, each saying whether its item changed or was deleted
// since the coach saw it.
func (x *Comments) List() ([]comment.Thread, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) ([]comment.Thread, error) {
		return comment.List(ctx, st)
	})
}

// Reply answers a coach's comment; the reply goes back in the next shared copy.
func (x *Comments) Reply(id, text string) (comment.Comment, error) {
	return withStore(x.s, func(ctx context.Context, st *portfolio.Store) (comment.Comment, error) {
		return comment.Reply(ctx, st, id, text)
	})
}

// MarkDone marks a comment done.
func (x *Comments) MarkDone(id string) error { return x.setStatus(id, comment.StatusDone) }

// Dismiss sets a comment aside without acting on it.
func (x *Comments) Dismiss(id string) error { return x.setStatus(id, comment.StatusDismissed) }

// Reopen puts a comment marked done or dismissed back among the open ones.
func (x *Comments) Reopen(id string) error { return x.setStatus(id, comment.StatusOpen) }

func (x *Comments) setStatus(id, status string) error {
	_, err := withStore(x.s, func(ctx context.Context, st *portfolio.Store) (struct{}, error) {
		return struct{}{}, comment.SetStatus(ctx, st, id, status)
	})
	return err
}

// dropped imports the first file dropped on the window while the comments import accepts
// drops (or any file named like a comments file) and tells the page what happened; it reports
// false when the drop is not for it.
func (x *Comments) dropped(paths []string) bool {
	x.mu.Lock()
	on := x.dropsOn
	x.mu.Unlock()
	if len(paths) == 0 || !(on || strings.HasSuffix(strings.ToLower(paths[0]), comment.FileExtension)) {
		return false
	}
	x.s.choose(chosenComments, paths[0]) // dropped by the learner from the file manager
	runtime.EventsEmit(x.s.ctx, CommentsDroppedEvent, x.importDrop(paths[0]))
	return true
}

// importDrop imports one dropped file, with any refusal already in the learner's language.
func (x *Comments) importDrop(path string) CommentsDrop {
	res, err := x.ImportFile(path)
	if err != nil {
		return CommentsDrop{Error: x.s.uiError(err).Message}
	}
	return CommentsDrop{Result: res}
}

// withShared is withStore for what only coach mode does.
func withShared[T any](s *Session, fn func(context.Context, *portfolio.Store) (T, error)) (T, error) {
	return withStore(s, func(ctx context.Context, st *portfolio.Store) (T, error) {
		if !st.Shared() {
			var zero T
			return zero, fault.New(fault.Conflict, "", "ErrNotSharedCopy")
		}
		return fn(ctx, st)
	})
}

// saveDialog asks where to save a file named name, with its extension's filter; "" when
// cancelled.
func (s *Session) saveDialog(titleID, name, ext string) (string, error) {
	home, _ := os.UserHomeDir()
	path, err := runtime.SaveFileDialog(s.ctx, runtime.SaveDialogOptions{
		Title: s.catalog.Text(s.lang(), titleID, nil), DefaultDirectory: home, DefaultFilename: name,
		Filters: []runtime.FileFilter{{DisplayName: "Passerelle (*" + ext + ")", Pattern: "*" + ext}},
	})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	return path, nil
}

func firstOf(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
