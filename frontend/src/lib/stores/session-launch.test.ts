import { describe, expect, it, vi } from 'vitest';

// What a second launch of the app (a double-click on a portfolio file) does to this window.
const none = { path: '', name: '', modified: '' };
const a = { path: '/data/portfolios/a.passerelle', name: 'Portfolio A', modified: '' };
const b = { path: '/usb/b.passerelle', name: 'Portfolio B', modified: '' };
const base = { open: true, current: a, language: 'en', portfolios: [a], dataDir: '/data', notice: '' };
const withRequest = { ...base, requested: b };
const switched = { ...base, current: b, requested: none };
const stayed = { ...base, requested: none };

const handlers: Record<string, (data: unknown) => void> = {};
vi.mock('../../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, fn: (data: unknown) => void) => {
    handlers[name] = fn;
    return () => delete handlers[name];
  }),
}));
vi.mock('../../../wailsjs/go/app/Session', () => ({
  State: vi.fn(async () => ({ ...base, requested: none })),
  OpenRequested: vi.fn(async () => switched),
  DismissRequested: vi.fn(async () => stayed),
}));
vi.mock('../../../wailsjs/go/app/Settings', () => ({
  Catalog: vi.fn(async () => ({})),
}));

const bindings = await import('../../../wailsjs/go/app/Session');
const { session, SESSION_CHANGED_EVENT } = await import('./session.svelte');

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a second launch of the app', () => {
  it('shows the portfolio Go offers, without switching, until the learner chooses', async () => {
    const stop = session.listen();
    await session.init();
    expect(session.requested).toBeNull();
    handlers[SESSION_CHANGED_EVENT](withRequest);
    await settle();
    expect(session.state?.current?.path).toBe(a.path);
    expect(session.requested?.name).toBe('Portfolio B');

    await session.dismissRequested();
    expect(session.requested).toBeNull();
    expect(session.state?.current?.path).toBe(a.path);

    handlers[SESSION_CHANGED_EVENT](withRequest);
    await settle();
    await session.openRequested();
    expect(bindings.OpenRequested).toHaveBeenCalledTimes(1);
    expect(session.state?.current?.path).toBe(b.path);
    expect(session.requested).toBeNull();
    stop();
    expect(handlers[SESSION_CHANGED_EVENT]).toBeUndefined();
  });

  it('keeps Go’s notice until the learner dismisses it, though the next State has none', async () => {
    const stop = session.listen();
    handlers[SESSION_CHANGED_EVENT]({ ...stayed, notice: 'Passerelle could not open “b.passerelle”.' });
    await settle();
    await session.init(); // the next State carries no notice
    expect(session.notice).toBe('Passerelle could not open “b.passerelle”.');
    stop();
  });
});
