// The app's own message files, so the tests find controls by the labels a user reads, in
// either language, and break when a label disappears rather than when its wording changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server.mjs';

function load(lang) {
  return JSON.parse(readFileSync(path.join(repoRoot, 'locales', `${lang}.json`), 'utf8'));
}

const catalogs = { en: load('en'), fr: load('fr') };

/**
 * The text of message `id` in `lang` (the "other" form of a plural message), with go-i18n
 * template fields {{.Name}} filled from `args`. A missing message is an error.
 */
export function msg(lang, id, args = {}) {
  let text = catalogs[lang][id];
  if (text === undefined) {
    // While a message is not written yet the UI shows its ID; E2E_ALLOW_MISSING=1 accepts that.
    if (process.env.E2E_ALLOW_MISSING === '1') return id;
    throw new Error(`locales/${lang}.json has no message ${id}`);
  }
  if (typeof text === 'object') text = text.other ?? text.one;
  return text.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, k) => (k in args ? String(args[k]) : `{{.${k}}}`));
}

/** A function msg(lang, ·) for one language. */
export function messages(lang) {
  return (id, args) => msg(lang, id, args);
}
