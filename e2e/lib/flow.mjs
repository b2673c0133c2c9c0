// What every end-to-end test does around its own steps: find controls by the words a learner
// reads in the language the page shows, scan each screen with axe-core and keep a screenshot of
// it, and fail at the end on serious violations, requests that left 127.0.0.1, and page errors.
import assert from 'node:assert/strict';
import { axeScan, screenshot } from './browser.mjs';
import { msg } from './locales.mjs';

/**
 * ui gives a test the page's controls by role and visible name. t follows switchLanguage, so a
 * test may keep t after a switch and read the new language's words with it.
 */
export function ui(page) {
  let lang = 'en';
  const t = (id, args) => msg(lang, id, args);
  const h = (level, name) => page.getByRole('heading', { level, name, exact: true });
  const button = (name) => page.getByRole('button', { name, exact: true });
  const field = (label) => page.getByLabel(label, { exact: true });
  const nav = () => page.getByRole('navigation');
  const main = () => page.locator('#main');
  const pageLang = () => page.evaluate(() => document.documentElement.lang);

  /** goTo follows a nav entry and waits for its screen's heading. */
  const goTo = async (navId, headingId) => {
    await nav().getByRole('button', { name: t(navId), exact: true }).click();
    await h(1, t(headingId)).waitFor();
  };

  /** switchLanguage presses the language switch, which is named in English in both languages. */
  const switchLanguage = async (to) => {
    await button(msg('en', to === 'fr' ? 'LanguageFrench' : 'LanguageEnglish')).click();
    lang = to;
    // The page says which language it is in, for screen readers and hyphenation.
    await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
  };

  /** inEnglish switches to English if the page came up in French (an OS locale or a portfolio's choice). */
  const inEnglish = async () => {
    if ((await pageLang()) === 'fr') await switchLanguage('en');
    lang = 'en';
  };

  /** openDemo opens the demo portfolio from the first screen, in English, on the guide. */
  const openDemo = async (url) => {
    await page.goto(url);
    await page.locator('main h1').waitFor({ timeout: 30_000 });
    await inEnglish();
    await page.getByRole('button', { name: new RegExp(`^${t('PortfolioOpen')} .*démo$`) }).click();
    await page.locator('.guide-steps').waitFor();
    // The demo learner prefers French, and a portfolio opens in the language it was left in.
    await inEnglish();
  };

  return { t, h, button, field, nav, main, goTo, switchLanguage, inEnglish, openDemo, lang: () => lang };
}

/**
 * checkedFlow runs steps({ scan }) on a page from newPage. scan(label) runs axe-core and keeps
 * a screenshot; a failing step leaves NAME-FAILED.png. It fails at the end on serious or
 * critical axe violations, requests that left 127.0.0.1, and uncaught page errors.
 */
export async function checkedFlow({ page, offsite, errors }, name, steps) {
  const problems = [];
  const scan = async (label) => {
    const serious = await axeScan(page, label);
    if (serious.length > 0) problems.push(`${label}: ${serious.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
    await screenshot(page, label);
  };
  try {
    await steps({ scan });
  } catch (err) {
    await screenshot(page, `${name}-FAILED`).catch(() => {});
    throw err;
  }
  assert.deepEqual(problems, [], 'serious or critical axe violations (details above)');
  assert.deepEqual(offsite, [], 'requests that left 127.0.0.1');
  assert.deepEqual(errors, [], 'uncaught errors in the page');
}
