import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wailsjs/go/app/Settings', () => ({ Catalog: vi.fn(async () => ({})) }));

import { RecordEditor, type Asker } from './editor.svelte';

type Item = { id: number; title: string };

/** The buttons on the page, by id: what focusById finds and focuses. */
let buttons: Record<string, { focus: () => void }>;
let focused: string;

beforeEach(() => {
  focused = '';
  buttons = {};
  for (const id of ['note-add', 'note-edit-7']) buttons[id] = { focus: () => (focused = id) };
  vi.stubGlobal('document', { getElementById: (id: string) => buttons[id] ?? null });
});

function asker(answer: boolean): Asker & { asked: unknown[] } {
  const asked: unknown[] = [];
  return { asked, ask: async (q) => (asked.push(q), answer) };
}

function editor(remove: (id: number) => Promise<void>, takeError?: (e: { code: string }) => boolean) {
  return new RecordEditor<Item>({ prefix: 'note', addId: 'note-add', remove, takeError });
}

describe('RecordEditor', () => {
  it('opens a record with a clean status and error, and returns focus to its Edit button on close', async () => {
    const ed = editor(async () => {});
    ed.status = 'Saved: old';
    ed.error = { code: 'invalid', message: 'old', field: '' };
    ed.open({ id: 7, title: 'Garderie' });
    expect(ed.editing?.title).toBe('Garderie');
    expect(ed.status).toBe('');
    expect(ed.error).toBeNull();
    await ed.saved({ id: 7, title: 'Garderie' }, 'Saved: Garderie');
    expect(ed.editing).toBeNull();
    expect(ed.status).toBe('Saved: Garderie');
    expect(focused).toBe('note-edit-7');
  });

  it('falls back to the Add button when the record has no card (a cancelled new one)', async () => {
    const ed = editor(async () => {});
    ed.open({ id: 0, title: '' });
    await ed.close();
    expect(focused).toBe('note-add');
  });

  it('deletes nothing when the learner says no', async () => {
    const remove = vi.fn(async () => {});
    const ed = editor(remove);
    ed.confirm = asker(false);
    await ed.remove({ id: 7, title: 'Garderie' }, { title: 'Delete?', message: 'Delete “Garderie”?' }, 'Deleted');
    expect(remove).not.toHaveBeenCalled();
    expect(ed.status).toBe('');
  });

  it('deletes after a yes, says so, and puts focus on Add', async () => {
    const remove = vi.fn(async () => {});
    const ed = editor(remove);
    const confirm = asker(true);
    ed.confirm = confirm;
    await ed.remove({ id: 7, title: 'Garderie' }, { title: 'Delete?', message: 'Delete “Garderie”?' }, 'Deleted: Garderie');
    expect(remove).toHaveBeenCalledWith(7);
    expect(confirm.asked).toHaveLength(1);
    expect(ed.status).toBe('Deleted: Garderie');
    expect(focused).toBe('note-add');
  });

  it('shows Go’s error when a delete fails, unless the screen takes it', async () => {
    const failing = async () => {
      throw { code: 'locked', message: 'The portfolio is locked.' };
    };
    const shown = editor(failing);
    shown.confirm = asker(true);
    await shown.remove({ id: 7, title: 'x' }, { title: '', message: '' }, 'Deleted');
    expect(shown.error?.code).toBe('locked');
    expect(shown.status).toBe('');

    const taken: string[] = [];
    const quiet = editor(failing, (e) => (taken.push(e.code), e.code === 'locked'));
    quiet.confirm = asker(true);
    await quiet.remove({ id: 7, title: 'x' }, { title: '', message: '' }, 'Deleted');
    expect(taken).toEqual(['locked']);
    expect(quiet.error).toBeNull();
  });
});
