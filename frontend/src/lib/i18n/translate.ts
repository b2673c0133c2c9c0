// Pure message lookup for the catalogs that Go sends (go-i18n flat format, see locales/).
import { UI_LANGUAGES, type UiLanguage } from 'wailsjs/values';
import { isOneOf } from '../choices';

/** A catalog: message ID to text; a plural's one-form sits at "<Id>.one". */
export type Catalog = Record<string, string>;

/** Values for the {{.Name}} placeholders of a message; Count also picks the plural form. */
export type MessageArgs = Record<string, string | number>;

/** The languages the UI speaks (Go's locales.Languages). */
export type Language = UiLanguage;

/** isLanguage tells a supported UI language from any other string. */
export function isLanguage(value: unknown): value is Language {
  return isOneOf(UI_LANGUAGES, value);
}

/**
 * usesOneForm tells whether a count takes the CLDR "one" form: in English only 1;
 * in French 0 and 1 (and 1.5: the integer part decides).
 */
export function usesOneForm(lang: string, count: number): boolean {
  if (lang === 'fr') {
    const whole = Math.trunc(Math.abs(count));
    return whole === 0 || whole === 1;
  }
  return count === 1;
}

const placeholder = /\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * translate returns the message for id in catalog with its placeholders filled; numbers are
 * written the way the language writes them (1,5 and 1 000 in French).
 * A missing message shows its ID, so a gap is visible instead of an empty label.
 */
export function translate(catalog: Catalog, id: string, args?: MessageArgs, lang = 'en'): string {
  let text: string | undefined = catalog[id];
  if (args && typeof args.Count === 'number' && usesOneForm(lang, args.Count)) {
    text = catalog[id + '.one'] ?? text;
  }
  if (text === undefined) return id;
  if (!args) return text;
  const numbers = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA');
  return text.replace(placeholder, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(args, name)) return whole;
    const value = args[name];
    return typeof value === 'number' ? numbers.format(value) : String(value);
  });
}
