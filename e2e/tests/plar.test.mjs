// PLAR as a learner does it, on the demo portfolio (experiences, microcredentials, evidence):
// add a target, import the example outcomes file after its preview (and see a bad file refused,
// row named), claim two outcomes and link evidence, watch readiness and the guide change after
// each save, then switch to French and find the same state in French. The guide, targets, self-assessment,
// claim form and readiness screens are scanned with axe-core and photographed in both languages.
// Last, in French, a college's own Code;Résultat;Outcome file is imported with its columns chosen.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { repoRoot, startApp, tempDataDir } from '../lib/server.mjs';

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');
const OUTCOMES_CSV = path.join(repoRoot, 'docs', 'examples', 'outcomes.csv');
const TARGET = { name: 'BIO 110 — Collège du Nord', institution: 'Collège du Nord' };
// Two outcomes of docs/examples/outcomes.csv, in both languages.
const O1 = {
  code: 'MLT101-1',
  en: 'Apply biosafety and WHMIS procedures when handling specimens and chemicals.',
  fr: 'Appliquer les procédures de biosécurité et du SIMDUT lors de la manipulation d’échantillons et de produits chimiques.',
};
const O2 = { code: 'MLT101-7' };
// A Quebec college's own export from a spreadsheet: French headers first, semicolons, BOM, CRLF.
const CEGEP = {
  name: 'Soins infirmiers — Cégep de l’Estuaire',
  fr: 'Établir une relation d’aide avec la personne',
  csv:
    '\ufeffCode;Résultat;Outcome\r\n' +
    'SOI-01;Établir une relation d’aide avec la personne;Build a helping relationship with the person\r\n' +
    'SOI-02;« Prévenir » les infections, selon les protocoles;Prevent infections, following protocols\r\n' +
    'SOI-03;Administrer les médicaments;Administer medication\r\n',
};
// Evidence of the demo portfolio: a certificate with a named verifier, and a photo of practice.
const CERTIFICATE = 'Certificat de salubrité alimentaire';
const PHOTO = 'Équipe du samedi à la banque alimentaire';

/** A narrative of n words. */
function words(n) {
  const text = 'At the hospital laboratory I handled blood and urine specimens every day and followed biosafety rules'.split(' ');
  return Array.from({ length: n }, (_, i) => text[i % text.length]).join(' ');
}

let app;
let browser;
let workDir;

before(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-plar-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('a learner imports outcomes, claims two, links evidence, and sees readiness change in English and French', { timeout: 300_000 }, async () => {
  const dataDir = tempDataDir();
  mkdirSync(path.join(dataDir, 'portfolios'), { recursive: true });
  execFileSync(devBin, ['demo', '--out', path.join(dataDir, 'portfolios', 'demo.passerelle')], {
    env: { ...process.env, PASSERELLE_DATA_DIR: dataDir },
  });
  const badCsv = path.join(workDir, 'outcomes-bad.csv');
  writeFileSync(badCsv, 'code,text_en,text_fr\r\nBAD-1,Fine,Bien\r\nBAD-2,,\r\n');
  const cegepCsv = path.join(workDir, 'soins-infirmiers.csv');
  writeFileSync(cegepCsv, CEGEP.csv);

  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1024, height: 700 });
  page.setDefaultTimeout(15_000);

  const { t, h, button, field, main, goTo, switchLanguage, openDemo } = ui(page);
  await checkedFlow({ page, offsite, errors }, 'plar', flow);

  async function flow({ scan }) {
    const summary = (claimed, ready) => t('ReadinessSummary', { Claimed: claimed, Total: 8, Ready: ready });
    const card = (code) => main().locator('li.card').filter({ has: h(3, code) });

    // ---- open the demo portfolio: it opens on the guide -------------------------------------------
    await openDemo(app.url);
    await h(1, t('GuideHeading')).waitFor();
    await page.locator('.guide-steps > li').nth(7).waitFor();
    assert.equal(await page.locator('.guide-steps > li[aria-current="step"]').count(), 1, 'one current step');
    await scan('plar-guide-demo-en');

    // ---- a new target, its outcomes from the example CSV ---------------------------------------------
    await goTo('NavTargets', 'TargetsHeading');
    await button(t('TargetAdd')).click();
    await h(2, t('TargetFormAddHeading')).waitFor();
    await field(t('TargetFormNameLabel')).fill(TARGET.name);
    await field(t('TargetFormInstitutionLabel')).fill(TARGET.institution);
    assert.equal(await field(t('TargetFormCurrencyLabel')).inputValue(), '5', 'currency limit defaults to 5 years');
    await field(t('MethodPortfolio')).check();
    await field(t('MethodInterview')).check();
    await scan('plar-target-form-en');
    await button(t('TargetFormSave')).click();
    await h(2, t('TargetOutcomesHeading', { Name: TARGET.name })).waitFor();
    await page.getByRole('status').filter({ hasText: t('TargetAdded', { Name: TARGET.name }) }).waitFor();

    // A file is first shown: its first rows and the columns Passerelle guessed; nothing is added yet.
    const importField = field(t('TargetImportFileLabel'));
    const confirm = (count) => button(t('TargetImportConfirm', { Count: count }));
    await importField.setInputFiles(badCsv);
    await h(4, t('TargetImportPreviewHeading', { Name: 'outcomes-bad.csv' })).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'outcomes-preview-heading', 'focus on the preview');
    // A bad file is refused with its row and reason, and adds nothing.
    await confirm(2).click();
    const alert = page.locator('#outcomes-import-error');
    await alert.filter({ hasText: t('ErrImportRowNoText', { Row: 3, Code: 'BAD-2' }) }).waitFor();
    await page.getByText(t('TargetOutcomesEmpty'), { exact: true }).waitFor();

    await importField.setInputFiles(OUTCOMES_CSV);
    await h(4, t('TargetImportPreviewHeading', { Name: 'outcomes.csv' })).waitFor();
    assert.equal(await field(t('TargetImportColumnCode')).inputValue(), '0', 'code column guessed');
    assert.equal(await field(t('TargetImportColumnEn')).inputValue(), '1', 'English column guessed');
    assert.equal(await field(t('TargetImportColumnFr')).inputValue(), '2', 'French column guessed');
    await page.getByRole('table', { name: t('TargetImportPreviewCaption') }).getByRole('cell', { name: O1.en }).waitFor();
    await scan('plar-import-preview-en');
    await confirm(8).click();
    await page.getByRole('status').filter({ hasText: t('TargetImported', { Count: 8, Name: TARGET.name }) }).waitFor();
    assert.equal(await alert.innerText(), '', 'the refusal is gone after a good import');
    assert.equal(await page.locator('.import-preview').count(), 0, 'the preview closes after the import');
    assert.equal(await main().locator('.outcome-row').count(), 8);
    await page.getByText(O1.en, { exact: true }).waitFor();
    await scan('plar-targets-en');

    // ---- readiness before any claim ------------------------------------------------------------------
    await goTo('NavReadiness', 'ReadinessHeading');
    // Two targets now: the one just added is the one shown.
    assert.equal(await field(t('TargetPickerLabel')).locator('option:checked').innerText(), TARGET.name);
    await page.getByText(summary(0, 0), { exact: true }).waitFor();
    const bar = page.getByRole('progressbar', { name: t('ReadinessProgressLabel') });
    assert.equal(await bar.getAttribute('aria-valuenow'), '0');
    assert.equal(await bar.getAttribute('aria-valuemax'), '8');
    await main().getByText(t('StepDecideClaim', { Code: O1.code }), { exact: false }).first().waitFor();

    // ---- claim the first outcome: rating, a full narrative, the certificate and how it relates -----
    await goTo('NavClaims', 'ClaimsHeading');
    await button(`${t('ClaimStart')} ${O1.code}`).click();
    await h(2, t('ClaimFormAddHeading', { Code: O1.code })).waitFor();
    // The prompts and the word count are beside the editor.
    await page.getByText(t('ClaimPromptDid'), { exact: true }).waitFor();
    await page.getByRole('radio', { name: t('RatingLevel3'), exact: true }).check();
    await field(t('ClaimNarrativeEnLabel')).fill(words(80));
    await page.getByText(t('ClaimWordCountEnough', { Count: 80, Min: 75 }), { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(`^${CERTIFICATE}`) }).check();
    await field(t('ClaimRelevanceLabel', { Title: CERTIFICATE })).fill('It shows I was trained and tested on food and biological safety.');
    await scan('plar-claim-form-en');
    await button(t('ClaimSave')).click();
    await page.getByRole('status').filter({ hasText: t('ClaimSaved', { Code: O1.code }) }).waitFor();
    const rules = page.getByRole('list', { name: t('ClaimRulesHeading') });
    for (const rule of ['RuleValid', 'RuleCurrent', 'RuleSufficient', 'RuleAuthentic']) {
      await rules.getByText(t('RuleMet', { Rule: t(rule) }), { exact: true }).waitFor();
    }
    await button(t('ClaimClose')).click();
    await card(O1.code).getByText(t('StatusReady'), { exact: true }).waitFor();

    // ---- claim a second outcome with gaps: a short narrative, a photo not yet explained ----------
    await button(`${t('ClaimStart')} ${O2.code}`).click();
    await h(2, t('ClaimFormAddHeading', { Code: O2.code })).waitFor();
    await page.getByRole('radio', { name: t('RatingLevel3'), exact: true }).check();
    await field(t('ClaimNarrativeEnLabel')).fill(words(20));
    await page.getByText(t('ClaimWordCount', { Count: 20, Min: 75 }), { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(`^${PHOTO}`) }).check();
    await button(t('ClaimSave')).click();
    await page.getByRole('status').filter({ hasText: t('ClaimSaved', { Code: O2.code }) }).waitFor();
    await rules.getByText(t('RuleNotMet', { Rule: t('RuleValid') }), { exact: true }).waitFor();
    await rules.getByText(t('StepExplainEvidence', { Title: PHOTO }), { exact: true }).waitFor();
    await button(t('ClaimClose')).click();
    // Back on the list, focus is on the claim just edited, and the page shows it.
    await card(O2.code).waitFor();
    const back = await page.evaluate(() => {
      const el = document.activeElement;
      const r = el.getBoundingClientRect();
      return { id: el.id, top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    assert.match(back.id, /^claim-edit-\d+$/, 'focus back on the claim just edited');
    assert.ok(back.top >= 0 && back.bottom <= back.height, `the claim is in view: ${JSON.stringify(back)}`);
    await scan('plar-claims-en');

    // ---- readiness has changed: 2 claimed, 1 ready, and what to do next names the gaps -----------
    await goTo('NavReadiness', 'ReadinessHeading');
    await page.getByText(summary(2, 1), { exact: true }).waitFor();
    assert.equal(await bar.getAttribute('aria-valuenow'), '1');
    const next = page.getByRole('region', { name: t('ReadinessNextHeading') });
    await next.getByText(t('StepWriteNarrative', { Words: 20, Min: 75 }), { exact: false }).waitFor();
    await next.getByText(t('StepExplainEvidence', { Title: PHOTO }), { exact: false }).waitFor();
    await card(O1.code).getByText(t('StatusReady'), { exact: true }).waitFor();
    await card(O2.code).getByText(t('StatusGaps'), { exact: true }).waitFor();
    // The gap list explains its matches with the words they share.
    await card(O2.code).getByRole('heading', { level: 4, name: t('ReadinessGapHeading') }).waitFor();
    await scan('plar-readiness-gaps-en');

    // ---- from readiness straight to the claim; fix it; readiness follows --------------------------
    await card(O2.code).getByRole('button', { name: `${t('ReadinessWorkOnClaim')} ${O2.code}` }).waitFor();
    // Each step in "what to do next" leads to its claim.
    await next.getByRole('button', { name: O2.code, exact: true }).first().click();
    await h(2, t('ClaimFormEditHeading', { Code: O2.code })).waitFor();
    await field(t('ClaimNarrativeEnLabel')).fill(words(90));
    await field(t('ClaimRelevanceLabel', { Title: PHOTO })).fill('I train and coach the new Saturday volunteers.');
    await button(t('ClaimSave')).click();
    await page.getByRole('status').filter({ hasText: t('ClaimSaved', { Code: O2.code }) }).waitFor();
    await rules.getByText(t('RuleMet', { Rule: t('RuleValid') }), { exact: true }).waitFor();
    await rules.getByText(t('RuleMet', { Rule: t('RuleSufficient') }), { exact: true }).waitFor();
    await goTo('NavReadiness', 'ReadinessHeading');
    await page.getByText(summary(2, 2), { exact: true }).waitFor();
    assert.equal(await bar.getAttribute('aria-valuenow'), '2');
    await scan('plar-readiness-en');

    // ---- the guide follows the data: every claim is supported, so Export is the current step -----
    await goTo('NavGuide', 'GuideHeading');
    const current = page.locator('.guide-steps > li[aria-current="step"]');
    await current.getByRole('heading', { level: 2, name: t('GuideStepExport') }).waitFor();
    for (const id of ['Evidence', 'Narratives', 'Review']) {
      const step = page.locator('.guide-steps > li').filter({ has: h(2, t(`GuideStep${id}`)) });
      await step.getByText(t('GuideStateDone'), { exact: true }).waitFor();
    }
    // Keyboard: the step's button leads to its screen, and focus lands on that screen's heading.
    await page.locator('#guide-go-Review').focus();
    await page.keyboard.press('Enter');
    await h(1, t('ReadinessHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the new screen’s heading');
    await goTo('NavGuide', 'GuideHeading');
    await scan('plar-guide-en');

    // ---- French: the same state, in French -------------------------------------------------------
    await switchLanguage('fr');
    await h(1, t('GuideHeading')).waitFor();
    await current.getByRole('heading', { level: 2, name: t('GuideStepExport') }).waitFor();
    await current.getByText(t('GuideStateCurrent'), { exact: true }).waitFor();
    await scan('plar-guide-fr');

    await goTo('NavReadiness', 'ReadinessHeading');
    await page.getByText(summary(2, 2), { exact: true }).waitFor();
    // The institution's French wording, marked as French.
    const frText = card(O1.code).locator('p[lang="fr"]');
    assert.equal(await frText.innerText(), O1.fr);
    await card(O1.code).getByText(t('StatusReady'), { exact: true }).waitFor();
    await card(O1.code).getByText(t('RuleMet', { Rule: t('RuleAuthentic') }), { exact: true }).waitFor();
    await page.getByText(t('StepDecideClaim', { Code: 'MLT101-2' }), { exact: false }).first().waitFor();
    await scan('plar-readiness-fr');

    await goTo('NavClaims', 'ClaimsHeading');
    await card(O2.code).getByText(t('StatusReady'), { exact: true }).waitFor();
    await scan('plar-claims-fr');
    await card(O1.code).getByRole('button', { name: `${t('ClaimEdit')} ${O1.code}` }).click();
    await h(2, t('ClaimFormEditHeading', { Code: O1.code })).waitFor();
    await page.getByText(t('ClaimWordCountEnough', { Count: 80, Min: 75 }), { exact: true }).waitFor();
    await scan('plar-claim-form-fr');

    await goTo('NavTargets', 'TargetsHeading');
    await page.getByText(O1.fr, { exact: true }).waitFor();
    await scan('plar-targets-fr');

    // ---- in French, a college's own spreadsheet: Code;Résultat;Outcome, its columns chosen --------
    await button(t('TargetAdd')).click();
    await h(2, t('TargetFormAddHeading')).waitFor();
    await field(t('TargetFormNameLabel')).fill(CEGEP.name);
    await button(t('TargetFormSave')).click();
    await h(2, t('TargetOutcomesHeading', { Name: CEGEP.name })).waitFor();
    // The browser's own file control is only there because this is a plain browser.
    await field(t('TargetImportFileLabel')).setInputFiles(cegepCsv);
    await h(4, t('TargetImportPreviewHeading', { Name: 'soins-infirmiers.csv' })).waitFor();
    await page.getByText(t('TargetImportPreviewExplain', { Count: 3 }), { exact: true }).waitFor();
    const codeColumn = field(t('TargetImportColumnCode'));
    const enColumn = field(t('TargetImportColumnEn'));
    const frColumn = field(t('TargetImportColumnFr'));
    assert.equal(await codeColumn.locator('option:checked').innerText(), t('TargetImportColumnOption', { Number: 1, Name: 'Code' }));
    assert.equal(await frColumn.locator('option:checked').innerText(), t('TargetImportColumnOption', { Number: 2, Name: 'Résultat' }));
    assert.equal(await enColumn.locator('option:checked').innerText(), t('TargetImportColumnOption', { Number: 3, Name: 'Outcome' }));
    const previewTable = page.getByRole('table', { name: t('TargetImportPreviewCaption') });
    // The table marks what each chosen column gives.
    await previewTable.getByRole('columnheader').nth(1).getByText(t('TargetImportRoleFr'), { exact: true }).waitFor();
    await previewTable.getByRole('cell', { name: CEGEP.fr, exact: true }).waitFor();
    await scan('plar-import-preview-fr');

    // A wrong choice (the code column as the English text) is named beside the choices, in
    // French, before anything is tried: the import waits until each column has one role.
    const codeOption = t('TargetImportColumnOption', { Number: 1, Name: 'Code' });
    await enColumn.selectOption({ label: codeOption });
    await page
      .getByText(
        t('TargetImportColumnTwice', { Column: codeOption, First: t('TargetImportRoleCode'), Second: t('TargetImportRoleEn') }),
        { exact: true },
      )
      .waitFor();
    assert.equal(await enColumn.getAttribute('aria-invalid'), 'true', 'the English column choice is marked invalid');
    assert.equal(await confirm(3).isDisabled(), true, 'no import while one column has two roles');
    await scan('plar-import-clash-fr');
    await page.getByText(t('TargetOutcomesEmpty'), { exact: true }).waitFor();

    // The learner puts it right, by keyboard, and imports.
    await enColumn.focus();
    await enColumn.selectOption('2');
    assert.equal(await enColumn.locator('option:checked').innerText(), t('TargetImportColumnOption', { Number: 3, Name: 'Outcome' }));
    await confirm(3).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: t('TargetImported', { Count: 3, Name: CEGEP.name }) }).waitFor();
    assert.equal(await main().locator('.outcome-row').count(), 3);
    await page.getByText(CEGEP.fr, { exact: true }).waitFor();
    await main().locator('.outcome-row').filter({ hasText: 'SOI-02' }).waitFor();
    assert.equal(await alert.innerText(), '', 'the refusal is gone after the import');
    await scan('plar-targets-imported-fr');
  }
});
