// A learner's first session, as a user sees it: create a portfolio, fill the profile with French
// accents, add an experience, a private support note and a photo of a certificate, switch the
// whole UI to French and back, then restart the app on the same data folder and find it all
// again. Every screen is scanned with axe-core in both languages and photographed into
// e2e/artifacts/; no request may leave 127.0.0.1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage, screenshot } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { msg } from '../lib/locales.mjs';
import { freePort, startApp, tempDataDir } from '../lib/server.mjs';

const PORTFOLIO = 'Portfolio d’Aïcha';
const DISPLAY_NAME = 'Aïcha Benoît-Léger';
const COMMUNITY = 'Montréal-Nord';
const EXPERIENCE = {
  kind: 'Volunteer',
  titleEn: 'Community kitchen coordinator',
  titleFr: 'Coordonnatrice de la cuisine collective',
  organisation: 'Cuisine collective Hochelaga',
  startMonth: '2021-09',
};
const NOTE = {
  category: 'Childcare',
  date: '2024-03-15',
  provider: 'CPE Les Petits Pas',
  text: 'Place en garderie confirmée : trois jours par semaine, à partir d’avril.',
};
const CREDENTIAL_TITLE = 'Food Handler Certificate';
const IMAGE_NAME = 'certificat-aïcha.png';
// The evidence is titled after its file, with or without the extension.
const IMAGE_TITLE = /^certificat-aïcha(\.png)?$/;

// The screens of an open portfolio: nav label ID and heading ID.
const SCREENS = [
  { name: 'profile', nav: 'NavProfile', heading: 'ProfileHeading' },
  { name: 'experiences', nav: 'NavExperiences', heading: 'ExperiencesHeading' },
  { name: 'microcredentials', nav: 'NavCredentials', heading: 'CredentialsHeading' },
  { name: 'evidence', nav: 'NavEvidence', heading: 'EvidenceHeading' },
  { name: 'support-notes', nav: 'NavSupport', heading: 'SupportHeading' },
];

let app;
let browser;
let workDir;

before(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-files-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** A small real PNG (a gradient with a white band), made with Debian's ImageMagick. */
function makeImage() {
  const file = path.join(workDir, IMAGE_NAME);
  execFileSync('/usr/bin/convert', [
    '-size', '640x400', 'gradient:#0b4f6c-#f2c14e',
    '-fill', 'white', '-draw', 'rectangle 40,40 600,120',
    `PNG24:${file}`,
  ]);
  return file;
}

test('a learner builds a portfolio in English and French and finds it again after a restart', { timeout: 300_000 }, async () => {
  const dataDir = tempDataDir();
  const port = await freePort();
  app = await startApp({ dataDir, port });
  const { page, offsite, errors } = await newPage(browser);
  page.setDefaultTimeout(15_000);

  const { t, h, button, field, nav, goTo: goToNav, switchLanguage } = ui(page);
  const goTo = (screen) => goToNav(screen.nav, screen.heading);
  await checkedFlow({ page, offsite, errors }, 'portfolio-flow', flow);

  /** Where focus is: its id, where it sits in the window, and where its label begins. */
  function focused() {
    return page.evaluate(() => {
      const el = document.activeElement;
      const r = el?.getBoundingClientRect() ?? { top: -1, bottom: -1 };
      const label = el?.id ? document.querySelector(`label[for="${el.id}"]`) : null;
      const labelTop = label ? label.getBoundingClientRect().top : r.top;
      return { id: el?.id ?? '', top: r.top, bottom: r.bottom, labelTop, height: window.innerHeight };
    });
  }

  async function flow({ scan }) {
    // ---- first run, both languages ----------------------------------------------------------
    await page.goto(app.url);
    await h(1, t('StartHeading')).waitFor({ timeout: 30_000 });
    await scan('first-run-en');
    await switchLanguage('fr');
    await h(1, t('StartHeading')).waitFor();
    await field(t('PortfolioNameLabel')).waitFor();
    await scan('first-run-fr');
    await switchLanguage('en');
    await h(1, t('StartHeading')).waitFor();

    // ---- create a portfolio; it opens ------------------------------------------------------------
    await field(t('PortfolioNameLabel')).fill(PORTFOLIO);
    await button(t('PortfolioCreate')).click();
    await nav().waitFor();
    await goTo(SCREENS[0]);

    // ---- profile with French accents -------------------------------------------------------------
    await field(t('ProfileDisplayNameLabel')).fill(DISPLAY_NAME);
    await field(t('ProfileCommunityLabel')).fill(COMMUNITY);
    await button(t('ProfileSave')).click();
    await page.getByRole('status').filter({ hasText: t('ProfileSaved') }).waitFor();

    // ---- an experience -----------------------------------------------------------------------------
    await goTo(SCREENS[1]);
    await button(t('ExperienceAdd')).click();
    await h(2, t('ExperienceFormAddHeading')).waitFor();
    assert.equal(await focused().then((f) => f.id), 'experience-form-heading', 'focus on the form just opened');
    // Saving an empty form: focus on the field at fault, in view with its label above it.
    await button(t('ExperienceFormSave')).click();
    await page.locator('#experience-error').getByText(t('ErrExperienceTitleRequired')).waitFor();
    const atFault = await focused();
    assert.equal(atFault.id, 'experience-titleEn', 'focus on the field at fault');
    assert.ok(atFault.labelTop >= 0 && atFault.bottom <= atFault.height, `the field and its label are in view: ${JSON.stringify(atFault)}`);
    await field(t('ExperienceFormKindLabel')).selectOption(EXPERIENCE.kind);
    await field(t('ExperienceFormTitleEnLabel')).fill(EXPERIENCE.titleEn);
    await field(t('ExperienceFormTitleFrLabel')).fill(EXPERIENCE.titleFr);
    await field(t('ExperienceFormOrganisationLabel')).fill(EXPERIENCE.organisation);
    await field(t('ExperienceFormStartLabel')).fill(EXPERIENCE.startMonth);
    await field(t('ExperienceFormOngoingLabel')).check();
    await scan('experience-form-en');
    await button(t('ExperienceFormSave')).click();
    await h(3, EXPERIENCE.titleEn).waitFor();

    // ---- a microcredential past its expiry date: flagged in words, not by colour alone -------------
    await goTo(SCREENS[2]);
    await button(t('CredentialAdd')).click();
    await h(2, t('CredentialFormAddHeading')).waitFor();
    assert.equal(await focused().then((f) => f.id), 'credential-form-heading', 'focus on the form just opened');
    await field(t('CredentialFormTitleEnLabel')).fill(CREDENTIAL_TITLE);
    await field(t('CredentialFormIssuerLabel')).fill('Manitoba Food Safety Training');
    await field(t('CredentialFormIssuedLabel')).fill('2019-03-01');
    await field(t('CredentialFormExpiresLabel')).fill('2022-03-01');
    await button(t('CredentialFormSave')).click();
    const credentialCard = page.locator('#main li.card').filter({ has: h(3, CREDENTIAL_TITLE) });
    await credentialCard.getByText(t('CredentialExpired'), { exact: true }).waitFor();

    // ---- a support note (private by default) ------------------------------------------------------
    await goTo(SCREENS[4]);
    await button(t('SupportNoteAdd')).click();
    await h(2, t('SupportFormAddHeading')).waitFor();
    assert.equal(await focused().then((f) => f.id), 'support-form-heading', 'focus on the form just opened');
    await field(t('SupportFormCategoryLabel')).selectOption(NOTE.category);
    await field(t('SupportFormDateLabel')).fill(NOTE.date);
    await field(t('SupportFormProviderLabel')).fill(NOTE.provider);
    await field(t('SupportFormTextLabel')).fill(NOTE.text);
    assert.equal(await field(t('SupportFormShareLabel')).isChecked(), false, 'a new support note must be private');
    assert.equal(await field(t('SupportFormSubmissionLabel')).isChecked(), false, 'and not in the PLAR submission');
    await scan('support-form-en');
    await button(t('SupportFormSave')).click();
    await page.getByText(NOTE.text, { exact: true }).waitFor();

    // ---- evidence: a photo through <input type=file>, and its preview ----------------------------
    await goTo(SCREENS[3]);
    await field(t('EvidenceChooseFilesLabel')).setInputFiles(makeImage());
    await h(3, IMAGE_TITLE).waitFor({ timeout: 30_000 });
    await expectPreview(page, IMAGE_TITLE);

    // ---- every screen in English, then in French, then back -------------------------------------
    // All the screens the nav offers (new ones are scanned without editing this test); the
    // nav buttons are #nav-<screen>.
    const screenIds = await nav()
      .locator('button[id^="nav-"]')
      .evaluateAll((els) => els.map((el) => el.id.slice(4)).filter((id) => id !== 'portfolios'));
    for (const want of ['profile', 'experiences', 'credentials', 'evidence', 'support']) {
      assert.ok(screenIds.includes(want), `the nav has no #nav-${want} (it has ${screenIds.join(', ')})`);
    }
    const shot = (id) => SCREENS.find((x) => x.nav === `Nav${id[0].toUpperCase()}${id.slice(1)}`)?.name ?? id;
    const headings = {};
    const visit = async (id) => {
      await page.locator(`#nav-${id}`).click();
      const h1 = page.locator('#main h1');
      await h1.waitFor();
      await page.waitForLoadState('networkidle');
      return (await h1.innerText()).trim();
    };
    for (const id of screenIds) {
      headings[id] = await visit(id);
      await scan(`${shot(id)}-en`);
    }
    await switchLanguage('fr');
    for (const screen of SCREENS) {
      if (process.env.E2E_ALLOW_MISSING !== '1') {
        assert.notEqual(msg('fr', screen.heading), msg('en', screen.heading), `${screen.heading} is not translated`);
      }
      await goTo(screen); // the French nav label and heading
    }
    for (const id of screenIds) {
      const heading = await visit(id);
      if (process.env.E2E_ALLOW_MISSING !== '1') {
        assert.notEqual(heading, headings[id], `the ${id} screen's heading is the same in French`);
      }
      await scan(`${shot(id)}-fr`);
    }
    await goTo(SCREENS[0]);
    assert.equal(await field(t('ProfileDisplayNameLabel')).inputValue(), DISPLAY_NAME);
    await button(t('ProfileSave')).waitFor();
    await switchLanguage('en');
    await h(1, t('ProfileHeading')).waitFor();
    await nav().getByRole('button', { name: t('NavExperiences'), exact: true }).waitFor();

    // ---- restart on the same data folder: everything is still there -----------------------------
    await app.stop();
    app = await startApp({ dataDir, port });
    await page.goto(app.url);
    // It shows the picker, or reopens the portfolio it had open.
    const start = h(1, t('StartHeading'));
    await start.or(nav()).waitFor({ timeout: 30_000 });
    if (await start.isVisible()) {
      await page.getByRole('button', { name: `${t('PortfolioOpen')} ${PORTFOLIO}` }).click();
      await nav().waitFor();
    }
    await goTo(SCREENS[0]);
    assert.equal(await field(t('ProfileDisplayNameLabel')).inputValue(), DISPLAY_NAME);
    assert.equal(await field(t('ProfileCommunityLabel')).inputValue(), COMMUNITY);
    await screenshot(page, 'after-restart-profile-en');

    await goTo(SCREENS[1]);
    await h(3, EXPERIENCE.titleEn).waitFor();
    await page.getByText(EXPERIENCE.organisation, { exact: true }).waitFor();

    await goTo(SCREENS[4]);
    await page.getByText(NOTE.text, { exact: true }).waitFor();
    await page.getByText(NOTE.provider, { exact: true }).waitFor();

    await goTo(SCREENS[3]);
    await h(3, IMAGE_TITLE).waitFor();
    await expectPreview(page, IMAGE_TITLE);
    await screenshot(page, 'after-restart-evidence-en');

    // ---- edit and delete, by keyboard: focus comes back where she was ----------------------------
    const main = page.locator('#main');
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    await goTo(SCREENS[1]);
    const editExperience = main.getByRole('button', { name: `${t('Edit')} ${EXPERIENCE.titleEn}`, exact: true });
    await editExperience.focus();
    const editId = await activeId();
    await page.keyboard.press('Enter');
    await button(t('Cancel')).click();
    await h(3, EXPERIENCE.titleEn).waitFor();
    assert.equal(await activeId(), editId, 'focus back on the Edit button of the same experience');

    await goTo(SCREENS[4]);
    const deleteNote = main.getByRole('button', { name: new RegExp(`^${t('Delete')} `) });
    await deleteNote.focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog', { name: t('SupportDeleteTitle') });
    await ask.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), t('Cancel'), 'the safe choice first');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'hidden' });
    await page.getByText(NOTE.text, { exact: true }).waitFor();
    await deleteNote.click();
    await ask.getByRole('button', { name: t('Delete'), exact: true }).click();
    await main.getByRole('status').filter({ hasText: t('SupportNoteDeleted') }).waitFor();
    await main.getByText(t('SupportEmpty'), { exact: true }).waitFor();
    assert.equal(await activeId(), 'support-add', 'focus on Add after a delete');
  }
});

/** The evidence's preview is a decoded image from a data: URL, named by its alt text. */
async function expectPreview(page, alt) {
  const img = page.getByRole('img', { name: alt });
  await img.waitFor({ timeout: 30_000 });
  const { src, width } = await img.evaluate(async (el) => {
    await el.decode().catch(() => {});
    return { src: el.getAttribute('src') ?? '', width: el.naturalWidth };
  });
  assert.match(src, /^data:image\/(jpeg|png|webp);base64,/, 'preview is an inline image');
  assert.ok(width > 0, 'preview decodes to a real picture');
}
