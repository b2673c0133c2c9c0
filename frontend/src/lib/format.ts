// Display of dates, months and sizes in the active language (Intl is built in: no network).

/** today is the local date as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const monthPattern = /^(\d{4})-(\d{2})$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** expired tells whether a date (YYYY-MM-DD) is before today; an empty or odd date never is. */
export function expired(expiresOn: string, now: string = today()): boolean {
  return datePattern.test(expiresOn ?? '') && expiresOn < now;
}

/** formatMonth shows "2021-09" as "September 2021" / "septembre 2021"; anything else as given. */
export function formatMonth(value: string, locale: string): string {
  const m = monthPattern.exec(value ?? '');
  if (!m) return value ?? '';
  const month = Number(m[2]);
  if (month < 1 || month > 12) return value;
  const date = new Date(Date.UTC(Number(m[1]), month - 1, 1));
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** formatDate shows "2021-09-14" as "September 14, 2021" / "14 septembre 2021"; anything else as given. */
export function formatDate(value: string, locale: string): string {
  const m = datePattern.exec(value ?? '');
  if (!m) return value ?? '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** formatDateTime shows an RFC 3339 time as a local date and time. */
export function formatDateTime(value: string, locale: string): string {
  const date = new Date(value ?? '');
  if (!value || Number.isNaN(date.getTime())) return value ?? '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** formatDay shows the day of an RFC 3339 time, in the local time zone ("Nov 29, 2026"). */
export function formatDay(value: string, locale: string): string {
  const date = new Date(value ?? '');
  if (!value || Number.isNaN(date.getTime())) return value ?? '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** SizeParts is a size as a number to show and the message ID of its unit. */
export interface SizeParts {
  size: string;
  unitId: 'SizeBytes' | 'SizeKilobytes' | 'SizeMegabytes';
}

/** sizeParts splits a byte count into a readable number and a unit message ID. */
export function sizeParts(bytes: number, locale: string): SizeParts {
  const n = Math.max(0, bytes || 0);
  const fmt = (v: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  if (n < 1024) return { size: fmt(n, 0), unitId: 'SizeBytes' };
  if (n < 1024 * 1024) return { size: fmt(n / 1024, n < 10 * 1024 ? 1 : 0), unitId: 'SizeKilobytes' };
  return { size: fmt(n / (1024 * 1024), 1), unitId: 'SizeMegabytes' };
}

/** shortHash shows the first 12 hex digits of a SHA-256. */
export function shortHash(sha256: string): string {
  return (sha256 ?? '').slice(0, 12);
}

/**
 * splitTags turns what was typed or pasted into entries, one per line. Commas and semicolons
 * stay inside an entry: "Cooking, baking and pastry" is one skill, not two.
 */
export function splitTags(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** addTags appends new tags to a list, skipping ones already there (case-insensitive). */
export function addTags(list: string[], incoming: string[]): string[] {
  const seen = new Set(list.map((s) => s.toLocaleLowerCase()));
  const out = [...list];
  for (const tag of incoming) {
    const key = tag.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** pickText shows the learner's text in the UI language when they wrote it, else in the other. */
export function pickText(en: string, fr: string, lang: string): string {
  const first = lang === 'fr' ? fr : en;
  const second = lang === 'fr' ? en : fr;
  return (first ?? '').trim() || (second ?? '').trim();
}
