// A digital credential comes in by drag and drop on the microcredentials screen: a baked Open
// Badge 3.0 PNG (e2e/fixtures, made by intake's TestE2EFixture_…), signed with the test issuer
// key and issued to the demo learner. The verification panel says each check in words beside
// its mark, in English and in French; "Check again" records a new check; a plain picture is
// refused with its reason and adds nothing. axe-core scans the panel in both languages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { msg } from '../lib/locales.mjs';
import { repoRoot, startApp, tempDataDir } from '../lib/server.mjs';

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');
const BADGE = path.join(repoRoot, 'e2e', 'fixtures', 'lab-safety-badge.png');
const TITLE_EN = 'Laboratory Safety';
const TITLE_FR = 'Sécurité en laboratoire';

let app;
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** drop dispatches a drop of files (name, bytes) on an element, as a file manager does. */
async function drop(page, selector, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, data: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

test('a baked badge dropped on the microcredentials screen shows what was checked, in English and French', { timeout: 300_000 }, async () => {
  const dataDir = tempDataDir();
  mkdirSync(path.join(dataDir, 'portfolios'), { recursive: true });
  execFileSync(devBin, ['demo', '--out', path.join(dataDir, 'portfolios', 'demo.passerelle')], {
    env: { ...process.env, PASSERELLE_DATA_DIR: dataDir },
  });
  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  page.setDefaultTimeout(20_000);
  const { t, h, button, goTo, switchLanguage, openDemo } = ui(page);
  const SCREEN = { nav: 'NavCredentials', heading: 'CredentialsHeading' };
  const card = (title) => page.locator('li.card').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

  await checkedFlow({ page, offsite, errors }, 'credentials', async ({ scan }) => {
    await openDemo(app.url);
    await goTo(SCREEN.nav, SCREEN.heading);
    await h(2, t('CredentialImportHeading')).waitFor();
    const before = await page.locator('li.card').count();

    // ---- drop the baked badge --------------------------------------------------------------------
    await drop(page, '#credential-drop-zone', [{ name: 'lab-safety-badge.png', type: 'image/png', bytes: readFileSync(BADGE) }]);
    const results = page.locator('#credential-import-results');
    await results.getByText(t('CredentialImportStatus_imported'), { exact: true }).waitFor();
    assert.match(await results.innerText(), /lab-safety-badge\.png: 1 microcredential, Laboratory Safety/);
    const badge = card(TITLE_EN);
    await badge.waitFor();
    assert.equal(await page.locator('li.card').count(), before + 1, 'one microcredential added');

    // ---- the verification panel, in English --------------------------------------------------------
    const panel = badge.getByRole('region', { name: t('CredentialVerificationHeading') });
    await panel.waitFor();
    const words = await panel.innerText();
    for (const check of ['signature', 'issuer_key', 'validity', 'revocation', 'recipient']) {
      assert.ok(words.includes(t(`CredentialCheckName_${check}`)), `the panel names the ${check} check`);
    }
    // Each state in words, never a mark alone; the unknowns are said as such.
    const line = (check, state) => `${t(`CredentialCheckName_${check}`)}${t('CredentialCheckSeparator')}${t(`CredentialState_${state}`)}`;
    assert.ok(words.includes(line('signature', 'passed')), words);
    assert.ok(words.includes(line('recipient', 'passed')), words);
    assert.ok(words.includes(line('revocation', 'not_checked')), words);
    assert.ok(words.includes(t('CredentialCheck_no_status')), 'the reason in plain words');
    assert.ok(words.includes('Valid from 2025-09-15 until 2099-12-31.'), words);
    assert.ok(words.includes('offline'), 'says it was checked offline');
    assert.match(words, /Signing key: z6Mk\S+ \(from the issuer’s did:key\)/);
    for (const state of ['passed', 'not_checked']) {
      assert.ok((await panel.locator(`li.check.${state} svg[aria-hidden="true"]`).count()) > 0, `a ${state} mark, hidden from screen readers`);
    }
    assert.ok(words.includes('Analyse data') && words.includes('NUM-3'), 'the alignments in plain words');
    assert.ok(words.includes('Completed four graded labs and a final project.'), 'the criteria');
    await panel.scrollIntoViewIfNeeded();
    await scan('credentials-panel-en');

    // ---- check again: keyboard, and a new date said politely --------------------------------------
    const again = panel.getByRole('button', { name: new RegExp(`^${t('CredentialCheckAgain')}`) });
    await again.focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('status').getByText(/^Checked again on /).waitFor();
    assert.ok(await again.evaluate((el) => el === document.activeElement), 'focus stays on "Check again" after Enter');

    // ---- a plain picture is refused with its reason, and adds nothing ------------------------------
    const plain = readFileSync(path.join(repoRoot, 'build', 'appicon.png'));
    await drop(page, '#credential-drop-zone', [{ name: 'holiday.png', type: 'image/png', bytes: plain }]);
    await results.getByText(t('CredentialImportStatus_refused'), { exact: true }).waitFor();
    assert.ok((await results.innerText()).includes(msg('en', 'CredentialNoBadgeInImage', { Name: 'holiday.png' }).slice(0, 30)));
    assert.equal(await page.locator('li.card').count(), before + 1, 'the refused picture added nothing');

    // ---- what was said is said again after a switch to French: the reason, the new check --------
    await switchLanguage('fr');
    await h(1, msg('fr', 'CredentialsHeading')).waitFor();
    const resultats = await results.innerText();
    assert.ok(resultats.includes(msg('fr', 'CredentialNoBadgeInImage', { Name: 'holiday.png' }).slice(0, 30)), resultats);
    assert.ok(!resultats.includes(msg('en', 'CredentialNoBadgeInImage', { Name: 'holiday.png' }).slice(0, 30)), resultats);
    const statut = card(TITLE_FR).getByRole('region', { name: msg('fr', 'CredentialVerificationHeading') }).getByRole('status');
    assert.ok((await statut.innerText()).startsWith(msg('fr', 'CredentialCheckedAgain').split('{{')[0]), await statut.innerText());
    await switchLanguage('en');
    await h(1, t('CredentialsHeading')).waitFor();

    // ---- the form keeps what the credential states, and lets the learner add the rest -------------
    await badge.getByRole('button', { name: new RegExp(`^${t('Edit')}`) }).click();
    await h(3, t('CredentialStatedHeading')).waitFor();
    assert.equal(await page.locator('#credential-issuer').count(), 0, 'the issuer is not an editable field');
    assert.equal(await page.locator('#credential-assessmentMethod').count(), 1, 'the assessment method is');
    await scan('credentials-form-imported-en');
    await button(t('Cancel')).click();

    // ---- in French -------------------------------------------------------------------------------
    await switchLanguage('fr');
    await h(1, msg('fr', 'CredentialsHeading')).waitFor();
    const carte = card(TITLE_FR);
    const panneau = carte.getByRole('region', { name: msg('fr', 'CredentialVerificationHeading') });
    await panneau.waitFor();
    const mots = await panneau.innerText();
    const ligne = (check, state) =>
      `${msg('fr', `CredentialCheckName_${check}`)}${msg('fr', 'CredentialCheckSeparator')}${msg('fr', `CredentialState_${state}`)}`;
    assert.ok(mots.includes(ligne('signature', 'passed')), mots);
    assert.ok(mots.includes(ligne('revocation', 'not_checked')), mots);
    assert.ok(mots.includes(msg('fr', 'CredentialCheck_no_status')), mots);
    assert.ok(mots.includes('hors ligne'), mots);
    await panneau.scrollIntoViewIfNeeded();
    await scan('credentials-panel-fr');
  });
});
