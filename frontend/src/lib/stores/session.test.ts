import { describe, expect, it, vi } from 'vitest';

const closed = {
  open: false,
  current: { path: '', name: '', modified: '' },
  language: 'en',
  portfolios: [{ path: '/data/portfolios/aicha.passerelle', name: 'Aïcha', modified: '' }],
  dataDir: '/data',
};
const opened = { ...closed, open: true, current: closed.portfolios[0], language: 'fr' };

vi.mock('wailsjs/go/app/Session', () => ({
  State: vi.fn(async () => closed),
  Create: vi.fn(async () => opened),
  Open: vi.fn(async () => opened),
  OpenWithDialog: vi.fn(async () => closed),
  Rename: vi.fn(async () => {
    throw { code: 'conflict', message: 'Ce nom existe déjà.', field: 'name' };
  }),
  Close: vi.fn(async () => closed),
}));
vi.mock('wailsjs/go/app/Settings', () => ({
  Catalog: vi.fn(async (lang: string) => ({ NavProfile: lang === 'fr' ? 'Profil' : 'Profile' })),
  SetLanguage: vi.fn(async (lang: string) => ({ ...closed, language: lang })),
}));

const { session } = await import('./session.svelte');
const { ListStore } = await import('./list.svelte');
const { i18n, t } = await import('../i18n/i18n.svelte');

describe('session store', () => {
  it('starts from Go state and loads its language', async () => {
    await session.init();
    expect(session.open).toBe(false);
    expect(session.portfolios).toHaveLength(1);
    expect(i18n.ready).toBe(true);
    expect(t('NavProfile')).toBe('Profile');
  });

  it('opening a portfolio takes its language and empties the area stores', async () => {
    const area = new ListStore<{ id: number }>({
      list: async () => [{ id: 1 }],
      save: async (x) => x,
      remove: async () => {},
    });
    await area.load();
    await session.openPath('/data/portfolios/aicha.passerelle');
    expect(session.open).toBe(true);
    expect(i18n.lang).toBe('fr');
    expect(t('NavProfile')).toBe('Profil');
    expect(area.items).toEqual([]);
  });

  it('switches language through Go', async () => {
    await session.setLanguage('en');
    expect(i18n.lang).toBe('en');
    expect(session.state?.language).toBe('en');
  });

  it('rejects with the translated error and keeps the state', async () => {
    const before = session.state;
    await expect(session.rename('/x', 'Aïcha')).rejects.toEqual({
      code: 'conflict',
      message: 'Ce nom existe déjà.',
      field: 'name',
    });
    expect(session.state).toBe(before);
  });
});
