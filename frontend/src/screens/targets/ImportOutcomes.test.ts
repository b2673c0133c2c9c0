import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';

vi.mock('../../../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => {}) }));

const { default: ImportOutcomes } = await import('./ImportOutcomes.svelte');
const { i18n } = await import('../../lib/i18n/i18n.svelte');

const target = { id: 1, name: 'Soins infirmiers', outcomes: [] } as never;

/** page renders the import as the learner first sees it, in a window of the given kind. */
function page(nativeWindow: boolean): string {
  vi.stubGlobal(
    'window',
    nativeWindow
      ? { webkit: { messageHandlers: { external: {} } }, wails: { flags: { enableWailsDragAndDrop: true } } }
      : {},
  );
  return render(ImportOutcomes, { props: { target, onimported: () => {} } }).body;
}

describe('ImportOutcomes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows no browser file control in the Passerelle window: its words would not follow the app’s language', () => {
    const body = page(true);
    expect(body).not.toContain('type="file"');
    expect(body).toContain('id="outcomes-import-dialog"');
    expect(body).toContain('--wails-drop-target: drop');
  });

  it('offers the browser file control, labelled, when served to a plain browser', () => {
    const body = page(false);
    expect(body).toMatch(/<input[^>]*type="file"[^>]*id="outcomes-import-file"/);
    expect(body).toContain('<label for="outcomes-import-file">');
  });

  it('speaks the learner’s language', () => {
    i18n.catalog = { TargetImportDialog: 'Importer à partir d’un fichier…', TargetImportDropHere: '…ou déposez le fichier ici.' };
    const body = page(true);
    expect(body).toContain('Importer à partir d’un fichier…');
    expect(body).toContain('…ou déposez le fichier ici.');
  });
});
