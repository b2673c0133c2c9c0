import { beforeEach, describe, expect, it, vi } from 'vitest';

const learnerFile = { path: '/data/portfolios/aminata.passerelle', name: 'Aminata', modified: '' };
const copy = { path: '/usb/aminata.passerelle-share', name: 'Aminata', modified: '' };
const base = { open: true, language: 'en', portfolios: [], dataDir: '/data', notice: '', coachName: '' };
const learnerState = { ...base, current: learnerFile, coach: false, share: {} };
const coachState = {
  ...base,
  current: copy,
  coach: true,
  share: { learnerName: 'Aminata Koné', sharedAt: '2026-03-01T10:00:00Z', target: 'MLT 101' },
};

const thread = (id: string, status: string, authorKind = 'coach', replyTo = '') => ({
  anchor: { kind: 'claim', id: 7, rule: '' },
  item: 'current',
  open: 0,
  comments: [
    { id, anchor: { kind: 'claim', id: 7, rule: '' }, authorKind, authorName: 'Marie', createdAt: `2026-03-0${id.length}`, text: id, suggestedAction: '', replyTo, status, item: 'current', shareId: '', fingerprint: '' },
  ],
});

vi.mock('wailsjs/go/app/Session', () => ({
  State: vi.fn(async () => learnerState),
}));
vi.mock('wailsjs/go/app/Settings', () => ({
  Catalog: vi.fn(async () => ({})),
  SetLanguage: vi.fn(),
}));
vi.mock('wailsjs/go/app/Comments', () => ({
  List: vi.fn(async () => [thread('a', 'open'), thread('bb', 'done'), thread('ccc', 'open', 'learner', 'a')]),
  Reply: vi.fn(async () => ({})),
  MarkDone: vi.fn(async () => {}),
  Dismiss: vi.fn(async () => {}),
  Reopen: vi.fn(async () => {}),
  ImportWithDialog: vi.fn(async () => ({ coachName: '', added: 0, already: 0 })),
  ImportFile: vi.fn(async () => ({ coachName: 'Marie', added: 2, already: 0 })),
  ImportData: vi.fn(async () => ({ coachName: 'Marie', added: 0, already: 2 })),
  AcceptDrops: vi.fn(async () => {}),
}));
vi.mock('wailsjs/go/app/Coach', () => ({
  Comments: vi.fn(async () => [thread('x', 'open')]),
  AddComment: vi.fn(async () => ({})),
  Reply: vi.fn(async () => ({})),
  SetCoachName: vi.fn(async (name: string) => ({ ...coachState, coachName: name })),
  OpenWithDialog: vi.fn(async () => coachState),
  OpenFromCohort: vi.fn(async () => coachState),
  WriteCommentsWithDialog: vi.fn(async () => ({ path: '', comments: 0 })),
  CohortWithDialog: vi.fn(async () => ({ folder: '', learners: [] })),
  Cohort: vi.fn(async (folder: string) => ({
    folder,
    learners: [
      { path: `${folder}/a.passerelle-share`, fileName: 'a.passerelle-share', learnerName: 'Aminata', unreadable: false, problem: '' },
      { path: `${folder}/x.passerelle-share`, fileName: 'x.passerelle-share', learnerName: '', unreadable: true, problem: 'ErrSharedCopyNotShared' },
    ],
  })),
}));
vi.mock('wailsjs/go/app/Share', () => ({ Preview: vi.fn(), WithDialog: vi.fn() }));

const { session } = await import('./session.svelte');
const { coachMode } = await import('./coach.svelte');
const { comments } = await import('./comments.svelte');
const { toCohort } = await import('./coachapi');
const Comments = await import('wailsjs/go/app/Comments');
const Coach = await import('wailsjs/go/app/Coach');

describe('coach mode', () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    await session.apply(learnerState as never);
  });

  it('is off for a learner’s own portfolio, and on with whose copy it is once a shared copy opens', async () => {
    expect(coachMode.active).toBe(false);
    expect(coachMode.info).toBeNull();
    await coachMode.openWithDialog();
    expect(coachMode.active).toBe(true);
    expect(coachMode.info).toEqual({ learnerName: 'Aminata Koné', sharedAt: '2026-03-01T10:00:00Z', coachName: '' });
    await coachMode.setName('Marie-Ève');
    expect(coachMode.info?.coachName).toBe('Marie-Ève');
  });

  it('reads a learner’s comments from her file, a coach’s from the copy', async () => {
    await comments.load();
    expect(Comments.List).toHaveBeenCalled();
    expect(Coach.Comments).not.toHaveBeenCalled();
    expect(comments.items.map((c) => c.id)).toEqual(['a', 'bb', 'ccc']);
    expect(comments.open).toBe(1);

    await coachMode.openWithDialog();
    await comments.load();
    expect(Coach.Comments).toHaveBeenCalled();
    expect(comments.items.map((c) => c.id)).toEqual(['x']);
  });

  it('a reply goes to the side that is open', async () => {
    await comments.reply('a', 'Merci');
    expect(Comments.Reply).toHaveBeenCalledWith('a', 'Merci');
    await coachMode.openWithDialog();
    await comments.reply('a', 'De rien');
    expect(Coach.Reply).toHaveBeenCalledWith('a', 'De rien');
  });

  it('a cancelled import dialog is nothing; a dropped file is imported and the list reloaded', async () => {
    expect(await comments.importWithDialog()).toBeNull();
    const res = await comments.importFile('/home/a/from-coach.passerelle-comments');
    expect(res.added).toBe(2);
    expect(Comments.ImportFile).toHaveBeenCalledWith('/home/a/from-coach.passerelle-comments');
    expect(Comments.List).toHaveBeenCalled();
  });

  it('many items asking to refresh at once make one call', async () => {
    await Promise.all([comments.refresh(), comments.refresh(), comments.refresh()]);
    expect(Comments.List).toHaveBeenCalledTimes(1);
    await comments.refresh();
    expect(Comments.List).toHaveBeenCalledTimes(2);
  });

  it('a file the page read goes to Go as it was read', async () => {
    const res = await comments.importData('from-coach.passerelle-comments', 'eyJ9');
    expect(Comments.ImportData).toHaveBeenCalledWith('from-coach.passerelle-comments', 'eyJ9');
    expect(res.already).toBe(2);
  });
});

describe('toCohort', () => {
  it('splits the readable copies from the files that are not, with Go’s reason', async () => {
    const c = toCohort(await Coach.Cohort('/copies'));
    expect(c?.rows.map((r) => r.learnerName)).toEqual(['Aminata']);
    expect(c?.unreadable).toEqual([{ name: 'x.passerelle-share', reason: 'ErrSharedCopyNotShared' }]);
  });

  it('is nothing for a cancelled folder dialog', async () => {
    expect(toCohort(await Coach.CohortWithDialog())).toBeNull();
  });
});
