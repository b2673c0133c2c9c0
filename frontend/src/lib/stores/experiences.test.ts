import { describe, expect, it, vi } from 'vitest';

vi.mock('wailsjs/go/app/Experiences', () => ({
  List: vi.fn(async () => [
    { id: 7, kind: 'LandBased', titleEn: 'Trapline guide', titleFr: '', skills: null },
  ]),
  Save: vi.fn(async (e: { id: number }) => ({ ...e, id: e.id || 8 })),
  Delete: vi.fn(async () => {}),
}));

const { blankExperience, experiences, EXPERIENCE_KINDS } = await import('./experiences.svelte');
const bindings = await import('wailsjs/go/app/Experiences');

describe('experiences store', () => {
  it('lists experiences through the bindings', async () => {
    await experiences.load();
    expect(bindings.List).toHaveBeenCalled();
    expect(experiences.items[0].titleEn).toBe('Trapline guide');
  });

  it('sends a new experience with id 0 and reloads', async () => {
    const draft = { ...blankExperience(), titleEn: 'Cook', skills: ['food safety'] };
    const saved = await experiences.save(draft);
    expect(saved.id).toBe(8);
    const sent = vi.mocked(bindings.Save).mock.calls[0][0];
    expect(sent.id).toBe(0);
    expect(sent.skills).toEqual(['food safety']);
    expect(bindings.List).toHaveBeenCalledTimes(2);
  });

  it('offers the kinds Go knows, not a copy of them', async () => {
    const go = await import('wailsjs/values');
    expect(EXPERIENCE_KINDS).toBe(go.EXPERIENCE_KINDS);
    expect(go.EXPERIENCE_KINDS).toContain(blankExperience().kind);
  });
});
