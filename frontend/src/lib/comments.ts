// Comments between a coach and a learner, as the screens arrange them: grouped by the item they
// are about, each first comment followed by its replies, and the count of those still open.

/** AnchorKind is what a comment is about (Go's comment anchor kinds). */
export type AnchorKind = 'profile' | 'experience' | 'credential' | 'evidence' | 'claim' | 'claim_rule';

/** Anchor names one item of a portfolio: its kind, its id, and for claim_rule the rule. */
export interface Anchor {
  kind: string;
  id: number;
  rule?: string;
}

/** CommentLike is the part of a comment the arrangement needs. */
export interface CommentLike {
  id: string;
  anchor: Anchor;
  authorKind: string;
  createdAt: string;
  replyTo?: string;
  status?: string;
  item?: string;
}

/** Thread is a first comment and the replies that answer it, oldest first. */
export interface Thread<C extends CommentLike> {
  first: C;
  replies: C[];
}

/** anchorKey is one string per item, so comments and the screens' items meet on it. */
export function anchorKey(a: Anchor | null | undefined): string {
  if (!a) return '';
  const rule = a.kind === 'claim_rule' ? (a.rule ?? '') : '';
  return `${a.kind}:${a.id ?? 0}:${rule}`;
}

function byTime<C extends CommentLike>(a: C, b: C): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * threads arranges comments into threads, oldest first. A reply to a reply joins the thread of
 * the comment that started it; a reply whose first comment is missing starts a thread itself,
 * so nothing imported is ever hidden.
 */
export function threads<C extends CommentLike>(comments: readonly C[]): Thread<C>[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: C): C => {
    let at = c;
    const seen = new Set<string>();
    while (at.replyTo && byId.has(at.replyTo) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.replyTo)!;
    }
    return at;
  };
  const out = new Map<string, Thread<C>>();
  for (const c of [...comments].sort(byTime)) {
    const root = rootOf(c);
    let thread = out.get(root.id);
    if (!thread) {
      thread = { first: root, replies: [] };
      out.set(root.id, thread);
    }
    if (c.id !== root.id) thread.replies.push(c);
  }
  return [...out.values()].sort((a, b) => byTime(a.first, b.first));
}

/** threadsOn is the threads about one item. */
export function threadsOn<C extends CommentLike>(comments: readonly C[], anchor: Anchor): Thread<C>[] {
  const key = anchorKey(anchor);
  return threads(comments).filter((t) => anchorKey(t.first.anchor) === key);
}

/** isOpen tells a coach's comment the learner has not yet marked done or dismissed. */
export function isOpen(c: CommentLike): boolean {
  return c.authorKind === 'coach' && !c.replyTo && (c.status ?? 'open') === 'open';
}

/** openCount counts the coach's comments still open. */
export function openCount(comments: readonly CommentLike[]): number {
  return comments.filter(isOpen).length;
}

/** onDeletedItems is the threads whose item the learner has deleted since the coach saw it. */
export function onDeletedItems<C extends CommentLike>(comments: readonly C[]): Thread<C>[] {
  return threads(comments).filter((t) => t.first.item === 'deleted');
}

/**
 * lastCoachName is the name on the newest coach's comment, so a coach opening the next copy of
 * the same learner is offered the name they signed with before.
 */
export function lastCoachName(comments: readonly (CommentLike & { authorName?: string })[]): string {
  const signed = comments.filter((c) => c.authorKind === 'coach' && (c.authorName ?? '').trim());
  if (signed.length === 0) return '';
  const sorted = [...signed].sort(byTime);
  return sorted[sorted.length - 1].authorName?.trim() ?? '';
}
