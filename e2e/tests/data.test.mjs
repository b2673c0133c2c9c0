// "Your data" and the locked portfolio on the demo, as a learner on a shared computer meets
// them: set a passphrase (after the too-short and mismatched tries), lock now, find Support notes
// and the profile's private section calmly locked with no private text anywhere in the page,
// unlock with a wrong then the right passphrase, lose nothing typed when a save meets a lock,
// back up and restore (the native dialogs stood in for by their bound methods), the inactivity
// lock arriving by itself, a changed passphrase, and a forgotten one cleared after typing the
// portfolio's name.
// The portfolio file's bytes (with its WAL and snapshots) are searched for a support note's text
// while the passphrase is set; a tag typed into a note is shown as text and never runs. axe-core
// on Your data and the unlock dialog in English and French; screenshots of both.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { msg } from '../lib/locales.mjs';
import { repoRoot, startApp, tempDataDir } from '../lib/server.mjs';

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');
// From the demo (demo/): its name, a support note's provider, the learner's email.
const PORTFOLIO_NAME = 'Portfolio d’Aminata — démo';
const NOTE_TEXT = 'Garderie Les Petits Explorateurs';
const EMAIL = 'aminata.kone@example.org';
const SELF_ID = 'résidente permanente';
const PASSPHRASE = 'trois mots faciles';
const NEW_PASSPHRASE = 'cinq mots encore plus faciles';
const WRONG = 'quatre mots oubliés';
const HOSTILE = '<img src=x onerror=window.__pwned=1>';
const AFTER_BACKUP = 'Note écrite après la sauvegarde';
// The one-form of a plural message (lib/locales.mjs gives the other form).
const ONE_MINUTE = JSON.parse(readFileSync(path.join(repoRoot, 'locales', 'en.json'), 'utf8'))
  .DataInactivitySaved.one.replace('{{.Count}}', '1');

let app;
let browser;
let workDir;

before(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-data-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** The files that hold the portfolio's bytes: the file, its WAL, and every snapshot of it. */
function portfolioFiles(dataDir, file) {
  const files = [file, `${file}-wal`].filter((f) => existsSync(f));
  const snapshots = path.join(dataDir, 'backups', 'demo');
  if (existsSync(snapshots)) {
    for (const name of readdirSync(snapshots)) files.push(path.join(snapshots, name));
  }
  return files;
}

/** Which of files hold text, as UTF-8 bytes. */
function holding(files, text) {
  const needle = Buffer.from(text, 'utf8');
  return files.filter((f) => existsSync(f) && readFileSync(f).includes(needle));
}

test('a learner locks her portfolio on a shared computer; private text is sealed on disk and hidden on screen', { timeout: 420_000 }, async () => {
  const dataDir = tempDataDir();
  mkdirSync(path.join(dataDir, 'portfolios'), { recursive: true });
  const demoFile = path.join(dataDir, 'portfolios', 'demo.passerelle');
  execFileSync(devBin, ['demo', '--out', demoFile], { env: { ...process.env, PASSERELLE_DATA_DIR: dataDir } });
  const usb = path.join(workDir, 'usb');
  mkdirSync(usb);

  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1024, height: 760 });
  page.setDefaultTimeout(15_000);

  const { t, h, button, main, goTo, switchLanguage, openDemo } = ui(page);
  await checkedFlow({ page, offsite, errors }, 'your-data', flow);

  async function flow({ scan }) {
    const unlockDialog = () => page.locator('dialog.unlock-dialog');
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    const pageHas = async (text) => (await page.content()).includes(text);
    const unlockWith = async (passphrase) => {
      await page.locator('#unlock-passphrase').fill(passphrase);
      await page.keyboard.press('Enter');
    };

    // ---- open the demo, in English ------------------------------------------------------------------
    await openDemo(app.url);
    assert.equal(await unlockDialog().evaluate((d) => d.open), false, 'no passphrase yet: nothing to unlock');

    // ---- Your data: last in the nav, focus on its heading; where the file is ------------------------
    const navItems = await page.getByRole('navigation').getByRole('button').allInnerTexts();
    assert.ok(navItems.indexOf(t('NavData')) > navItems.indexOf(t('NavExport')), `after Export: ${navItems}`);
    await goTo('NavData', 'DataHeading');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the heading');
    await main().locator('code', { hasText: demoFile }).waitFor();
    await main().getByText(t('DataEncryptedOff'), { exact: true }).waitFor();
    await main().getByText(t('DataLeavesNetwork'), { exact: true }).waitFor();
    // The snapshot taken when the demo opened is listed (it may land a moment after the screen).
    await main().getByRole('cell', { name: t('DataBackupKindSnapshot'), exact: true }).first().waitFor();
    const before = portfolioFiles(dataDir, demoFile);
    assert.ok(holding(before, NOTE_TEXT).length > 0, 'without a passphrase the note is in the file (the search works)');
    await scan('your-data-en');

    // ---- set a passphrase: too short, not the same twice, then right ---------------------------------
    await main().getByText(t('DataPassphraseForgetWarning'), { exact: true }).waitFor();
    await main().getByText(t('DataPassphraseOldCopiesWarning'), { exact: true }).waitFor();
    const newField = page.locator('#passphrase-set-new');
    assert.equal(await newField.getAttribute('autocomplete'), 'new-password');
    assert.equal(await newField.getAttribute('type'), 'password');
    assert.equal(await page.locator('#passphrase-set-confirm').getAttribute('autocomplete'), 'new-password');
    await newField.focus();
    await page.keyboard.type('court');
    // Show, beside the field, is a toggle named with the field: pressed, the passphrase shows.
    await page.keyboard.press('Tab');
    assert.equal(await activeId(), 'passphrase-set-new-show', 'Show comes after its field');
    const show = page.getByRole('button', { name: `${t('PassphraseShow')} ${t('DataPassphraseNewLabel')}`, exact: true });
    assert.equal(await show.getAttribute('aria-pressed'), 'false');
    await page.keyboard.press('Space');
    assert.equal(await show.getAttribute('aria-pressed'), 'true');
    assert.equal(await newField.getAttribute('type'), 'text');
    assert.equal(await newField.inputValue(), 'court');
    await page.keyboard.press('Space');
    assert.equal(await newField.getAttribute('type'), 'password', 'pressed again, it hides');
    await page.keyboard.press('Tab');
    await page.keyboard.type('court');
    await page.keyboard.press('Enter');
    await page.locator('#passphrase-set-error').getByText(msg('en', 'ErrPassphraseTooShort', { Min: 8 })).waitFor();
    assert.equal(await newField.getAttribute('aria-invalid'), 'true');
    assert.equal(await activeId(), 'passphrase-set-new', 'focus on the field at fault');
    await newField.fill(PASSPHRASE);
    await page.locator('#passphrase-set-confirm').fill(`${PASSPHRASE}s`);
    await page.keyboard.press('Enter');
    await page.locator('#passphrase-set-error').getByText(t('DataPassphraseMismatch')).waitFor();
    assert.equal(await activeId(), 'passphrase-set-confirm');
    await page.locator('#passphrase-set-confirm').fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await main().getByRole('status').filter({ hasText: t('DataPassphraseSetDone') }).waitFor({ timeout: 30_000 });
    await main().getByText(t('DataPassphraseUnlocked'), { exact: true }).waitFor();
    await main().getByText(t('DataEncryptedOn'), { exact: true }).waitFor();

    // The file, its WAL and its snapshots hold no private text any more.
    const sealed = () => portfolioFiles(dataDir, demoFile);
    for (const secret of [NOTE_TEXT, EMAIL, SELF_ID]) {
      assert.deepEqual(holding(sealed(), secret), [], `“${secret}” is not in the portfolio’s bytes`);
    }
    assert.ok(sealed().some((f) => f.endsWith('-wal')) || existsSync(demoFile), 'searched the real file');
    await scan('your-data-passphrase-en');

    // ---- lock now: the lock bar, focus on the way back in, no dialog forced on her ------------------
    await button(t('DataLockNow')).click();
    await page.locator('#lock-bar').getByText(t('LockBarText')).waitFor();
    await page.locator('#data-unlock:focus').waitFor();
    assert.equal(await unlockDialog().evaluate((d) => d.open), false);
    await main().getByText(t('DataPassphraseLocked'), { exact: true }).waitFor();

    // ---- Support notes and the profile's private section: locked, calm, no private text ---------------
    await goTo('NavSupport', 'SupportHeading');
    await main().getByText(t('SupportLocked'), { exact: true }).waitFor();
    assert.equal(await main().locator('[role="alert"]:not(:empty)').count(), 0, 'no error, a locked state');
    assert.equal(await button(t('SupportNoteAdd')).count(), 0);
    for (const secret of [NOTE_TEXT, EMAIL, SELF_ID]) assert.equal(await pageHas(secret), false, `not in the page: ${secret}`);
    await screenshot(page, 'your-data-support-locked-en');

    // Export says what a PDF made now would leave out, calmly, with the way to unlock.
    await goTo('NavExport', 'ExportHeading');
    await main().getByText(t('ExportLocked'), { exact: true }).waitFor();
    await page.locator('#export-locked-unlock').waitFor();
    assert.equal(await main().locator('[role="alert"]:not(:empty)').count(), 0, 'no error on the export screen');
    assert.equal(await page.locator('#export-include-shared').count(), 0, 'no shared-notes choice while locked');

    await goTo('NavProfile', 'ProfileHeading');
    await main().getByText(t('ProfileContactLocked'), { exact: true }).waitFor();
    await main().getByText(t('ProfileSelfIdLocked'), { exact: true }).waitFor();
    assert.equal(await page.locator('#profile-email').count(), 0);
    for (const secret of [EMAIL, SELF_ID]) assert.equal(await pageHas(secret), false, `not in the page: ${secret}`);
    // The rest of the profile still saves while locked, and keeps the sealed fields.
    await page.getByLabel(t('ProfileCommunityLabel'), { exact: true }).fill('Saint-Boniface (Winnipeg)');
    await button(t('ProfileSave')).click();
    await main().getByRole('status').filter({ hasText: t('ProfileSaved') }).waitFor();

    // ---- the unlock dialog: a wrong passphrase changes nothing, the right one opens ----------------------
    await page.locator('#profile-selfid-locked-unlock').click();
    await unlockDialog().getByRole('heading', { name: t('UnlockTitle') }).waitFor();
    assert.equal(await unlockDialog().evaluate((d) => d.matches(':modal')), true, 'modal: the page behind is inert');
    assert.equal(await activeId(), 'unlock-passphrase', 'focus in the passphrase field');
    assert.equal(await page.locator('#unlock-passphrase').getAttribute('autocomplete'), 'current-password');
    await scan('your-data-unlock-en');
    await unlockWith(WRONG);
    await page.locator('#unlock-error').getByText(msg('en', 'ErrWrongPassphrase')).waitFor({ timeout: 30_000 });
    assert.equal(await unlockDialog().evaluate((d) => d.open), true, 'still asking');
    assert.equal(await page.locator('#unlock-passphrase').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => window.go.app.Data.LockState().then((s) => s.locked)), true, 'still locked');
    await screenshot(page, 'your-data-unlock-wrong-en');
    await unlockWith(PASSPHRASE);
    await page.locator('dialog.unlock-dialog:not([open])').waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('#lock-bar').waitFor({ state: 'detached' });
    await page.locator('#profile-email').waitFor();
    assert.equal(await page.locator('#profile-email').inputValue(), EMAIL, 'the email is back');
    assert.equal(
      await page.getByLabel(t('ProfileCommunityLabel'), { exact: true }).inputValue(),
      'Saint-Boniface (Winnipeg)',
      'what she typed while locked is kept',
    );
    await goTo('NavSupport', 'SupportHeading');
    await main().getByText(NOTE_TEXT).first().waitFor();

    // ---- a save that meets a lock keeps what she typed; a tag in a note stays text ---------------------
    await button(t('SupportNoteAdd')).click();
    await h(2, t('SupportFormAddHeading')).waitFor();
    await page.getByLabel(t('SupportFormProviderLabel'), { exact: true }).fill(HOSTILE);
    await page.getByLabel(t('SupportFormTextLabel'), { exact: true }).fill(`${HOSTILE} <script>window.__pwned=2</script>`);
    // The portfolio locks behind the page's back (as the inactivity lock does between events).
    await page.evaluate(() => window.go.app.Data.Lock());
    await button(t('SupportFormSave')).click();
    await unlockDialog().getByRole('heading', { name: t('UnlockTitle') }).waitFor();
    await main().getByText(t('SupportLocked'), { exact: true }).waitFor();
    assert.equal(await pageHas('onerror=window.__pwned'), false, 'the draft is not on the page while locked');
    await unlockWith(PASSPHRASE);
    await page.locator('dialog.unlock-dialog:not([open])').waitFor({ state: 'attached', timeout: 30_000 });
    await h(2, t('SupportFormAddHeading')).waitFor();
    assert.equal(await page.getByLabel(t('SupportFormProviderLabel'), { exact: true }).inputValue(), HOSTILE, 'nothing typed was lost');
    await button(t('SupportFormSave')).click();
    await main().getByRole('status').filter({ hasText: t('SupportNoteAdded') }).waitFor();
    const card = main().locator('.card', { hasText: `${HOSTILE} <script>` });
    await card.waitFor();
    assert.ok((await card.innerText()).includes(`${HOSTILE} <script>window.__pwned=2</script>`), 'shown as text');
    assert.equal(await main().locator('img, script').count(), 0, 'no element was made from the text');
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'nothing ran');
    for (const secret of [NOTE_TEXT, 'onerror=window.__pwned']) {
      assert.deepEqual(holding(sealed(), secret), [], `“${secret}” is not in the portfolio’s bytes`);
    }

    // ---- back up to a "USB stick", then restore from it (the dialogs stood in for) ---------------------
    await goTo('NavData', 'DataHeading');
    await page.evaluate(
      ({ usb }) => {
        const x = window.go.app.Data;
        x.BackupWithDialog = () => x.BackupTo(usb);
      },
      { usb },
    );
    await button(t('DataBackupTo')).click();
    await main().getByRole('status').filter({ hasText: msg('en', 'DataBackupDone', { Path: usb }) }).waitFor({ timeout: 30_000 });
    const [backup] = readdirSync(usb).filter((n) => n.endsWith('.passerelle'));
    assert.ok(backup, 'a backup on the stick');
    const backupPath = path.join(usb, backup);
    assert.deepEqual(holding([backupPath], NOTE_TEXT), [], 'the backup is sealed too');

    await goTo('NavSupport', 'SupportHeading');
    await button(t('SupportNoteAdd')).click();
    await page.getByLabel(t('SupportFormTextLabel'), { exact: true }).fill(AFTER_BACKUP);
    await button(t('SupportFormSave')).click();
    await main().getByText(AFTER_BACKUP).waitFor();

    await goTo('NavData', 'DataHeading');
    await page.evaluate(
      ({ backupPath }) => {
        const x = window.go.app.Data;
        x.RestoreWithDialog = () => x.RestoreFrom(backupPath);
      },
      { backupPath },
    );
    await button(t('DataRestoreFrom')).click();
    const confirm = page.getByRole('dialog', { name: t('DataRestoreConfirmTitle') });
    await confirm.getByText(t('DataRestoreConfirmText')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), t('Cancel'), 'the safe choice first');
    await confirm.getByRole('button', { name: t('DataRestoreConfirm'), exact: true }).click();
    // The shell is drawn again; the restored file has the passphrase, so it opens locked.
    await unlockDialog().getByRole('heading', { name: t('UnlockTitle') }).waitFor({ timeout: 30_000 });
    await main().getByRole('status').filter({ hasText: t('DataRestored') }).waitFor();
    await unlockWith(PASSPHRASE);
    await page.locator('dialog.unlock-dialog:not([open])').waitFor({ state: 'attached', timeout: 30_000 });
    await main().getByRole('cell', { name: t('DataBackupKindBeforeRestore'), exact: true }).waitFor();
    await goTo('NavSupport', 'SupportHeading');
    await main().getByText(NOTE_TEXT).first().waitFor();
    assert.equal(await main().getByText(AFTER_BACKUP).count(), 0, 'the restored portfolio is the backup');

    // ---- the inactivity lock arrives by itself -------------------------------------------------------
    await goTo('NavData', 'DataHeading');
    await page.locator('#data-inactivity').fill('1');
    await button(t('DataInactivitySave')).click();
    await main().getByRole('status').filter({ hasText: ONE_MINUTE }).waitFor();
    await goTo('NavSupport', 'SupportHeading');
    await main().getByText(NOTE_TEXT).first().waitFor();
    // No input from here: Go locks after a minute unused (it looks every 30 s) and tells the page.
    await unlockDialog().getByRole('heading', { name: t('UnlockTitle') }).waitFor({ timeout: 150_000 });
    await main().getByText(t('SupportLocked'), { exact: true }).waitFor();
    assert.equal(await pageHas(NOTE_TEXT), false, 'the notes left the page when it locked');
    await unlockWith(PASSPHRASE);
    await main().getByText(NOTE_TEXT).first().waitFor({ timeout: 30_000 });
    await goTo('NavData', 'DataHeading');
    await page.locator('#data-inactivity').fill('10');
    await button(t('DataInactivitySave')).click();
    await main().getByRole('status').filter({ hasText: msg('en', 'DataInactivitySaved', { Count: 10 }) }).waitFor();

    // ---- change the passphrase (a wrong current one, a too short new one, then right) ----------------
    await page.locator('summary', { hasText: t('DataPassphraseChangeHeading') }).click();
    assert.equal(await page.locator('#passphrase-change-current').getAttribute('autocomplete'), 'current-password');
    assert.equal(await page.locator('#passphrase-change-next').getAttribute('autocomplete'), 'new-password');
    await page.locator('#passphrase-change-current').fill(PASSPHRASE);
    await page.locator('#passphrase-change-next').fill('court');
    await page.locator('#passphrase-change-confirm').fill('court');
    await page.keyboard.press('Enter');
    await page.locator('#passphrase-change-error').getByText(msg('en', 'ErrPassphraseTooShort', { Min: 8 })).waitFor();
    assert.equal(await activeId(), 'passphrase-change-next');
    await page.locator('#passphrase-change-current').fill(WRONG);
    await page.locator('#passphrase-change-next').fill(NEW_PASSPHRASE);
    await page.locator('#passphrase-change-confirm').fill(NEW_PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.locator('#passphrase-change-error').getByText(msg('en', 'ErrWrongPassphrase')).waitFor({ timeout: 30_000 });
    assert.equal(await activeId(), 'passphrase-change-current', 'the current passphrase is the one at fault');
    await page.locator('#passphrase-change-current').fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await main().getByRole('status').filter({ hasText: t('DataPassphraseChanged') }).waitFor({ timeout: 30_000 });
    assert.deepEqual(holding(sealed(), NOTE_TEXT), [], 'still sealed under the new passphrase');
    // Removing it needs the passphrase: the old one no longer opens anything.
    await page.locator('summary', { hasText: t('DataPassphraseRemoveHeading') }).click();
    await page.locator('#passphrase-remove-current').fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.locator('#passphrase-remove-error').getByText(msg('en', 'ErrWrongPassphrase')).waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.go.app.Data.LockState().then((s) => s.hasPassphrase)), true);
    await page.locator('summary', { hasText: t('DataPassphraseRemoveHeading') }).click();

    // ---- French: Your data, the unlock dialog, and a forgotten passphrase ------------------------------
    await switchLanguage('fr');
    await h(1, t('DataHeading')).waitFor();
    await main().getByText(t('DataEncryptedOn'), { exact: true }).waitFor();
    await scan('your-data-fr');
    await button(t('DataLockNow')).click();
    await page.locator('#lock-bar').getByText(t('LockBarText')).waitFor();
    await page.locator('#lock-bar-unlock').click();
    await unlockDialog().getByRole('heading', { name: t('UnlockTitle') }).waitFor();
    await scan('your-data-unlock-fr');
    await unlockWith(WRONG);
    await page.locator('#unlock-error').getByText(msg('fr', 'ErrWrongPassphrase')).waitFor({ timeout: 30_000 });

    await button(t('UnlockForgot')).click();
    await unlockDialog().getByRole('heading', { name: t('ForgetTitle') }).waitFor();
    await unlockDialog().getByText(t('ForgetCannotRecover')).waitFor();
    const confirmName = page.locator('#forget-confirmName');
    assert.equal((await page.locator('label[for="forget-confirmName"]').innerText()).trim(), t('ForgetConfirmLabel', { Name: PORTFOLIO_NAME }));
    await confirmName.fill('Portfolio');
    await page.keyboard.press('Enter');
    await page.locator('#forget-error').getByText(msg('fr', 'ErrForgetNotConfirmed', { Name: PORTFOLIO_NAME })).waitFor();
    assert.equal(await page.evaluate(() => window.go.app.Data.LockState().then((s) => s.hasPassphrase)), true, 'nothing changed');
    await scan('your-data-forget-fr');
    await confirmName.fill(PORTFOLIO_NAME);
    await page.keyboard.press('Enter');
    await page.locator('dialog.unlock-dialog:not([open])').waitFor({ state: 'attached', timeout: 30_000 });
    await main().getByText(t('DataPassphraseNone'), { exact: true }).waitFor();
    await main().getByText(t('DataEncryptedOff'), { exact: true }).waitFor();
    await goTo('NavSupport', 'SupportHeading');
    await main().getByText(t('SupportEmpty'), { exact: true }).waitFor();
    await goTo('NavProfile', 'ProfileHeading');
    assert.equal(await page.locator('#profile-email').inputValue(), '', 'contact details cleared');
    assert.equal(
      await page.getByLabel(t('ProfileCommunityLabel'), { exact: true }).inputValue(),
      'Saint-Boniface (Winnipeg)',
      'the rest of the portfolio is as it was',
    );
    await switchLanguage('en');
  }
});
