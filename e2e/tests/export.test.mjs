// The export screen on the demo portfolio: the target's readiness at a glance, the language of
// the PDF defaulting to the target's language of submission, exactly the one shared support
// note listed under "include", axe-core in English and French, and screenshots. The native save
// dialog cannot be driven from a browser, so the export itself is proven through the bound
// method the dialog ends in (Export.ToPath): the PDF has the learner's name, its progress
// events reach the page, and no private note is in it. Last, with no target left, the screen
// says so plainly and the PDF is still written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { repoRoot, startApp, tempDataDir } from '../lib/server.mjs';

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');
// The demo learner, her one shared note, and texts of her private notes (demo/).
const LEGAL_NAME = 'Aminata Mariam Koné';
const SHARED_NOTE_START = 'Plan de reconnaissance des acquis';
const PRIVATE_TEXTS = ['Garderie Les Petits Explorateurs', 'WINPASS', 'Pluri-elles', 'Laissez-passer d’autobus'];
const SELF_ID = 'résidente permanente';

let app;
let browser;
let workDir;

before(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-export-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** The text of a PDF as pdftotext extracts it (what search and screen readers read). */
function pdfText(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

test('a learner prepares the PDF export; the PDF is written with her name and no private note', { timeout: 300_000 }, async () => {
  const dataDir = tempDataDir();
  mkdirSync(path.join(dataDir, 'portfolios'), { recursive: true });
  const demoFile = path.join(dataDir, 'portfolios', 'demo.passerelle');
  const env = { ...process.env, PASSERELLE_DATA_DIR: dataDir };
  execFileSync(devBin, ['demo', '--out', demoFile], { env });
  // What Go says of the demo's target, to compare with the screen.
  const [expected] = JSON.parse(
    execFileSync(devBin, ['readiness', '--portfolio', demoFile, '--json'], { env, encoding: 'utf8' }),
  ).targets;

  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1024, height: 700 });
  page.setDefaultTimeout(15_000);

  const { t, h, button, main, goTo, switchLanguage, openDemo } = ui(page);
  await checkedFlow({ page, offsite, errors }, 'export', flow);

  async function flow({ scan }) {
    const radio = (id) => main().getByRole('radio', { name: t(id), exact: true });
    const includeShared = () => main().getByRole('checkbox', { name: t('ExportIncludeSharedLabel'), exact: true });
    // The list is named by the sentence above it ("This note would go in the PDF:").
    const sharedList = () => main().locator('ul[aria-labelledby="export-shared-list-label"]');

    // ---- open the demo portfolio, in English ---------------------------------------------------
    await openDemo(app.url);

    // ---- the guide's Export step leads to the export screen, focus on its heading --------------
    await page.locator('#guide-go-Export').focus();
    assert.equal(await page.locator('#guide-go-Export').innerText(), t('GuideActionExport'));
    await page.keyboard.press('Enter');
    await h(1, t('ExportHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the heading');
    // It sits in the nav right after Readiness.
    const navItems = await page.getByRole('navigation').getByRole('button').allInnerTexts();
    assert.equal(navItems.indexOf(t('NavExport')), navItems.indexOf(t('NavReadiness')) + 1, 'Export follows Readiness');
    assert.equal(
      await page.getByRole('navigation').getByRole('button', { name: t('NavExport') }).getAttribute('aria-current'),
      'page',
    );

    // ---- readiness at a glance, and the honest note: not all ready, export still allowed ------
    await main().getByText(t('TargetPickerOne') + ' ' + expected.name, { exact: true }).waitFor();
    await main()
      .getByText(t('ReadinessSummary', { Claimed: expected.claimed, Total: expected.total, Ready: expected.ready }), { exact: true })
      .waitFor();
    assert.ok(expected.ready < expected.claimed, 'the demo has claims that are not ready');
    await main().getByText(t('ExportNotAllReady'), { exact: true }).waitFor();
    assert.equal(await button(t('ExportSave')).isEnabled(), true, 'never blocked by readiness');

    // ---- language: the demo target is submitted in both languages ---------------------------------
    await main().getByRole('group', { name: t('ExportLanguageHeading') }).waitFor();
    assert.equal(await radio('ExportLanguageBilingual').isChecked(), true, 'defaults to the target’s language');
    await main().getByText(t('ExportLanguageFromTarget'), { exact: true }).waitFor();

    // ---- what to include: off by default, exactly the one shared note listed -----------------------
    assert.equal(await includeShared().isChecked(), false, 'shared notes are off by default');
    assert.equal(await includeShared().isEnabled(), true);
    const items = sharedList().getByRole('listitem');
    assert.equal(await items.count(), 1, 'the demo has exactly one shared note');
    const item = await items.first().innerText();
    assert.ok(item.includes(t('SupportCategoryCoaching')), `category shown: ${item}`);
    assert.ok(item.includes(SHARED_NOTE_START), `first words shown: ${item}`);
    const screenText = await main().innerText();
    for (const text of PRIVATE_TEXTS) assert.ok(!screenText.includes(text), `private note not listed: ${text}`);
    await main().getByText(t('ExportPrivateNever'), { exact: true }).waitFor();
    await includeShared().focus();
    await page.keyboard.press('Space');
    assert.equal(await includeShared().isChecked(), true);
    await scan('export-en');
    await page.keyboard.press('Space');
    assert.equal(await includeShared().isChecked(), false);

    // ---- French ------------------------------------------------------------------------------------
    await switchLanguage('fr');
    await h(1, t('ExportHeading')).waitFor();
    await main()
      .getByText(t('ReadinessSummary', { Claimed: expected.claimed, Total: expected.total, Ready: expected.ready }), { exact: true })
      .waitFor();
    await main().getByText(t('ExportNotAllReady'), { exact: true }).waitFor();
    assert.equal(await radio('ExportLanguageBilingual').isChecked(), true);
    assert.equal(await sharedList().getByRole('listitem').count(), 1);
    assert.ok((await sharedList().innerText()).includes(t('SupportCategoryCoaching')));
    await includeShared().check();
    await scan('export-fr');
    await includeShared().uncheck();
    await switchLanguage('en');

    // By keyboard: the arrow keys move through the radio group; the choice is then the learner's.
    await radio('ExportLanguageBilingual').focus();
    await page.keyboard.press('ArrowUp');
    assert.equal(await radio('LanguageFrench').isChecked(), true);
    assert.equal(await main().getByText(t('ExportLanguageFromTarget'), { exact: true }).count(), 0, 'no longer the target’s');
    await page.keyboard.press('ArrowDown');
    assert.equal(await radio('ExportLanguageBilingual').isChecked(), true);

    // ---- the export itself, through the bound method the save dialog ends in ---------------------
    const targetId = await page.evaluate(async () => (await window.go.app.Targets.List())[0].id);
    const exportTo = (file, req) =>
      page.evaluate(
        async ({ file, req }) => {
          const seen = [];
          const off = window.runtime.EventsOn('export:progress', (p) => seen.push(p));
          try {
            const result = await window.go.app.Export.ToPath(req, file);
            // Reports may trail the result by a moment, and come in any order (dev server).
            for (let i = 0; i < 20 && !seen.some((p) => p.done === p.total); i++) {
              await new Promise((r) => setTimeout(r, 50));
            }
            return { result, seen };
          } finally {
            off();
          }
        },
        { file, req },
      );

    const plain = path.join(workDir, 'portfolio-bilingual.pdf');
    const { result, seen } = await exportTo(plain, { targetId, language: 'bilingual', includeSharedNotes: false });
    assert.equal(result.path, plain);
    assert.ok(existsSync(plain), 'the PDF exists');
    assert.ok(result.pages > 1 && result.size > 0 && result.documentId, JSON.stringify(result));
    assert.ok(seen.length > 0, 'export:progress events reach the page');
    const total = seen[0].total;
    assert.ok(seen.every((p) => p.total === total && p.done >= 1 && p.done <= total), JSON.stringify(seen));
    assert.equal(Math.max(...seen.map((p) => p.done)), total, 'progress reaches the end');
    let text = pdfText(plain);
    assert.ok(text.includes(LEGAL_NAME), 'the PDF has the learner’s legal name');
    assert.ok(text.includes(result.documentId), 'the PDF has its document ID');
    for (const secret of [...PRIVATE_TEXTS, SELF_ID, SHARED_NOTE_START]) {
      assert.ok(!text.includes(secret), `not in the PDF without shared notes: ${secret}`);
    }

    // With shared notes: the one listed on the screen goes in, and still no private note.
    const shared = path.join(workDir, 'portfolio-shared.pdf');
    await exportTo(shared, { targetId, language: 'en', includeSharedNotes: true });
    text = pdfText(shared).replace(/\s+/g, ' ');
    assert.ok(text.includes(SHARED_NOTE_START), 'the shared note is in the PDF when included');
    for (const secret of [...PRIVATE_TEXTS, SELF_ID]) assert.ok(!text.includes(secret), `private: ${secret}`);

    // ---- the screen's own path: the dialog stood in for by a fixed path, the rest real ------------
    // Only the native dialog is replaced, in the page: the store's call, Go's ToPath, its
    // progress events and translated errors, and the result panel are the app's own.
    const viaScreen = path.join(workDir, 'portfolio-via-screen.pdf');
    await page.evaluate((file) => {
      const x = window.go.app.Export;
      window.__real = { WithDialog: x.WithDialog, ShowInFolder: x.ShowInFolder };
      window.__shown = [];
      window.__requests = [];
      window.__gate = new Promise((resolve) => (window.__release = resolve));
      x.WithDialog = async (req) => {
        window.__requests.push(req);
        await window.__gate; // "the learner is choosing where to save"
        return x.ToPath(req, file);
      };
      x.ShowInFolder = async (p) => void window.__shown.push(p);
    }, viaScreen);
    await radio('LanguageFrench').check();
    await includeShared().check();
    await button(t('ExportSave')).click();
    const bar = page.getByRole('progressbar', { name: t('ExportProgressLabel') });
    await bar.waitFor();
    assert.equal(await button(t('ExportSave')).isDisabled(), true, 'one export at a time');
    assert.equal(await bar.getAttribute('aria-valuenow'), null, 'indeterminate until Go reports');
    await page.getByRole('status').filter({ hasText: t('ExportWaitingForDialog') }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__requests), [
      { targetId, language: 'fr', includeSharedNotes: true },
    ]);
    await screenshot(page, 'export-waiting-en');
    // A progress report, as Go sends them (the page's own runtime delivers it to the listener).
    await page.evaluate(() => window.runtime.EventsEmit('export:progress', { done: 3, total: 12 }));
    await page.locator('[role="progressbar"][aria-valuenow="3"][aria-valuemax="12"]').waitFor();
    assert.equal(await bar.getAttribute('aria-valuetext'), t('ExportProgressText', { Done: 3, Total: 12 }));
    await page.getByRole('status').filter({ hasText: t('ExportWorking') }).waitFor();
    await scan('export-progress-en');
    await page.evaluate(() => window.__release());

    const done = h(2, t('ExportDoneHeading'));
    await done.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'export-done-heading', 'focus on the result');
    const facts = await main().locator('dl.facts').innerText();
    assert.ok(facts.includes(viaScreen), `path shown: ${facts}`);
    const pages = Number((await main().locator('dl.facts dd').nth(1).innerText()).replace(/\D/g, ''));
    assert.ok(pages > 1, 'pages shown');
    await page.getByRole('status').filter({ hasText: t('ExportSavedStatus', { Count: pages }) }).waitFor();
    const screenPdf = pdfText(viaScreen).replace(/\s+/g, ' ');
    assert.ok(screenPdf.includes(LEGAL_NAME) && screenPdf.includes(SHARED_NOTE_START), 'the choices reached the PDF');
    for (const secret of [...PRIVATE_TEXTS, SELF_ID]) assert.ok(!screenPdf.includes(secret), `private: ${secret}`);
    await scan('export-done-en');
    await button(t('ExportShowInFolder')).click();
    assert.deepEqual(await page.evaluate(() => window.__shown), [viaScreen]);
    await button(t('ExportAgain')).click();
    await button(t('ExportSave')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'export-save', 'focus back on Save');
    const status = main().locator('.export-status');
    assert.equal((await status.innerText()).trim(), '', 'the news of the last export is gone');

    // The rest in French: Go's messages come in the learner's language.
    await switchLanguage('fr');
    await h(1, t('ExportHeading')).waitFor();

    // A cancelled dialog: back to the form, quietly.
    await page.evaluate(() => {
      window.go.app.Export.WithDialog = async () => ({ path: '', pages: 0, size: 0, documentId: '', attached: 0, notAttached: null, notReproduced: null });
    });
    await button(t('ExportSave')).click();
    await page.locator('#export-save:enabled').waitFor();
    assert.equal(await page.getByRole('progressbar').count(), 0);
    assert.equal(await page.locator('#export-error').innerText(), '', 'no error');
    assert.equal((await status.innerText()).trim(), '', 'no status');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'export-save');

    // A place that cannot be written: Go's translated message in the alert, nothing written.
    const nowhere = path.join(workDir, 'no-such-folder', 'portfolio.pdf');
    await page.evaluate((file) => {
      const x = window.go.app.Export;
      x.WithDialog = (req) => x.ToPath(req, file);
    }, nowhere);
    await button(t('ExportSave')).click();
    await page.getByRole('alert').filter({ hasText: t('ErrExportCannotWrite', { Path: nowhere }) }).waitFor();
    assert.equal(existsSync(nowhere), false);
    await scan('export-error-fr');
    await page.evaluate(() => Object.assign(window.go.app.Export, window.__real));
    await switchLanguage('en');

    // ---- no target: said plainly, an offer to add one, and the PDF can still be written -----------
    await goTo('NavTargets', 'TargetsHeading');
    await button(`${t('Delete')} ${expected.name}`).click();
    await page.getByRole('dialog').getByRole('button', { name: t('Delete'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: t('TargetDeleted', { Name: expected.name }) }).waitFor();
    await goTo('NavExport', 'ExportHeading');
    await main().getByText(t('ExportNoTarget'), { exact: true }).waitFor();
    await button(t('GuideActionTarget')).waitFor();
    assert.equal(await radio('ExportLanguageBilingual').isChecked(), true, 'bilingual without a target');
    assert.equal(await main().getByText(t('ExportLanguageFromTarget'), { exact: true }).count(), 0);
    await scan('export-no-target-en');
    const none = path.join(workDir, 'portfolio-no-target.pdf');
    const noTarget = await exportTo(none, { targetId: 0, language: 'fr', includeSharedNotes: false });
    assert.ok(noTarget.result.pages > 0 && existsSync(none), 'a PDF without a target');
    assert.ok(pdfText(none).includes(LEGAL_NAME));
    await button(t('GuideActionTarget')).click();
    await h(1, t('TargetsHeading')).waitFor();
  }
});
