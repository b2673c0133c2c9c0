// What happened next, on the demo portfolio, as a learner meets it: the follow-up prompts on
// her guide (one answered, which opens the form with its microcredential ticked; one dismissed
// for good), a later outcome recorded, edited behind the unsaved-changes guard and deleted, a
// PLAR decision recorded on one learning outcome; then sharing with a program, in plain words:
// turned off (the dialog says what was given cannot be recalled) and on again with the same
// random code, a new program whose file follows the choices before anything is stored, and the
// anonymous file saved (the native dialog stood in for by its bound method), searched for her
// name, contact and notes. All of it in English and in French, axe-core on each screen.
// A second test gives the program report a folder of such files: counts, the median, groups
// under 5 shown as not shown with the reason, and the CSV, PDF page and xAPI saved.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { repoRoot, startApp, tempDataDir } from '../lib/server.mjs';

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');
// Screenshots a person looks at (the task's list), beside the artifacts every test keeps.
const shots = process.env.OUTCOMES_SHOTS || '/tmp/shots-outcomes';
// From the demo (demo/): the program she shares with, her credentials, her name, contact and notes.
const PROGRAM = 'Centre d’amitié — Career coaching 2026';
const FOOD = { en: 'Food Handler Certification', fr: 'Certification en manipulation sécuritaire des aliments', key: 'credential:1:12' };
const LAB = { en: 'Introduction to Canadian Laboratory Practice', fr: 'Introduction aux pratiques de laboratoire au Canada' };
const PRIVATE = [
  'Aminata',
  'Koné',
  'aminata.kone@example.org',
  'Technicienne de laboratoire à temps partiel',
  'L’évaluatrice demande un stage',
  'Garderie Les Petits Explorateurs',
  'résidente permanente',
];
const MY_NOTE = 'Cheffe d’équipe en cuisine au Centre, grâce au certificat';
const NEW_PROGRAM = 'Employment coaching — Friendship Centre, 2026 cohort';

/**
 * elapsed says months as the page does ("3 years and 9 months", « 3 ans et 9 mois »), with the
 * plural forms the app picks (French: one for 0 and 1), read from the app's own message files.
 */
function elapsed(lang, months) {
  const catalog = JSON.parse(readFileSync(path.join(repoRoot, 'locales', `${lang}.json`), 'utf8'));
  const plural = (id, n) => {
    const one = lang === 'fr' ? n < 2 : n === 1;
    return (one ? catalog[id].one : catalog[id].other).replace('{{.Count}}', String(n));
  };
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return plural('ElapsedMonths', rest);
  if (rest === 0) return plural('ElapsedYears', years);
  return catalog.ElapsedYearsMonths.replace('{{.Years}}', plural('ElapsedYears', years)).replace(
    '{{.Months}}',
    plural('ElapsedMonths', rest),
  );
}

let app;
let browser;
let workDir;

before(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-outcomes-'));
  mkdirSync(shots, { recursive: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** A demo portfolio made by the CLI in dataDir's portfolio folder (or at file). */
function makeDemo(dataDir, file = path.join(dataDir, 'portfolios', 'demo.passerelle')) {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(devBin, ['demo', '--out', file], { env: { ...process.env, PASSERELLE_DATA_DIR: dataDir } });
  return file;
}

/** Calls a method of the bound Outcomes service from the page, as the screens do. */
function outcomes(page, method, ...args) {
  return page.evaluate(({ method, args }) => window.go.app.Outcomes[method](...args), { method, args });
}

/** Keeps a screenshot a person looks at, in shots/NAME.png. */
async function keep(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

test('a learner records what happened next, answers a follow-up prompt and turns sharing off and on, in English and French', { timeout: 420_000 }, async () => {
  const dataDir = tempDataDir();
  makeDemo(dataDir);
  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1100, height: 800 });
  page.setDefaultTimeout(15_000);
  const { t, h, button, field, main, goTo, switchLanguage, openDemo } = ui(page);
  await checkedFlow({ page, offsite, errors }, 'outcomes', flow);

  async function flow({ scan }) {
    const prompts = () => main().locator('section[aria-labelledby="followup-heading"]');
    const card = (title) => main().locator('li.card').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
    const status = (text) => main().getByRole('status').filter({ hasText: text });

    // ---- the guide: one prompt, in the app only, quiet -----------------------------------------
    // Food Handler (2023) has no outcome recorded: asked, with the real time since. The lab course
    // (2024) has a new job and a raise recorded, and its last prompt point is more than 6 months
    // gone: not asked again.
    await openDemo(app.url);
    await h(2, t('FollowUpHeading')).waitFor();
    const due = await outcomes(page, 'Prompts');
    assert.deepEqual(due.map((p) => p.key), [FOOD.key], 'the demo’s one prompt is due');
    assert.ok(due[0].elapsed >= 45, `Food Handler was issued 2023-02-11: ${due[0].elapsed} months`);
    await prompts().getByText(t('FollowUpCredential', { Elapsed: elapsed('en', due[0].elapsed), Title: FOOD.en }), { exact: true }).waitFor();
    assert.equal(await prompts().getByText(LAB.en).count(), 0, 'no prompt about the lab course');
    assert.equal(
      await page.evaluate(() => !!document.activeElement?.closest('.followup')),
      false,
      'a prompt never takes focus by itself',
    );
    await scan('outcomes-guide-en');
    await keep(page, 'prompt-en');

    // The guide's ninth step, after Export, is done (the demo recorded a decision) and leads here.
    const step = page.locator('li.guide-step').filter({ has: page.locator('#guide-go-Outcomes') });
    await step.getByRole('heading', { level: 2, name: t('GuideStepOutcomes'), exact: true }).waitFor();
    await step.getByText(t('GuideStateDone'), { exact: true }).waitFor();
    await step.getByRole('button', { name: t('GuideActionOutcomes'), exact: true }).click();
    await h(1, t('NextHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the heading');
    await goTo('NavGuide', 'GuideHeading');

    // ---- answer one: the form opens on "What happened next" with its credential ticked ----------
    const answerFood = button(`${t('FollowUpRecord')} — ${FOOD.en}`);
    await answerFood.focus();
    await page.keyboard.press('Enter');
    await h(1, t('NextHeading')).waitFor();
    await h(2, t('LaterFormAddHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'later-form-heading', 'focus on the form');
    assert.equal(await main().getByRole('checkbox', { name: FOOD.en, exact: true }).isChecked(), true, 'the prompt’s credential is ticked');
    assert.equal(await main().getByRole('checkbox', { name: LAB.en, exact: true }).isChecked(), false);
    // Saving with no kind chosen is refused by Go, on the field, and nothing is stored.
    await button(t('LaterFormSave')).click();
    await main().locator('#later-error p').waitFor();
    assert.equal((await outcomes(page, 'Later')).length, 2, 'nothing stored');
    // By keyboard: the arrow keys move through the kinds.
    await main().getByRole('radio', { name: t('LaterOutcomeTypeNewJob'), exact: true }).check();
    await page.keyboard.press('ArrowRight');
    assert.equal(await main().getByRole('radio', { name: t('LaterOutcomeTypePromotion'), exact: true }).isChecked(), true);
    await field(t('LaterFormNoteLabel')).fill(MY_NOTE);
    await scan('outcomes-form-en');
    await keep(page, 'outcomes-form-en');
    await button(t('LaterFormSave')).click();
    await status(t('LaterAdded')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id?.startsWith('next-edit-')), true, 'focus back on the new card');
    const promo = card(t('LaterOutcomeTypePromotion'));
    await promo.getByText(FOOD.en).waitFor();
    await promo.getByText(MY_NOTE).waitFor();
    const saved = (await outcomes(page, 'Later')).find((o) => o.type === 'promotion');
    assert.equal(saved.prompt, FOOD.key, 'the outcome answers the prompt');
    assert.equal(saved.credentialIds.length, 1);
    // The answered prompt is gone.
    assert.equal(await prompts().count(), 0, 'no prompt left');
    assert.deepEqual(await outcomes(page, 'Prompts'), [], 'Go says none is due');

    // ---- a PLAR decision on one learning outcome ------------------------------------------------
    await button(t('NextAddDecision')).click();
    await h(2, t('DecisionFormAddHeading')).waitFor();
    await field(t('DecisionFormOutcomeLabel')).selectOption({ index: 1 });
    await main().getByRole('radio', { name: t('PlarDecisionGranted'), exact: true }).check();
    await field(t('DecisionFormCreditsLabel')).fill('1.5');
    await field(t('DecisionFormDateLabel')).fill('2025-04-02');
    await scan('outcomes-decision-form-en');
    await button(t('DecisionFormSave')).click();
    await status(t('DecisionAdded')).waitFor();
    const decisions = await outcomes(page, 'Decisions');
    const granted = decisions.find((d) => d.result === 'granted');
    assert.ok(granted && granted.outcomeId > 0 && granted.credits === 1.5 && granted.date === '2025-04-02', JSON.stringify(decisions));
    await card(t('DecisionLabel', { Result: t('PlarDecisionGranted') })).getByText(granted.outcomeCode, { exact: false }).waitFor();
    // The same outcome twice is refused, with Go's message, and changes nothing.
    await button(t('NextAddDecision')).click();
    await field(t('DecisionFormOutcomeLabel')).selectOption({ index: 1 });
    await button(t('DecisionFormSave')).click();
    await main().locator('#decision-error p').waitFor();
    assert.equal((await outcomes(page, 'Decisions')).length, decisions.length);
    await button(t('Cancel')).click();

    // ---- edit behind the unsaved-changes guard, then delete --------------------------------------
    await promo.getByRole('button', { name: new RegExp(`^${t('Edit')} `) }).click();
    await h(2, t('LaterFormEditHeading')).waitFor();
    await field(t('LaterFormNoteLabel')).fill(`${MY_NOTE} (changed)`);
    await page.getByRole('navigation').getByRole('button', { name: t('NavSharing'), exact: true }).click();
    await page.getByRole('dialog', { name: t('UnsavedTitle') }).waitFor();
    await button(t('UnsavedKeepEditing')).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'later-note', 'back in the note');
    await page.getByRole('navigation').getByRole('button', { name: t('NavSharing'), exact: true }).click();
    await button(t('UnsavedDiscard')).click();
    await h(1, t('SharingHeading')).waitFor();
    assert.equal((await outcomes(page, 'Later')).find((o) => o.type === 'promotion').note, MY_NOTE, 'discarded');
    await goTo('NavNext', 'NextHeading');
    await scan('outcomes-next-en');
    await keep(page, 'outcomes-en');
    await promo.getByRole('button', { name: new RegExp(`^${t('Delete')} `) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t('Delete'), exact: true }).click();
    await status(t('LaterDeleted')).waitFor();
    assert.equal((await outcomes(page, 'Later')).length, 2);

    // ---- sharing: the demo program, off and on again -----------------------------------------------
    await goTo('NavSharing', 'SharingHeading');
    const programCard = main().locator('li.card').filter({ hasText: PROGRAM });
    await programCard.getByText(t('SharingStateOn', { Date: '' }).trim(), { exact: false }).waitFor();
    await programCard.getByRole('button').click();
    await h(2, t('SharingProgramHeading', { Program: PROGRAM })).waitFor();
    const before = (await outcomes(page, 'Programs')).find((c) => c.program === PROGRAM);
    const preview = await main().locator('#sharing-preview').innerText();
    assert.ok(preview.includes(before.pseudonym), 'the file carries the program’s random code');
    for (const text of PRIVATE) assert.ok(!preview.includes(text), `not in the file: ${text}`);
    assert.ok(!/\d{4}-\d{2}-\d{2}/.test(preview), 'no exact date in the file');
    await scan('outcomes-consent-en');
    await keep(page, 'consent-en');

    await button(t('SharingTurnOff')).click();
    const dialog = page.getByRole('dialog', { name: t('SharingTurnOffTitle', { Program: PROGRAM }) });
    await dialog.getByText(t('SharingTurnOffMessage', { Program: PROGRAM }), { exact: true }).waitFor();
    await dialog.getByRole('button', { name: t('SharingTurnOff'), exact: true }).click();
    await status(t('SharingTurnedOff', { Program: PROGRAM })).waitFor();
    const off = (await outcomes(page, 'Programs')).find((c) => c.program === PROGRAM);
    assert.equal(off.on, false);
    await assert.rejects(outcomes(page, 'PreviewExport', PROGRAM), 'nothing can be exported while off');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sharing-turn-on', 'focus on the way back on');
    await button(t('SharingTurnOn', { Program: PROGRAM })).click();
    await status(t('SharingTurnedOn', { Program: PROGRAM })).waitFor();
    const on = (await outcomes(page, 'Programs')).find((c) => c.program === PROGRAM);
    assert.equal(on.on, true);
    assert.equal(on.pseudonym, before.pseudonym, 'the same random code for the same program');

    // A changed choice while sharing is on is unsaved work: leaving asks, and Save keeps it.
    await field(t('SharingRegionLabel')).selectOption('NU');
    await page.getByRole('navigation').getByRole('button', { name: t('NavNext'), exact: true }).click();
    await page.getByRole('dialog', { name: t('UnsavedTitle') }).waitFor();
    await button(t('UnsavedSave')).click();
    await h(1, t('NextHeading')).waitFor();
    assert.equal((await outcomes(page, 'Programs')).find((c) => c.program === PROGRAM).region, 'NU');
    await goTo('NavSharing', 'SharingHeading');
    await programCard.getByRole('button').click();
    await h(2, t('SharingProgramHeading', { Program: PROGRAM })).waitFor();
    assert.equal(await field(t('SharingRegionLabel')).inputValue(), 'NU');

    // ---- the anonymous file, through the save dialog's bound method ---------------------------------
    const file = path.join(workDir, 'centre.json');
    await page.evaluate(({ file }) => {
      const x = window.go.app.Outcomes;
      x.ExportWithDialog = (program) => x.ExportToPath(program, file).then(() => file);
    }, { file });
    await button(t('SharingSave')).click();
    await status(t('SharingSaved', { Path: file })).waitFor();
    const bytes = readFileSync(file, 'utf8');
    assert.equal(bytes, await main().locator('#sharing-preview').innerText(), 'the file is exactly the preview');
    for (const text of PRIVATE) assert.ok(!bytes.includes(text), `not in the file: ${text}`);

    // ---- a new program: nothing is stored until sharing is turned on ---------------------------------
    await button(t('SharingBack')).click();
    await button(t('SharingAdd')).click();
    await field(t('SharingProgramLabel')).fill(NEW_PROGRAM);
    await button(t('SharingContinue')).click();
    await h(2, t('SharingProgramHeading', { Program: NEW_PROGRAM })).waitFor();
    for (const item of ['SelfIdItemNewcomer', 'SelfIdItemIndigenous', 'SelfIdItemDisability', 'SelfIdItemRacialized']) {
      assert.equal(await main().getByRole('checkbox', { name: t(item), exact: true }).isChecked(), false, `${item} off by default`);
    }
    await main().locator('#sharing-preview').getByText('"pseudonym": ""', { exact: false }).waitFor();
    await field(t('SharingRegionLabel')).selectOption('QC');
    await main().locator('#sharing-preview').getByText('"region": "QC"', { exact: false }).waitFor();
    assert.equal((await outcomes(page, 'Programs')).length, 1, 'a program named is not a consent given');
    await button(t('SharingTurnOn', { Program: NEW_PROGRAM })).click();
    await status(t('SharingTurnedOn', { Program: NEW_PROGRAM })).waitFor();
    const both = await outcomes(page, 'Programs');
    assert.equal(both.length, 2);
    assert.notEqual(both[0].pseudonym, both[1].pseudonym, 'two programs, two unrelated codes');

    // ---- French ----------------------------------------------------------------------------------------
    await switchLanguage('fr');
    await h(2, t('SharingProgramHeading', { Program: NEW_PROGRAM })).waitFor();
    await scan('outcomes-consent-fr');
    await keep(page, 'consent-fr');
    await button(t('SharingTurnOff')).click();
    const dialogFr = page.getByRole('dialog', { name: t('SharingTurnOffTitle', { Program: NEW_PROGRAM }) });
    await dialogFr.getByText(t('SharingTurnOffMessage', { Program: NEW_PROGRAM }), { exact: true }).waitFor();
    await dialogFr.getByRole('button', { name: t('SharingTurnOff'), exact: true }).click();
    await status(t('SharingTurnedOff', { Program: NEW_PROGRAM })).waitFor();
    assert.equal((await outcomes(page, 'Programs')).find((c) => c.program === NEW_PROGRAM).on, false);
    await button(t('SharingTurnOn', { Program: NEW_PROGRAM })).click();
    await status(t('SharingTurnedOn', { Program: NEW_PROGRAM })).waitFor();
    assert.equal((await outcomes(page, 'Programs')).find((c) => c.program === NEW_PROGRAM).on, true);

    // A prompt in French: the one answered in English came back when its answer was deleted.
    await goTo('NavGuide', 'GuideHeading');
    // The credential is named by its French title, which the learner gave it.
    const [back] = await outcomes(page, 'Prompts');
    await prompts().getByText(t('FollowUpCredential', { Elapsed: elapsed('fr', back.elapsed), Title: FOOD.fr }), { exact: true }).waitFor();
    await scan('outcomes-guide-fr');
    await keep(page, 'prompt-fr');
    // This time it is dismissed for good, by keyboard.
    await button(`${t('FollowUpDismiss')} — ${FOOD.fr}`).focus();
    await page.keyboard.press('Enter');
    await status(t('FollowUpDismissed')).waitFor();
    assert.equal(await prompts().count(), 0, 'no prompt left');
    assert.deepEqual(await outcomes(page, 'Prompts'), [], 'Go keeps the dismissal');
    await goTo('NavNext', 'NextHeading');
    await scan('outcomes-next-fr');
    await keep(page, 'outcomes-fr');
    await switchLanguage('en');
  }
});

test('a program pools the anonymous files: counts, the median, small groups not shown, CSV, PDF and xAPI', { timeout: 300_000 }, async () => {
  // Seven learners (demo portfolios, each with its own random code) give the demo program their
  // file; three others give theirs to a folder of their own, too few to show.
  const dataDir = tempDataDir();
  const folder = path.join(workDir, 'cohort');
  const few = path.join(workDir, 'few');
  mkdirSync(folder);
  mkdirSync(few);
  const env = { ...process.env, PASSERELLE_DATA_DIR: dataDir };
  for (let i = 0; i < 10; i++) {
    const demo = makeDemo(dataDir, path.join(workDir, 'learners', `learner-${i}.passerelle`));
    const out = path.join(i < 7 ? folder : few, `learner-${i}.json`);
    execFileSync(devBin, ['outcomes', 'export', '--portfolio', demo, '--program', PROGRAM, '--out', out], { env });
  }
  // Two more, alike and rare (Nunavut, self-employed): the tables hide them, and so must the
  // xAPI statements, which are records — the report says what they leave out.
  const RARE = ['rarelearneraaaaaaaaaaaaaaa', 'rarelearnerbbbbbbbbbbbbbbb'];
  for (const pseudonym of RARE) {
    const f = JSON.parse(readFileSync(path.join(folder, 'learner-0.json'), 'utf8'));
    const after = 14;
    Object.assign(f, { pseudonym, region: 'NU' });
    f.outcomes = [{ ...f.outcomes.find((o) => o.monthsAfterCredential !== undefined), type: 'selfEmployment', monthsAfterCredential: after }];
    writeFileSync(path.join(folder, `${pseudonym}.json`), JSON.stringify(f, null, 2));
  }
  const LEARNERS = 9;
  await app?.stop();
  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1100, height: 800 });
  page.setDefaultTimeout(15_000);
  const { t, h, button, main, switchLanguage, inEnglish } = ui(page);
  await checkedFlow({ page, offsite, errors }, 'outcomes-report', async ({ scan }) => {
    await page.goto(app.url);
    await page.locator('main h1').waitFor({ timeout: 30_000 });
    await inEnglish();
    const useFolder = (dir) =>
      page.evaluate(({ dir }) => {
        const x = window.go.app.Outcomes;
        x.ReportWithDialog = () => x.ReportFromFolder(dir);
      }, { dir });

    await button(t('StartReport')).click();
    await h(1, t('ReportHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

    // Too few learners: not one group is shown with a number.
    await useFolder(few);
    await button(t('ReportChoose')).click();
    await h(2, t('ReportTooFew', { Min: 5 })).waitFor();
    const fewRows = main().locator('table tbody tr');
    assert.ok((await fewRows.count()) > 0, 'the tables are there');
    for (const text of await fewRows.allInnerTexts()) {
      assert.ok(text.includes(t('ReportSuppressedCell', { Min: 5 })), `not shown: ${text}`);
    }
    await scan('outcomes-report-few-en');

    // Nine: counts by what happened and by months, the median, small groups not shown.
    await useFolder(folder);
    await button(t('ReportChoose')).click();
    await h(2, t('ReportSummary', { Files: LEARNERS, Learners: LEARNERS })).waitFor();
    const expected = await page.evaluate(({ dir }) => window.go.app.Outcomes.ReportFromFolder(dir), { dir: folder });
    const byType = main().locator('#report-by-type');
    for (const cell of expected.byType) {
      const row = byType.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t(cell.labelId), exact: true }) });
      const text = await row.innerText();
      if (cell.suppressed) assert.ok(text.includes(t('ReportSuppressedCell', { Min: 5 })), `${cell.key} not shown: ${text}`);
      else assert.ok(text.includes(String(cell.count)), `${cell.key} shows ${cell.count}: ${text}`);
    }
    assert.ok(expected.byType.some((c) => !c.suppressed && c.count === 7), 'a group of 7 is shown');
    assert.ok(expected.suppressed > 0, 'the cohort has groups too small to show');
    await main().getByText(t('ReportSuppressionNote', { Min: 5, Count: expected.suppressed }), { exact: true }).waitFor();
    await main().locator('#report-by-months').waitFor();
    assert.deepEqual(expected.xapiWithheld, { statements: 2, attributes: 0 }, 'the two rare outcomes are withheld');
    await main()
      .locator('#report-xapi-withheld-statements')
      .getByText(t('XapiWithheldStatements', { Count: 2, Min: 5 }), { exact: true })
      .waitFor();
    await scan('outcomes-report-en');
    await keep(page, 'report-en');

    // Saved as CSV, a PDF page and xAPI statements, through the save dialogs' bound methods.
    const saved = {};
    for (const [format, method, label] of [
      ['csv', 'SaveReportCSV', 'ReportSaveCsv'],
      ['pdf', 'SaveReportPDF', 'ReportSavePdf'],
      ['json', 'SaveReportXAPI', 'ReportSaveXapi'],
    ]) {
      const out = path.join(workDir, `report.${format}`);
      await page.evaluate(({ method, out }) => {
        const x = window.go.app.Outcomes;
        x[method] = (dir) => x[`${method}ToPath`](dir, out).then(() => out);
      }, { method, out });
      await button(t(label)).click();
      await main().getByRole('status').filter({ hasText: t('ReportSaved', { Path: out }) }).waitFor({ timeout: 30_000 });
      assert.ok(existsSync(out), `${format} written`);
      saved[format] = readFileSync(out);
    }
    // In the CSV, a group not shown has no number, only the reason.
    const csvRows = saved.csv.toString('utf8').split(/\r?\n/);
    for (const cell of expected.byType) {
      const row = csvRows.find((r) => r.startsWith(`byType,${cell.key},`));
      assert.ok(row, `CSV row for ${cell.key}`);
      const fields = row.split(',');
      if (cell.suppressed) assert.deepEqual(fields.slice(-2), ['', t('ReportSuppressedCell', { Min: 5 })], row);
      else assert.equal(fields.at(-2), String(cell.count), row);
    }
    assert.equal(saved.pdf.subarray(0, 5).toString(), '%PDF-');
    const statements = JSON.parse(saved.json.toString('utf8'));
    assert.ok(Array.isArray(statements) && statements.length > 0, 'xAPI statements');
    for (const s of statements) assert.equal(s.authority, undefined, 'no authority from the client');
    for (const hidden of [...RARE, '"NU"', 'self-employment']) {
      assert.ok(!saved.json.includes(Buffer.from(hidden)), `${hidden}, which the tables hide, is not in the xAPI file`);
    }
    for (const text of PRIVATE) {
      for (const [format, bytes] of Object.entries(saved)) assert.ok(!bytes.includes(Buffer.from(text)), `${text} not in the ${format}`);
    }

    // French: the same report, in French words.
    await switchLanguage('fr');
    await h(2, t('ReportSummary', { Files: LEARNERS, Learners: LEARNERS })).waitFor();
    await main().getByText(t('ReportSuppressionNote', { Min: 5, Count: expected.suppressed }), { exact: true }).waitFor();
    await scan('outcomes-report-fr');
    await keep(page, 'report-fr');
    await switchLanguage('en');
    await button(t('ReportBack')).click();
    await h(1, t('StartHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'start-report', 'focus back on the way in');
    await screenshot(page, 'outcomes-start');
  });
});
