// A new user's first look: the app loads from the dev server with an empty data directory,
// shows its first-run screen, passes axe, and asks nothing of any host but 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeScan, launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { msg } from '../lib/locales.mjs';
import { startApp } from '../lib/server.mjs';

let app;
let browser;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('first run loads, is accessible and stays on 127.0.0.1', { timeout: 120_000 }, async () => {
  const { page, offsite, errors } = await newPage(browser);
  await page.goto(app.url);
  await page.getByRole('main').getByRole('heading', { level: 1, name: msg('en', 'StartHeading') }).waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'first-load-en');

  assert.equal(await page.title(), 'Passerelle');
  const violations = await axeScan(page, 'first-run');
  // Nothing from the network, nothing from a CDN: the fonts, styles and scripts are the app's own.
  const external = await page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[href], img[src]')]
      .map((el) => el.getAttribute('src') ?? el.getAttribute('href'))
      .filter((u) => /^(https?:)?\/\//.test(u ?? '')),
  );
  assert.deepEqual(external, [], 'elements that load from another origin');
  assert.deepEqual(violations.map((v) => v.id), [], 'serious or critical axe violations');
  assert.deepEqual(offsite, [], 'requests that left 127.0.0.1');
  assert.deepEqual(errors, [], 'uncaught errors in the page');
});
