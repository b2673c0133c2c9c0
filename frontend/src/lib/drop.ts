// A drop zone for files: what the evidence screen and the outcomes import share, so both
// accept the same drags and show the same highlight.

/** acceptFileDrag lets a drag of files (not text or links) be dropped here, as a copy. */
export function acceptFileDrag(e: DragEvent): boolean {
  if (!e.dataTransfer || !Array.from(e.dataTransfer.types ?? []).includes('Files')) return false;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
  return true;
}

/** leftDropZone tells a drag that left the zone from one that moved onto a child of it. */
export function leftDropZone(e: DragEvent): boolean {
  const to = e.relatedTarget as Node | null;
  return !to || !(e.currentTarget as HTMLElement).contains(to);
}
