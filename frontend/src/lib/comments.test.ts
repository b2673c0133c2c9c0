import { describe, expect, it } from 'vitest';
import { anchorKey, isOpen, lastCoachName, onDeletedItems, openCount, threads, threadsOn, type CommentLike } from './comments';

const claim7 = { kind: 'claim', id: 7 };
const rule7 = { kind: 'claim_rule', id: 7, rule: 'sufficient' };

function c(id: string, at: string, more: Partial<CommentLike> = {}): CommentLike {
  return { id, anchor: claim7, authorKind: 'coach', createdAt: at, status: 'open', item: 'current', ...more };
}

describe('anchorKey', () => {
  it('tells a claim from one of its rules, and one rule from another', () => {
    expect(anchorKey(claim7)).not.toBe(anchorKey(rule7));
    expect(anchorKey(rule7)).not.toBe(anchorKey({ ...rule7, rule: 'valid' }));
    expect(anchorKey({ kind: 'experience', id: 7 })).not.toBe(anchorKey(claim7));
  });

  it('ignores a rule on an anchor that is not a rule', () => {
    expect(anchorKey({ kind: 'claim', id: 7, rule: 'valid' })).toBe(anchorKey(claim7));
  });
});

describe('threads', () => {
  it('puts replies, and replies to replies, under the comment that started them, oldest first', () => {
    const list = [
      c('r2', '2026-03-03', { replyTo: 'r1', authorKind: 'coach' }),
      c('a', '2026-03-01'),
      c('b', '2026-03-01T12:00', { anchor: rule7 }),
      c('r1', '2026-03-02', { replyTo: 'a', authorKind: 'learner' }),
    ];
    const got = threads(list);
    expect(got.map((t) => t.first.id)).toEqual(['a', 'b']);
    expect(got[0].replies.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(got[1].replies).toEqual([]);
  });

  it('keeps a reply whose first comment is missing as a thread of its own', () => {
    const got = threads([c('x', '2026-01-01', { replyTo: 'gone' })]);
    expect(got.map((t) => t.first.id)).toEqual(['x']);
  });

  it('survives a loop of replies without hanging', () => {
    const got = threads([c('p', '2026-01-01', { replyTo: 'q' }), c('q', '2026-01-02', { replyTo: 'p' })]);
    expect(got.flatMap((t) => [t.first.id, ...t.replies.map((r) => r.id)]).sort()).toEqual(['p', 'q']);
  });
});

describe('threadsOn', () => {
  it('gives only the threads about that item', () => {
    const list = [c('a', '1'), c('b', '2', { anchor: rule7 }), c('r', '3', { replyTo: 'b', authorKind: 'learner' })];
    expect(threadsOn(list, rule7).map((t) => [t.first.id, t.replies.length])).toEqual([['b', 1]]);
    expect(threadsOn(list, claim7).map((t) => t.first.id)).toEqual(['a']);
    expect(threadsOn(list, { kind: 'profile', id: 0 })).toEqual([]);
  });
});

describe('openCount', () => {
  it('counts the coach’s first comments still open, not replies, not done or dismissed ones', () => {
    const list = [
      c('a', '1'),
      c('b', '2', { status: 'done' }),
      c('d', '3', { status: 'dismissed' }),
      c('r', '4', { replyTo: 'a', authorKind: 'learner' }),
      c('s', '5', { replyTo: 'a' }),
      c('e', '6', { anchor: rule7 }),
    ];
    expect(openCount(list)).toBe(2);
    expect(isOpen(list[0])).toBe(true);
    expect(isOpen(list[3])).toBe(false);
  });
});

describe('onDeletedItems', () => {
  it('lists the threads whose item is gone', () => {
    const list = [c('a', '1'), c('b', '2', { item: 'deleted', anchor: { kind: 'evidence', id: 9 } })];
    expect(onDeletedItems(list).map((t) => t.first.id)).toEqual(['b']);
  });
});

describe('lastCoachName', () => {
  it('is the name on the newest coach comment, never a learner’s', () => {
    const list = [
      { ...c('a', '2026-01-01'), authorName: 'Marie' },
      { ...c('b', '2026-02-01'), authorName: 'Marie-Ève Gagnon' },
      { ...c('r', '2026-03-01', { authorKind: 'learner' }), authorName: 'Aminata' },
    ];
    expect(lastCoachName(list)).toBe('Marie-Ève Gagnon');
    expect(lastCoachName([list[2]])).toBe('');
    expect(lastCoachName([])).toBe('');
  });
});
