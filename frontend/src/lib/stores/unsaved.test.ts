import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = () => void;
const listeners = new Map<string, Listener>();

vi.mock('../../../wailsjs/go/app/Window', () => ({
  SetUnsaved: vi.fn(async () => {}),
  Quit: vi.fn(async () => {}),
}));

vi.mock('../../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, cb: Listener) => {
    listeners.set(name, cb);
    return () => listeners.delete(name);
  }),
}));

const { unsaved, CLOSE_REQUESTED_EVENT } = await import('./unsaved.svelte');
const { nav, HOME } = await import('./nav.svelte');
const window = await import('../../../wailsjs/go/app/Window');

/** aForm is a form whose text the learner has, or has not, changed. */
function aForm(dirty: boolean, saves = true) {
  const form = {
    changed: dirty,
    dirty: () => form.changed,
    save: vi.fn(async () => {
      if (saves) form.changed = false;
      return saves;
    }),
    focus: vi.fn(),
  };
  return form;
}

// nav.open puts focus on the new screen's heading; there is no page in these tests.
vi.stubGlobal('document', { querySelector: () => null });

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('unsaved changes', () => {
  let releases: (() => void)[] = [];
  beforeEach(() => {
    for (const release of releases) release();
    releases = [];
    vi.clearAllMocks();
    nav.go(HOME);
  });

  function keep(form: ReturnType<typeof aForm>) {
    releases.push(unsaved.register(form));
    return form;
  }

  it('lets the learner leave at once when nothing is unsaved', async () => {
    keep(aForm(false));
    const ask = vi.fn(async () => 'stay' as const);
    releases.push(unsaved.useAsker(ask));
    expect(await unsaved.leave('screen')).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('keeps the learner on the form, focus back in it, when they choose Keep editing', async () => {
    const form = keep(aForm(true));
    releases.push(unsaved.useAsker(async () => 'stay'));
    expect(await nav.open('experiences')).toBe(false);
    expect(nav.current).toBe(HOME);
    expect(form.focus).toHaveBeenCalled();
    expect(form.save).not.toHaveBeenCalled();
  });

  it('saves the form, then moves on, when they choose Save', async () => {
    const form = keep(aForm(true));
    const ask = vi.fn(async () => 'save' as const);
    releases.push(unsaved.useAsker(ask));
    expect(await unsaved.leave('screen')).toBe(true);
    expect(ask).toHaveBeenCalledWith('screen');
    expect(form.save).toHaveBeenCalledOnce();
  });

  it('stays when Save is refused (the form shows why), so nothing typed is lost', async () => {
    const form = keep(aForm(true, false));
    releases.push(unsaved.useAsker(async () => 'save'));
    expect(await nav.open('credentials')).toBe(false);
    expect(nav.current).toBe(HOME);
    expect(form.save).toHaveBeenCalledOnce();
  });

  it('moves on without saving only when they choose Discard', async () => {
    const form = keep(aForm(true));
    releases.push(unsaved.useAsker(async () => 'discard'));
    expect(await nav.open('evidence')).toBe(true);
    expect(nav.current).toBe('evidence');
    expect(form.save).not.toHaveBeenCalled();
  });

  it('saves what an earlier save changed: a skill still in its box, then the form', async () => {
    const form = keep(aForm(false));
    const skillBox = keep(aForm(true));
    // Adding the typed skill changes the form's list.
    skillBox.save.mockImplementation(async () => {
      skillBox.changed = false;
      form.changed = true;
      return true;
    });
    releases.push(unsaved.useAsker(async () => 'save'));
    expect(await unsaved.leave('window')).toBe(true);
    expect(skillBox.save).toHaveBeenCalledOnce();
    expect(form.save).toHaveBeenCalledOnce();
  });

  it('stays when there is no dialog to ask with', async () => {
    keep(aForm(true));
    expect(await unsaved.leave('portfolio')).toBe(false);
  });

  it('asks once when the learner clicks twice while the question is open', async () => {
    keep(aForm(true));
    let answer: (c: 'discard') => void = () => {};
    const ask = vi.fn(() => new Promise<'discard'>((r) => (answer = r)));
    releases.push(unsaved.useAsker(ask));
    const first = unsaved.leave('screen');
    const second = unsaved.leave('screen');
    answer('discard');
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(ask).toHaveBeenCalledOnce();
  });

  it('tells Go whether a form is unsaved, so closing the window is guarded', async () => {
    const form = keep(aForm(false));
    unsaved.sync();
    form.changed = true;
    unsaved.sync();
    expect(window.SetUnsaved).toHaveBeenLastCalledWith(true);
    releases.pop()?.(); // the form goes away (saved and closed, or discarded)
    expect(window.SetUnsaved).toHaveBeenLastCalledWith(false);
  });

  it('closes the window, when Go asks, only after the learner saved or discarded', async () => {
    const form = keep(aForm(true));
    let choice: 'stay' | 'save' = 'stay';
    const ask = vi.fn(async () => choice);
    releases.push(unsaved.useAsker(ask));
    releases.push(unsaved.listen());

    listeners.get(CLOSE_REQUESTED_EVENT)?.();
    await settle();
    expect(ask).toHaveBeenCalledWith('window');
    expect(window.Quit).not.toHaveBeenCalled();

    choice = 'save';
    listeners.get(CLOSE_REQUESTED_EVENT)?.();
    await settle();
    expect(form.save).toHaveBeenCalledOnce();
    expect(window.Quit).toHaveBeenCalledOnce();
  });
});
