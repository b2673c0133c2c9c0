// "What happened next" as one list: the PLAR decisions and what happened later, newest first,
// and the follow-up prompts put into words. Pure functions of Go's records, for the screen
// and its tests.
import type { MessageArgs } from '../../lib/i18n/translate';
import { pickText } from '../../lib/format';

/** DecisionRecord is what the timeline reads of a PLAR decision (Go's portfolio.PLARDecision). */
export interface DecisionRecord {
  id: number;
  date: string;
}

/** LaterRecord is what the timeline reads of a later outcome (Go's portfolio.LaterOutcome). */
export interface LaterRecord {
  id: number;
  date: string;
}

/**
 * Entry is one card of the list: a decision or a later outcome. Their ids come from two
 * tables, so an entry's id is the decision's id made negative, or the later outcome's id: one
 * list, one editor, and each card's Edit button keeps a unique id for focus to return to.
 */
export type Entry<D extends DecisionRecord, L extends LaterRecord> =
  | { id: number; kind: 'decision'; date: string; decision: D }
  | { id: number; kind: 'later'; date: string; later: L };

/** decisionEntry wraps a decision (id 0 for a new one) as an entry of the list. */
export function decisionEntry<D extends DecisionRecord, L extends LaterRecord>(d: D): Entry<D, L> {
  return { id: d.id === 0 ? 0 : -d.id, kind: 'decision', date: d.date, decision: d };
}

/** laterEntry wraps a later outcome (id 0 for a new one) as an entry of the list. */
export function laterEntry<D extends DecisionRecord, L extends LaterRecord>(o: L): Entry<D, L> {
  return { id: o.id, kind: 'later', date: o.date, later: o };
}

/**
 * timeline is the decisions and later outcomes in one list, the most recent first; on the
 * same date, what happened later comes before the decision it may have followed.
 */
export function timeline<D extends DecisionRecord, L extends LaterRecord>(decisions: D[], later: L[]): Entry<D, L>[] {
  const entries = [...later.map((o) => laterEntry<D, L>(o)), ...decisions.map((d) => decisionEntry<D, L>(d))];
  const rank = (e: Entry<D, L>): number => (e.kind === 'later' ? 0 : 1);
  return entries.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? 1 : -1;
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    return Math.abs(b.id) - Math.abs(a.id);
  });
}

/** PromptRecord is what is said of a follow-up prompt (Go's portfolio.FollowUp). */
export interface PromptRecord {
  key: string;
  source: string;
  months: number;
  /** elapsed is the whole months since the credential or export, what the prompt says. */
  elapsed: number;
  title: string;
  titleEn: string;
  titleFr: string;
  credentialId: number;
}

/** PromptText is a prompt's question as a message ID and its arguments. */
export interface PromptText {
  id: 'FollowUpCredential' | 'FollowUpExport' | 'FollowUpExportNoTarget';
  args: MessageArgs;
}

/** Translate turns a message ID and its arguments into text in the UI's language. */
export type Translate = (id: string, args?: MessageArgs) => string;

/**
 * elapsedText says a span of whole months as a person would: "9 months", "1 year",
 * "3 years and 9 months" (« 3 ans et 9 mois »), each part with its plural.
 */
export function elapsedText(months: number, tr: Translate): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return tr('ElapsedMonths', { Count: rest });
  if (rest === 0) return tr('ElapsedYears', { Count: years });
  return tr('ElapsedYearsMonths', {
    Years: tr('ElapsedYears', { Count: years }),
    Months: tr('ElapsedMonths', { Count: rest }),
  });
}

/**
 * promptText is the question a prompt asks: the real time since a credential was earned (its
 * title in the UI's language when the learner wrote it so) or since the portfolio was exported
 * (for the target, when it still exists) — not the prompt point it belongs to.
 */
export function promptText(p: PromptRecord, lang: string, tr: Translate): PromptText {
  const Elapsed = elapsedText(p.elapsed, tr);
  if (p.source === 'credential') {
    const title = pickText(p.titleEn, p.titleFr, lang) || p.title;
    return { id: 'FollowUpCredential', args: { Elapsed, Title: title } };
  }
  if (p.title.trim() === '') return { id: 'FollowUpExportNoTarget', args: { Elapsed } };
  return { id: 'FollowUpExport', args: { Elapsed, Title: p.title } };
}

/** Answer is what a prompt fills in a new later outcome: its key and the credential it is about. */
export interface Answer {
  prompt: string;
  credentialIds: number[];
}

/** answer is the link a prompt's "Record what happened" puts in the form. */
export function answer(p: PromptRecord): Answer {
  return { prompt: p.key, credentialIds: p.credentialId > 0 ? [p.credentialId] : [] };
}
