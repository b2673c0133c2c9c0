// Small DOM helpers used by several screens.

/** focusOnMount moves keyboard focus to the element once it is in the page. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}

/** focusById focuses the element with id, if it exists; it tells whether it did. */
export function focusById(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus();
  return true;
}

/** describedBy joins the IDs that describe a control, or gives undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}
