import { describe, expect, it, vi } from 'vitest';

const outcome = { id: 11, targetId: 1, code: 'MLT101-1', textEn: 'Apply biosafety.', textFr: '' };
let rows = [
  { id: 1, name: 'MLT 101', language: 'bilingual', currencyYears: 5, methods: ['Portfolio'], outcomes: [outcome] },
  { id: 2, name: 'MLT 102', language: 'en', currencyYears: 5, methods: [], outcomes: [] },
];

vi.mock('wailsjs/go/app/Targets', () => ({
  List: vi.fn(async () => rows.map((r) => ({ ...r }))),
  Save: vi.fn(async (t: { id: number }) => {
    const saved = { ...t, id: t.id || 3 };
    rows = [...rows.filter((r) => r.id !== saved.id), saved as (typeof rows)[number]];
    return saved;
  }),
  Delete: vi.fn(async (id: number) => {
    rows = rows.filter((r) => r.id !== id);
  }),
  SaveOutcome: vi.fn(async (o: { id: number }) => ({ ...o, id: o.id || 12 })),
  DeleteOutcome: vi.fn(async () => {}),
  ImportOutcomesData: vi.fn(async (_id: number, data: string) => {
    if (data.includes(btoa('bad'))) {
      throw { code: 'invalid', message: 'Row 3 has no code. Nothing was imported.', field: '' };
    }
    return [outcome, { ...outcome, id: 13, code: 'MLT101-2' }];
  }),
  ImportOutcomesWithDialog: vi.fn(async () => null),
  Methods: vi.fn(async () => ['Portfolio', 'ChallengeExam', 'Interview', 'Demonstration']),
}));

// Node has Blob but no FileReader: a minimal one, reading as a data URL like the browser's.
class NodeFileReader {
  result: string | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(blob: Blob): void {
    blob.arrayBuffer().then((buf) => {
      this.result = `data:${blob.type};base64,${btoa(String.fromCharCode(...new Uint8Array(buf)))}`;
      this.onload?.();
    });
  }
}
vi.stubGlobal('FileReader', NodeFileReader);

const { targets, blankTarget, inLanguage, outcomeText, MAX_IMPORT_BYTES, PLAR_METHODS, TARGET_LANGUAGES } = await import(
  './targets.svelte'
);
const bindings = await import('wailsjs/go/app/Targets');
const { resetAreaStores } = await import('./list.svelte');

/** A Blob FileReader can read in node. */
function file(text: string, size?: number): Blob {
  const b = new Blob([text], { type: 'text/csv' });
  if (size !== undefined) Object.defineProperty(b, 'size', { value: size });
  return b;
}

describe('targets store', () => {
  it('loads the targets and shows the first one', async () => {
    await targets.load();
    expect(targets.items.map((t) => t.name)).toEqual(['MLT 101', 'MLT 102']);
    expect(targets.selected?.id).toBe(1);
    targets.select(2);
    expect(targets.selected?.name).toBe('MLT 102');
  });

  it('selects a new target once it is saved', async () => {
    const saved = await targets.save({ ...blankTarget(), name: 'BIO 200' });
    expect(saved.id).toBe(3);
    expect(targets.selectedId).toBe(3);
    const sent = vi.mocked(bindings.Save).mock.calls[0][0];
    expect(sent.currencyYears).toBe(5);
    expect(sent.methods).toEqual([]);
  });

  it('falls back to the first target when the shown one is deleted', async () => {
    await targets.remove(3);
    await targets.load();
    expect(targets.selectedId).toBe(1);
  });

  it('sends an outcomes file as base64 and reloads the targets', async () => {
    vi.mocked(bindings.List).mockClear();
    const added = await targets.importFile(1, file('code,text_en\nMLT101-1,Apply\n'));
    expect(added).toHaveLength(2);
    const [id, data] = vi.mocked(bindings.ImportOutcomesData).mock.calls[0];
    expect(id).toBe(1);
    expect(atob(data)).toBe('code,text_en\nMLT101-1,Apply\n');
    expect(bindings.List).toHaveBeenCalledTimes(1);
  });

  it('passes on Go’s translated refusal', async () => {
    await expect(targets.importFile(1, file('bad'))).rejects.toEqual({
      code: 'invalid',
      message: 'Row 3 has no code. Nothing was imported.',
      field: '',
    });
  });

  it('refuses a file over the limit without reading it', async () => {
    vi.mocked(bindings.ImportOutcomesData).mockClear();
    await expect(targets.importFile(1, file('x', MAX_IMPORT_BYTES + 1))).rejects.toMatchObject({
      code: 'too_large',
    });
    expect(bindings.ImportOutcomesData).not.toHaveBeenCalled();
  });

  it('gives [] when the learner cancels the dialog', async () => {
    expect(await targets.importWithDialog(1)).toEqual([]);
  });

  it('forgets the selection when another portfolio opens', () => {
    targets.select(2);
    resetAreaStores();
    expect(targets.selectedId).toBe(0);
    expect(targets.items).toEqual([]);
  });

  it('offers the methods and languages Go knows, not a copy of them', async () => {
    const go = await import('wailsjs/values');
    expect(PLAR_METHODS).toBe(go.PLAR_METHODS);
    expect(TARGET_LANGUAGES).toBe(go.TARGET_LANGUAGES);
    expect(blankTarget().language).toBe(go.TARGET_LANGUAGES[0]);
  });
});

describe('inLanguage', () => {
  it('prefers the UI language and says which language the text is in', () => {
    expect(inLanguage('Apply', 'Appliquer', 'fr')).toEqual({ text: 'Appliquer', lang: 'fr' });
    expect(inLanguage('Apply', 'Appliquer', 'en')).toEqual({ text: 'Apply', lang: 'en' });
    expect(inLanguage('Apply', '  ', 'fr')).toEqual({ text: 'Apply', lang: 'en' });
    expect(outcomeText({ ...outcome, textEn: '', textFr: 'Appliquer' } as never, 'en')).toEqual({
      text: 'Appliquer',
      lang: 'fr',
    });
  });
});
