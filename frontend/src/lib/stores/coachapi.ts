// The bound Go calls of the coach's side, in one place, with the shapes the screens use.
import {
  AddComment,
  Cohort as ReadCohort,
  LeftOut,
  CohortWithDialog,
  Comments as CoachComments,
  OpenFromCohort,
  OpenWithDialog,
  Reply as CoachReply,
  SetCoachName,
  WriteCommentsWithDialog,
} from 'wailsjs/go/app/Coach';
import {
  AcceptDrops,
  Dismiss,
  ImportData,
  ImportFile,
  ImportWithDialog,
  List,
  MarkDone,
  Reopen,
  Reply,
} from 'wailsjs/go/app/Comments';
import { Preview, WithDialog } from 'wailsjs/go/app/Share';
import { app, comment, share } from 'wailsjs/go/models';

/** SHARE_LARGE_FILE_BYTES is Go's size above which a file counts as large (share.LargeFile). */
export { EVENT_COMMENTS_DROPPED, SHARE_LARGE_FILE_BYTES } from 'wailsjs/values';

/** Anchor names the item a comment is about: kind, id, and for a rule of a claim the rule. */
export type Anchor = Omit<comment.Anchor, 'convertValues' | 'rule'> & { rule?: string };

/** Comment is one comment or reply (Go's comment.Comment). */
export type Comment = comment.Comment;

/** ImportResult is what importing a comments file did. */
export type ImportResult = comment.ImportResult;

/** CommentsDrop is what Go sends with EVENT_COMMENTS_DROPPED: the import of the dropped file, or why it was refused. */
export interface CommentsDrop {
  result: ImportResult | null;
  error: string;
}

/** ShareOptions are the learner's choices for a shared copy. */
export type ShareOptions = Omit<share.Options, 'convertValues'>;

/** SharePreview is exactly what a shared copy would hold and leave out (Go's share.Contents). */
export type SharePreview = share.Contents;

/** CoachInfo is what the banner of coach mode says: whose copy, shared when, and who comments. */
export interface CoachInfo {
  learnerName: string;
  sharedAt: string;
  coachName: string;
}

/** CohortRow is one readable shared copy in a coach's folder. */
export type CohortRow = share.Learner;

/** Unreadable is a file of the folder that is not a shared copy that can be read, and why. */
export interface Unreadable {
  name: string;
  reason: string;
}

/** Cohort is a folder of shared copies: the readable ones, and the others with why. */
export interface Cohort {
  folder: string;
  rows: CohortRow[];
  unreadable: Unreadable[];
}

/** flatten gives Go's threads (one per item) as one list of comments. */
function flatten(threads: comment.Thread[] | null): Comment[] {
  return (threads ?? []).flatMap((th) => th.comments ?? []);
}

/** toCohort splits Go's list of a folder's files into the rows and the files that could not be read. */
export function toCohort(c: app.Cohort | null): Cohort | null {
  if (!c?.folder) return null;
  const all = c.learners ?? [];
  return {
    folder: c.folder,
    rows: all.filter((l) => !l.unreadable),
    unreadable: all.filter((l) => l.unreadable).map((l) => ({ name: l.fileName, reason: l.problem })),
  };
}

/** coachApi is every bound call of the coach's side the stores make. */
export const coachApi = {
  infoOf: (state: app.State | null | undefined): CoachInfo | null =>
    state?.open && state.coach
      ? { learnerName: state.share?.learnerName ?? '', sharedAt: state.share?.sharedAt ?? '', coachName: state.coachName ?? '' }
      : null,
  list: async () => flatten(await List()),
  reply: (id: string, text: string) => Reply(id, text),
  markDone: (id: string) => MarkDone(id),
  dismiss: (id: string) => Dismiss(id),
  reopen: (id: string) => Reopen(id),
  importWithDialog: () => ImportWithDialog(),
  importFile: (path: string) => ImportFile(path),
  importData: (name: string, base64: string) => ImportData(name, base64),
  acceptDrops: (on: boolean) => AcceptDrops(on),
  coachComments: async () => flatten(await CoachComments()),
  coachReply: (id: string, text: string) => CoachReply(id, text),
  addComment: (anchor: Anchor, text: string, suggestedAction: string) =>
    AddComment(comment.New.createFrom({ anchor: { ...anchor, rule: anchor.rule ?? '' }, text, suggestedAction, replyTo: '' })),
  writeCommentsWithDialog: async () => (await WriteCommentsWithDialog())?.path ?? '',
  setName: (name: string) => SetCoachName(name),
  openWithDialog: () => OpenWithDialog(),
  openFromCohort: (path: string) => OpenFromCohort(path),
  leftOut: async () => (await LeftOut()) ?? [],
  cohortWithDialog: async () => toCohort(await CohortWithDialog()),
  cohort: async (folder: string) => toCohort(await ReadCohort(folder)),
  sharePreview: (opts: ShareOptions) => Preview(share.Options.createFrom(opts)),
  shareWithDialog: async (opts: ShareOptions) => (await WithDialog(share.Options.createFrom(opts)))?.path ?? '',
};
