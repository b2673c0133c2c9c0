// Small DOM helpers used by several screens.

/** ROOM is the space (px) a focused control keeps from the window's top and bottom edges. */
const ROOM = 96;

const HEADING = /^H[1-6]$/;

/**
 * inView tells whether el sits inside the window: a heading anywhere in it, any other element
 * with room above and below, so a field's label and the form's error above it stay visible.
 */
function inView(el: HTMLElement, heading: boolean): boolean {
  if (typeof el.getBoundingClientRect !== 'function' || typeof window === 'undefined') return true;
  const r = el.getBoundingClientRect();
  const room = heading ? 0 : Math.min(ROOM, window.innerHeight / 6);
  return r.top >= room && r.bottom <= window.innerHeight - room;
}

/**
 * focusInView moves keyboard focus to el and, when it is off-screen or against an edge of the
 * window, scrolls it into view with room around it. A field, button or alert goes to the
 * middle of the window. A heading begins a page or a form: near the top of the page, the page
 * scrolls to its top (the header shows too); further down, the heading goes to the top of the
 * window, with the scroll-margin app.css gives it.
 */
export function focusInView(el: HTMLElement): void {
  const heading = HEADING.test(el.tagName);
  el.focus({ preventScroll: true });
  if (typeof window === 'undefined' || typeof el.getBoundingClientRect !== 'function') return;
  // A heading near the top of the page goes with the page's top, even when it is already in
  // view: a page left scrolled by a few pixels (a longer screen before it) clips the header
  // and the focus ring of its controls.
  const nearTop = heading && el.getBoundingClientRect().top + window.scrollY < window.innerHeight / 2;
  if (nearTop) {
    if (window.scrollY !== 0) window.scrollTo({ top: 0 });
    return;
  }
  if (inView(el, heading) || typeof el.scrollIntoView !== 'function') return;
  if (!heading) {
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
  } else {
    el.scrollIntoView({ block: 'start', inline: 'nearest' });
  }
}

/** focusOnMount moves keyboard focus to the element, in view, once it is in the page. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => focusInView(node));
}

/** focusMainHeading puts focus on the screen's h1, as when a screen opens, so a screen reader starts there. */
export function focusMainHeading(): void {
  const heading = document.querySelector<HTMLElement>('#main h1');
  if (heading) focusInView(heading);
}

/** focusById focuses the element with id, in view, if it exists; it tells whether it did. */
export function focusById(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  focusInView(el);
  return true;
}

/** describedBy joins the IDs that describe a control, or gives undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}
