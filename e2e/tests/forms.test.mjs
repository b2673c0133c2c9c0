// Forms as a learner meets them on the demo portfolio: changes are never dropped without a
// question (Save / Discard / Keep editing), a refused field shows its reason right beside it,
// a skill may hold a comma, and a screen opens scrolled to its very top. In English and French,
// with axe-core scans of the question and of a refused form.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { repoRoot, startApp, tempDataDir } from '../lib/server.mjs';

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');

let app;
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('unsaved changes are asked about, and refused fields say why beside them', { timeout: 300_000 }, async () => {
  const dataDir = tempDataDir();
  mkdirSync(path.join(dataDir, 'portfolios'), { recursive: true });
  execFileSync(devBin, ['demo', '--out', path.join(dataDir, 'portfolios', 'demo.passerelle')], {
    env: { ...process.env, PASSERELLE_DATA_DIR: dataDir },
  });
  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  page.setDefaultTimeout(15_000);
  const { t, h, button, field, nav, main, goTo, switchLanguage, openDemo } = ui(page);
  const dialog = () => page.getByRole('dialog', { name: t('UnsavedTitle') });
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const navTo = (id) => nav().getByRole('button', { name: t(id), exact: true }).click();

  /** The field's own error: shown under it, named by its aria-describedby, in view. */
  async function fieldError(id, message) {
    const shown = page.locator(`#${id}-error`);
    await shown.waitFor();
    assert.equal(await shown.innerText(), message);
    const input = page.locator(`#${id}`);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.ok((await input.getAttribute('aria-describedby')).split(' ').includes(`${id}-error`), 'the field is described by its error');
    const box = await shown.boundingBox();
    const height = await page.evaluate(() => window.innerHeight);
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `the error beside ${id} is in view: ${JSON.stringify(box)}`);
  }

  await checkedFlow({ page, offsite, errors }, 'forms', flow);

  async function flow({ scan }) {
    await openDemo(app.url);
    await h(1, t('GuideHeading')).waitFor();

    // ---- a new experience, typed but not saved: leaving asks ---------------------------------------
    await goTo('NavExperiences', 'ExperiencesHeading');
    await button(t('ExperienceAdd')).click();
    await field(t('ExperienceFormTitleEnLabel')).fill('Night-shift baker');
    await navTo('NavCredentials');
    await dialog().waitFor();
    assert.equal(await focusedId(), 'unsaved-stay', 'the safe choice has focus');
    await scan('forms-unsaved-en');
    // Escape is "Keep editing": the text is still there, the screen did not change.
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    await h(1, t('ExperiencesHeading')).waitFor();
    assert.equal(await field(t('ExperienceFormTitleEnLabel')).inputValue(), 'Night-shift baker');
    const typedIn = await field(t('ExperienceFormTitleEnLabel')).getAttribute('id');
    assert.equal(await focusedId(), typedIn, 'Keep editing returns to the field being typed in');
    // Keep editing by its button, then Discard: only then does the screen change.
    await navTo('NavCredentials');
    await button(t('UnsavedKeepEditing')).click();
    assert.equal(await field(t('ExperienceFormTitleEnLabel')).inputValue(), 'Night-shift baker');
    await navTo('NavCredentials');
    await button(t('UnsavedDiscard')).click();
    await h(1, t('CredentialsHeading')).waitFor();

    // ---- Save from the question: a refused save stays, with the reason beside the field -----------
    await goTo('NavExperiences', 'ExperiencesHeading');
    await button(t('ExperienceAdd')).click();
    await field(t('ExperienceFormTitleEnLabel')).fill('Night-shift baker');
    await field(t('ExperienceFormStartLabel')).fill('2018-13');
    await navTo('NavCredentials');
    await button(t('UnsavedSave')).click();
    // 2018-13 is written as YYYY-MM: the message says the month does not exist.
    await fieldError('experience-startMonth', t('ErrMonthDoesNotExist', { Month: '2018-13' }));
    assert.equal(await focusedId(), 'experience-startMonth', 'focus on the field at fault');
    await h(1, t('ExperiencesHeading')).waitFor();
    await scan('forms-field-error-en');
    // A skill with a comma stays one skill.
    const skills = field(t('ExperienceFormSkillsLabel'));
    await skills.fill('Bread, pastry and viennoiserie');
    await skills.press('Enter');
    const chips = main().locator('.field ul.chips li.chip');
    assert.deepEqual(await chips.locator(':scope > span').allInnerTexts(), ['Bread, pastry and viennoiserie']);
    await field(t('ExperienceFormStartLabel')).fill('2018-12');
    await navTo('NavCredentials');
    await button(t('UnsavedSave')).click();
    await h(1, t('CredentialsHeading')).waitFor();
    await goTo('NavExperiences', 'ExperiencesHeading');
    await h(3, 'Night-shift baker').waitFor();

    // ---- a microcredential: the error names the field, a future issue date is refused -----------
    // A page left a few pixels down (the h1 still shows) must not keep the header clipped.
    await page.evaluate(() => window.scrollTo(0, 13));
    assert.equal(await page.evaluate(() => window.scrollY), 13);
    await goTo('NavCredentials', 'CredentialsHeading');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'a screen opens scrolled to its very top');
    await button(t('CredentialAdd')).click();
    await field(t('CredentialFormIssuerLabel')).fill('Croix-Rouge canadienne');
    await field(t('CredentialFormIssuedLabel')).fill('2099-01-15');
    await button(t('CredentialFormSave')).click();
    await fieldError('credential-titleEn', t('ErrCredentialNameRequired'));
    await field(t('CredentialFormTitleEnLabel')).fill('Standard First Aid');
    await button(t('CredentialFormSave')).click();
    await fieldError('credential-issuedOn', t('ErrIssuedInFuture', { Date: '2099-01-15' }));
    await page.locator('#credential-titleEn-error').waitFor({ state: 'detached' });

    // ---- evidence has a title in each language; the card shows the UI language's -----------------
    await button(t('Cancel')).click();
    await goTo('NavEvidence', 'EvidenceHeading');
    const certificate = main().locator('li.card').filter({ has: h(3, 'Certificat de salubrité alimentaire') });
    await certificate.getByRole('button', { name: `${t('EvidenceDescribe')} Certificat de salubrité alimentaire` }).click();
    // The demo's title was written in French, and stays there.
    assert.equal(await field(t('EvidenceFormTitleFrLabel')).inputValue(), 'Certificat de salubrité alimentaire');
    assert.equal(await field(t('EvidenceFormTitleEnLabel')).inputValue(), '');
    await field(t('EvidenceFormTitleEnLabel')).fill('Food safety certificate');
    await button(t('EvidenceFormSave')).click();
    await h(3, 'Food safety certificate').waitFor();
    await switchLanguage('fr');
    await h(3, 'Certificat de salubrité alimentaire').waitFor();
    await switchLanguage('en');

    // ---- in French: the same question, in French ------------------------------------------------
    await goTo('NavCredentials', 'CredentialsHeading');
    await button(t('CredentialAdd')).click();
    await field(t('CredentialFormIssuerLabel')).fill('Croix-Rouge canadienne');
    await switchLanguage('fr');
    await navTo('NavGuide');
    await dialog().waitFor();
    await page.getByText(t('UnsavedQuestionScreen'), { exact: true }).waitFor();
    await scan('forms-unsaved-fr');
    await button(t('UnsavedDiscard')).click();
    await h(1, t('GuideHeading')).waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the guide opens scrolled to its top');

    // Nothing unsaved: leaving asks nothing.
    await goTo('NavProfile', 'ProfileHeading');
    await goTo('NavEvidence', 'EvidenceHeading');
    assert.equal(await page.locator('#unsaved-dialog').isVisible(), false, 'no question when nothing is unsaved');
  }
});
