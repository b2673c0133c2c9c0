// The active language and its message catalog, loaded from Go; t() reads it reactively.
import { Catalog as fetchCatalog } from 'wailsjs/go/app/Settings';
import { isLanguage, translate, type Catalog, type Language, type MessageArgs } from './translate';

/** I18n holds the active language and its catalog. */
class I18n {
  lang = $state<Language>('en');
  catalog = $state.raw<Catalog>({});
  ready = $state(false);

  /** load fetches the catalog for lang and makes it active (html lang included). */
  async load(lang: string): Promise<void> {
    const next: Language = isLanguage(lang) ? lang : 'en';
    const catalog = await fetchCatalog(next);
    this.catalog = catalog ?? {};
    this.lang = next;
    this.ready = true;
    if (typeof document !== 'undefined') document.documentElement.lang = next;
  }

  /** locale is the BCP 47 tag for Intl formatting (Canadian English or French). */
  get locale(): string {
    return this.lang === 'fr' ? 'fr-CA' : 'en-CA';
  }
}

/** i18n is the one language state of the UI. */
export const i18n = new I18n();

/** t returns the message id in the active language, with {{.X}} filled from args. */
export function t(id: string, args?: MessageArgs): string {
  return translate(i18n.catalog, id, args, i18n.lang);
}
