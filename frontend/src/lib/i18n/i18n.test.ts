import { beforeEach, describe, expect, it, vi } from 'vitest';

const catalogs: Record<string, Record<string, string>> = {
  en: { NavProfile: 'Profile', HoursCount: '{{.Count}} hours', 'HoursCount.one': '{{.Count}} hour' },
  fr: { NavProfile: 'Profil', HoursCount: '{{.Count}} heures', 'HoursCount.one': '{{.Count}} heure' },
};

vi.mock('wailsjs/go/app/Settings', () => ({
  Catalog: vi.fn(async (lang: string) => catalogs[lang]),
  SetLanguage: vi.fn(),
}));

const { i18n, t } = await import('./i18n.svelte');
const settings = await import('wailsjs/go/app/Settings');

describe('i18n store', () => {
  beforeEach(() => vi.mocked(settings.Catalog).mockClear());

  it('loads the catalog of a language and translates with it', async () => {
    await i18n.load('fr');
    expect(settings.Catalog).toHaveBeenCalledWith('fr');
    expect(i18n.lang).toBe('fr');
    expect(i18n.locale).toBe('fr-CA');
    expect(t('NavProfile')).toBe('Profil');
    expect(t('HoursCount', { Count: 0 })).toBe('0 heure');
    expect(t('HoursCount', { Count: 3 })).toBe('3 heures');

    await i18n.load('en');
    expect(t('NavProfile')).toBe('Profile');
    expect(t('HoursCount', { Count: 0 })).toBe('0 hours');
  });

  it('falls back to English for a language it does not speak', async () => {
    await i18n.load('de');
    expect(settings.Catalog).toHaveBeenCalledWith('en');
    expect(i18n.lang).toBe('en');
  });
});
