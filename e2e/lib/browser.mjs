// Debian's chromium driven by playwright-core (no browser download), with a record of every
// request that would leave 127.0.0.1 and an axe-core scan injected from node_modules.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { artifactsDir } from './server.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches headless chromium with the flags this machine needs (no sandbox as root, no network). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * A new page whose context records every request or WebSocket that goes anywhere but
 * 127.0.0.1. Returns { context, page, offsite } where offsite is the live list of such URLs.
 * bypassCSP lets the test inject axe-core: the app's CSP allows only its own scripts.
 */
export async function newPage(browser, { locale = 'en-CA' } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale,
    bypassCSP: true,
  });
  const offsite = [];
  const check = (u) => {
    let parsed;
    try {
      parsed = new URL(u);
    } catch {
      offsite.push(u);
      return;
    }
    if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return;
    if (parsed.hostname !== '127.0.0.1') offsite.push(u);
  };
  context.on('request', (req) => check(req.url()));
  const page = await context.newPage();
  page.on('websocket', (ws) => check(ws.url()));
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, offsite, errors };
}

/**
 * Runs axe-core on the page and returns the serious and critical violations. Every violation
 * found is printed with its impact, so moderate ones are visible too.
 */
export async function axeScan(page, label) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      })),
    ),
  );
  for (const v of result) {
    console.log(`axe [${label}] ${v.impact}: ${v.id}: ${v.help}`);
    for (const n of v.nodes) console.log(`    ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`);
  }
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot as e2e/artifacts/NAME.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
