import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (p: unknown) => void;
const listeners = new Map<string, Listener>();
let answer: () => Promise<unknown> = async () => ({});

const written = {
  path: '/home/aminata/Aminata-MLT101-bilingual.pdf',
  pages: 23,
  size: 412_000,
  documentId: 'PSR-7Q4K-2M9X',
  attached: 5,
  notAttached: null,
  notReproduced: ['Photo floue'],
};

vi.mock('wailsjs/go/app/Export', () => ({
  Languages: vi.fn(async () => ['en', 'fr', 'bilingual']),
  SharedNotes: vi.fn(async () => [
    { id: 3, category: 'Coaching', date: '2024-11-20', provider: '', text: 'Plan de reconnaissance', followUp: '', shareWithCoach: true },
  ]),
  WithDialog: vi.fn(() => answer()),
  ToPath: vi.fn(),
  ShowInFolder: vi.fn(async () => {}),
}));

vi.mock('wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, cb: Listener) => {
    listeners.set(name, cb);
    return () => listeners.delete(name);
  }),
}));

const { defaultLanguage, exportPdf, EVENT_EXPORT_PROGRESS, firstWords } = await import('./export.svelte');
const bindings = await import('wailsjs/go/app/Export');
const { resetAreaStores } = await import('./list.svelte');
const { SCREENS } = await import('./nav.svelte');
const { GUIDE_STEP_SCREENS } = await import('./readiness.svelte');

const emit = (done: number, total: number) => listeners.get(EVENT_EXPORT_PROGRESS)?.({ done, total });

describe('export store', () => {
  beforeEach(() => {
    exportPdf.reset();
    vi.clearAllMocks();
  });

  it('lists exactly the notes the learner chose to share', async () => {
    const notes = await exportPdf.loadSharedNotes();
    expect(notes.map((n) => n.category)).toEqual(['Coaching']);
    expect(exportPdf.sharedLoaded).toBe(true);
  });

  it('sends the learner’s choices, follows Go’s progress, then keeps the result', async () => {
    let finish: (v: unknown) => void = () => {};
    answer = () => new Promise((resolve) => (finish = resolve));
    const pending = exportPdf.withDialog(1, 'bilingual', true);

    expect(bindings.WithDialog).toHaveBeenCalledWith({ targetId: 1, language: 'bilingual', includeSharedNotes: true });
    expect(exportPdf.working).toBe(true);
    expect(exportPdf.progress).toBeNull(); // indeterminate until Go's first report
    emit(3, 12);
    expect(exportPdf.progress).toEqual({ done: 3, total: 12 });
    emit(2, 12); // a late report never moves the bar back
    expect(exportPdf.progress).toEqual({ done: 3, total: 12 });

    finish(structuredClone(written));
    const res = await pending;
    expect(res?.pages).toBe(23);
    expect(res?.notAttached).toEqual([]); // Go's null becomes an empty list
    expect(exportPdf.result?.notReproduced).toEqual(['Photo floue']);
    expect(exportPdf.working).toBe(false);
    expect(exportPdf.progress).toBeNull();
    expect(listeners.has(EVENT_EXPORT_PROGRESS)).toBe(false); // no listener left behind
  });

  it('treats a cancelled save dialog as nothing written', async () => {
    answer = async () => ({ path: '', pages: 0, size: 0, documentId: '', attached: 0, notAttached: null, notReproduced: null });
    expect(await exportPdf.withDialog(0, 'en', false)).toBeNull();
    expect(exportPdf.result).toBeNull();
    expect(exportPdf.working).toBe(false);
  });

  it('rejects with Go’s translated error and is ready to try again', async () => {
    answer = async () => {
      throw { code: 'disk_full', message: 'The disk is full, so the PDF was not written.', field: '' };
    };
    await expect(exportPdf.withDialog(1, 'fr', false)).rejects.toMatchObject({ code: 'disk_full' });
    expect(exportPdf.working).toBe(false);
    expect(exportPdf.result).toBeNull();
  });

  it('shows the folder of the file, and forgets the result to export again', async () => {
    answer = async () => structuredClone(written);
    await exportPdf.withDialog(1, 'en', false);
    await exportPdf.showInFolder(written.path);
    expect(bindings.ShowInFolder).toHaveBeenCalledWith(written.path);
    exportPdf.again();
    expect(exportPdf.result).toBeNull();
  });

  it('forgets everything when another portfolio opens', async () => {
    await exportPdf.loadSharedNotes();
    resetAreaStores();
    expect(exportPdf.sharedNotes).toEqual([]);
    expect(exportPdf.sharedLoaded).toBe(false);
  });
});

describe('export choices', () => {
  it('is in the nav right after readiness, and is where the guide’s Export step leads', () => {
    expect(SCREENS.indexOf('export')).toBe(SCREENS.indexOf('readiness') + 1);
    expect(GUIDE_STEP_SCREENS.Export).toBe('export');
  });

  it('defaults to the target’s language of submission, else bilingual', () => {
    expect(defaultLanguage({ language: 'fr' } as never)).toBe('fr');
    expect(defaultLanguage({ language: 'bilingual' } as never)).toBe('bilingual');
    expect(defaultLanguage({ language: '' } as never)).toBe('bilingual');
    expect(defaultLanguage(undefined)).toBe('bilingual');
  });

  it('shows the first words of a note, and says when there is more', () => {
    expect(firstWords('  Plan de   reconnaissance ')).toBe('Plan de reconnaissance');
    expect(firstWords('un deux trois quatre', 3)).toBe('un deux trois…');
    expect(firstWords('')).toBe('');
  });
});
