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
  PreviewOutcomesData: vi.fn(async (name: string, data: string) => {
    if (data.includes(btoa('bad'))) {
      throw { code: 'invalid', message: 'Row 3 cannot be read. Nothing was imported.', field: '' };
    }
    return {
      id: 7,
      name,
      preview: { format: 'csv', header: ['Code', 'Résultat', 'Outcome'], rows: [], count: 2, guess: { code: 0, en: 2, fr: 1 } },
    };
  }),
  PreviewOutcomesWithDialog: vi.fn(async () => ({ id: 0, name: '', preview: null })),
  ImportOutcomes: vi.fn(async (_target: number, fileId: number, columns: { code: number; en: number }) => {
    if (columns.code === columns.en) {
      throw { code: 'invalid', message: 'The column “Code” cannot hold two things.', field: 'columns' };
    }
    return fileId === 7 ? [outcome, { ...outcome, id: 13, code: 'MLT101-2' }] : [];
  }),
  AcceptOutcomeDrops: vi.fn(async () => {}),
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

const {
  targets,
  blankTarget,
  columnName,
  columnClash,
  columnRoles,
  inLanguage,
  outcomeText,
  MAX_IMPORT_BYTES,
  NO_COLUMN,
  PLAR_METHODS,
  TARGET_LANGUAGES,
  resolveNativeDrop,
} = await import('./targets.svelte');
const bindings = await import('wailsjs/go/app/Targets');
const { resetAreaStores } = await import('./list.svelte');

/** A File FileReader can read in node. */
function file(text: string, size?: number): File {
  const f = new File([text], 'soins.csv', { type: 'text/csv' });
  if (size !== undefined) Object.defineProperty(f, 'size', { value: size });
  return f;
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

  it('sends an outcomes file as base64 for a preview, and imports nothing yet', async () => {
    vi.mocked(bindings.List).mockClear();
    const shown = await targets.previewFile(file('Code;Résultat;Outcome\nA1;Un;One\n'));
    expect(shown.id).toBe(7);
    expect(shown.preview.guess).toEqual({ code: 0, en: 2, fr: 1 });
    const [name, data] = vi.mocked(bindings.PreviewOutcomesData).mock.calls[0];
    expect(name).toBe('soins.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)))).toBe(
      'Code;Résultat;Outcome\nA1;Un;One\n',
    );
    expect(bindings.ImportOutcomes).not.toHaveBeenCalled();
    expect(bindings.List).not.toHaveBeenCalled();
  });

  it('imports the previewed file with the chosen columns and reloads the targets', async () => {
    vi.mocked(bindings.List).mockClear();
    const added = await targets.importPreviewed(1, 7, { code: 0, en: 2, fr: 1 });
    expect(added).toHaveLength(2);
    const [targetId, fileId, columns] = vi.mocked(bindings.ImportOutcomes).mock.calls[0];
    expect([targetId, fileId]).toEqual([1, 7]);
    expect({ ...columns }).toEqual({ code: 0, en: 2, fr: 1 });
    expect(bindings.List).toHaveBeenCalledTimes(1);
  });

  it('passes on Go’s translated refusal of a file or of the columns', async () => {
    await expect(targets.previewFile(file('bad'))).rejects.toEqual({
      code: 'invalid',
      message: 'Row 3 cannot be read. Nothing was imported.',
      field: '',
    });
    await expect(targets.importPreviewed(1, 7, { code: 0, en: 0, fr: NO_COLUMN })).rejects.toMatchObject({
      field: 'columns',
      message: 'The column “Code” cannot hold two things.',
    });
  });

  it('refuses a file over the limit without reading it', async () => {
    vi.mocked(bindings.PreviewOutcomesData).mockClear();
    await expect(targets.previewFile(file('x', MAX_IMPORT_BYTES + 1))).rejects.toMatchObject({
      code: 'too_large',
    });
    expect(bindings.PreviewOutcomesData).not.toHaveBeenCalled();
  });

  it('gives a file with id 0 when the learner cancels the dialog', async () => {
    expect((await targets.previewWithDialog()).id).toBe(0);
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
    expect(blankTarget('fr').language).toBe('fr');
    expect(blankTarget('de').language).toBe('en');
  });
});

describe('columnRoles', () => {
  it('marks each column with the role the mapping gives it, and leaves the others blank', () => {
    expect(columnRoles({ code: 0, en: 2, fr: 1 }, 4)).toEqual(['code', 'fr', 'en', '']);
    expect(columnRoles({ code: 1, en: NO_COLUMN, fr: 3 }, 4)).toEqual(['', 'code', '', 'fr']);
    expect(columnRoles({ code: NO_COLUMN, en: NO_COLUMN, fr: NO_COLUMN }, 2)).toEqual(['', '']);
  });

  it('names a column by its header, or by nothing when the header is blank', () => {
    expect(columnName(['  Résultat ', ''], 0)).toBe('Résultat');
    expect(columnName(['  Résultat ', ''], 1)).toBe('');
    expect(columnName(['Code'], 5)).toBe('');
  });
});

describe('resolveNativeDrop', () => {
  it('hands dropped files to Wails with the drop point only where the webview can resolve paths', () => {
    const dropped = [new File(['code'], 'a.csv')];
    const ResolveFilePaths = vi.fn();
    vi.stubGlobal('window', { runtime: { CanResolveFilePaths: () => true, ResolveFilePaths } });
    expect(resolveNativeDrop(40, 300, dropped)).toBe(true);
    expect(ResolveFilePaths).toHaveBeenCalledWith(40, 300, dropped);
    // WebKitGTK: Go hears about the drop from GTK itself.
    vi.stubGlobal('window', { runtime: { CanResolveFilePaths: () => false, ResolveFilePaths } });
    expect(resolveNativeDrop(40, 300, dropped)).toBe(false);
    vi.stubGlobal('window', {});
    expect(resolveNativeDrop(40, 300, dropped)).toBe(false);
    expect(ResolveFilePaths).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
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

describe('columnClash', () => {
  it('finds a column chosen for two roles, and only then', () => {
    expect(columnClash({ code: 0, en: 2, fr: 1 })).toBeNull();
    expect(columnClash({ code: 1, en: NO_COLUMN, fr: NO_COLUMN })).toBeNull();
    expect(columnClash({ code: NO_COLUMN, en: NO_COLUMN, fr: NO_COLUMN })).toBeNull();
    expect(columnClash({ code: 0, en: 0, fr: 1 })).toEqual({ column: 0, roles: ['code', 'en'] });
    expect(columnClash({ code: 2, en: 1, fr: 1 })).toEqual({ column: 1, roles: ['en', 'fr'] });
    expect(columnClash({ code: 3, en: 1, fr: 3 })).toEqual({ column: 3, roles: ['code', 'fr'] });
  });
});
