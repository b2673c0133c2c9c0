import { describe, expect, it } from 'vitest';
import { acceptFileDrag, leftDropZone } from './drop';

function drag(types: string[]): DragEvent & { prevented: boolean } {
  const e = {
    prevented: false,
    dataTransfer: { types, dropEffect: 'none' },
    preventDefault() {
      e.prevented = true;
    },
  };
  return e as unknown as DragEvent & { prevented: boolean };
}

describe('acceptFileDrag', () => {
  it('takes a drag of files as a copy', () => {
    const e = drag(['Files']);
    expect(acceptFileDrag(e)).toBe(true);
    expect(e.prevented).toBe(true);
    expect(e.dataTransfer?.dropEffect).toBe('copy');
  });

  it('leaves text and links to the page', () => {
    const e = drag(['text/plain', 'text/uri-list']);
    expect(acceptFileDrag(e)).toBe(false);
    expect(e.prevented).toBe(false);
  });
});

describe('leftDropZone', () => {
  const child = {};
  const zone = { contains: (n: unknown) => n === child };
  const leave = (to: unknown) => ({ relatedTarget: to, currentTarget: zone }) as unknown as DragEvent;

  it('is false while the drag moves onto a child of the zone', () => {
    expect(leftDropZone(leave(child))).toBe(false);
  });

  it('is true when the drag goes elsewhere or out of the window', () => {
    expect(leftDropZone(leave({}))).toBe(true);
    expect(leftDropZone(leave(null))).toBe(true);
  });
});
