import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusInView } from './actions';

/** An element at `top` (px from the window's top), as focusInView sees it. */
function element(tagName: string, top: number, height = 40) {
  return {
    tagName,
    focus: vi.fn(),
    scrollIntoView: vi.fn(),
    getBoundingClientRect: () => ({ top, bottom: top + height }),
  };
}

let scrollTo: ReturnType<typeof vi.fn>;

beforeEach(() => {
  scrollTo = vi.fn();
  vi.stubGlobal('window', { innerHeight: 800, scrollY: 2000, scrollTo });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function focus(el: ReturnType<typeof element>): void {
  focusInView(el as unknown as HTMLElement);
}

describe('focusInView', () => {
  it('focuses a field well inside the window without scrolling', () => {
    const el = element('INPUT', 300);
    focus(el);
    expect(el.focus).toHaveBeenCalledWith({ preventScroll: true });
    expect(el.scrollIntoView).not.toHaveBeenCalled();
  });

  it('brings a field against the top edge to the middle, so its label and the error above show', () => {
    const el = element('INPUT', 10);
    focus(el);
    expect(el.scrollIntoView).toHaveBeenCalledWith({ block: 'center', inline: 'nearest' });
  });

  it('brings a button below the window to the middle', () => {
    const el = element('BUTTON', 1500);
    focus(el);
    expect(el.scrollIntoView).toHaveBeenCalledWith({ block: 'center', inline: 'nearest' });
  });

  it('puts an off-screen heading far down the page at the top of the window', () => {
    const el = element('H2', -400);
    focus(el);
    expect(el.scrollIntoView).toHaveBeenCalledWith({ block: 'start', inline: 'nearest' });
  });

  it('scrolls to the top of the page for a heading near it, so the header shows too', () => {
    const el = element('H1', -1900);
    focus(el);
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
    expect(el.scrollIntoView).not.toHaveBeenCalled();
  });

  it('takes the page back to its very top for a screen heading left a few pixels scrolled', () => {
    // A longer screen before this one left the page 13 px down: the h1 shows, the header's
    // focus ring does not.
    vi.stubGlobal('window', { innerHeight: 800, scrollY: 13, scrollTo });
    const el = element('H1', 67);
    focus(el);
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });

  it('does not scroll a page already at its top', () => {
    vi.stubGlobal('window', { innerHeight: 800, scrollY: 0, scrollTo });
    focus(element('H1', 80));
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it('leaves a visible heading where it is', () => {
    const el = element('H2', 20);
    focus(el);
    expect(el.scrollIntoView).not.toHaveBeenCalled();
    expect(scrollTo).not.toHaveBeenCalled();
  });
});
