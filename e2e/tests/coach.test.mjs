// Both people of the coach's side, on the demo portfolio, in one window. The learner shares a
// copy with her coach; the coach opens it (read only: a banner on every screen, no edit control
// anywhere), comments on a claim and on one of its rules, and writes the comments file; the
// coach's cohort lists the copy and says why a damaged file could not be read. The learner
// imports the comments, finds the coach's comment beside the claim, replies and marks it done;
// the institution's PDF holds no comment. axe-core checks the coach's screens in English and
// French, and each screen is kept as a screenshot (e2e/artifacts, and /tmp/shots-coach).
// Native dialogs cannot be driven from a browser: each is stood in for in the page by the bound
// method it ends in (the dev build accepts paths from the page), the rest is the app's own.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage } from '../lib/browser.mjs';
import { checkedFlow, ui } from '../lib/flow.mjs';
import { repoRoot, startApp, tempDataDir } from '../lib/server.mjs';

const devBin = process.env.PASSERELLE_DEV_BIN || path.join(repoRoot, 'build', 'bin', 'passerelle-dev');
const shotsDir = process.env.COACH_SHOTS || '/tmp/shots-coach';
// The demo learner, texts of her private notes and self-identification, and the provider of
// the note she shares with her coach only (never in the institution's PDF) (demo/).
const LEARNER = 'Aminata';
const PRIVATE_TEXTS = ['Garderie Les Petits Explorateurs', 'WINPASS', 'Laissez-passer d’autobus'];
const COACH_ONLY_NOTE = 'Pluri-elles';
const SELF_ID = 'résidente permanente';
// What the coach writes, and the learner's answer: none of it may reach the institution's PDF.
const COACH = 'Marie-Ève Gagnon';
const CLAIM_COMMENT = 'Votre récit montre bien la pratique en laboratoire; précisez les analyses faites seule.';
const CLAIM_ACTION = 'Ajouter une lettre d’attestation de la superviseure du laboratoire';
const RULE_COMMENT = 'The sufficiency rule needs one more piece of third-party evidence for this claim.';
const REPLY = 'Merci! Je demande la lettre à ma superviseure cette semaine.';
const COACH_REPLY = 'Parfait, envoyez-moi la copie quand vous aurez la lettre.';
const EXPERIENCE_COMMENT = 'Ajoutez le nombre d’heures par semaine à cette expérience.';

let app;
let browser;
let workDir;

before(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-coach-'));
  mkdirSync(shotsDir, { recursive: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** The text of a PDF as pdftotext extracts it, with runs of space made one. */
function pdfText(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(/\s+/g, ' ');
}

test('a learner shares with her coach, the coach comments read-only, the comments come back', { timeout: 420_000 }, async () => {
  const dataDir = tempDataDir();
  mkdirSync(path.join(dataDir, 'portfolios'), { recursive: true });
  const demoFile = path.join(dataDir, 'portfolios', 'demo.passerelle');
  execFileSync(devBin, ['demo', '--out', demoFile], { env: { ...process.env, PASSERELLE_DATA_DIR: dataDir } });

  // The coach's folder of shared copies: the learner's copy goes there, beside a damaged file.
  const copies = path.join(workDir, 'copies');
  mkdirSync(copies);
  const sharedFile = path.join(copies, 'aminata.passerelle-share');
  const damaged = path.join(copies, 'damaged.passerelle-share');
  writeFileSync(damaged, 'this is not a shared copy');
  const commentsFile = path.join(workDir, 'from-coach.passerelle-comments');

  app = await startApp({ dataDir });
  const { page, offsite, errors } = await newPage(browser);
  page.setDefaultTimeout(15_000);
  const { t, h, button, field, nav, main, goTo, switchLanguage, openDemo } = ui(page);

  await checkedFlow({ page, offsite, errors }, 'coach', async ({ scan }) => {
    /** shoot keeps a screenshot for a person to look at, in /tmp/shots-coach. */
    const shoot = async (name, el) => {
      if (el) await el.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: !el });
    };
    /** cardOf is the card of one outcome on the claims screen, by its code. */
    const cardOf = (code) => main().locator('li.card').filter({ has: page.getByRole('heading', { level: 3, name: code, exact: true }) }).first();
    /** Every control a learner edits with: none may be in a coach's page. */
    const editControls = async () => {
      const names = [t('Edit'), t('Delete'), t('EvidenceDescribe'), t('ClaimEdit'), t('ClaimWithdraw'), t('ClaimStart'),
        t('ExperienceAdd'), t('CredentialAdd'), t('SupportNoteAdd'), t('EvidenceAddFiles'), t('ProfileSave'),
        t('ReadinessWorkOnClaim'), t('GuideActionTarget')];
      const found = [];
      for (const n of names) {
        const count = await main().getByRole('button', { name: new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).count();
        if (count > 0) found.push(`${n} ×${count}`);
      }
      // Fields and forms: only the comment composer and the cohort's filter may ask for input.
      const inputs = await main().locator('input, textarea, select').evaluateAll((els) =>
        els
          .filter((el) => !el.closest('.composer') && el.id !== 'cohort-filter' && !el.id.endsWith('-target')).map((el) => el.id || el.name || el.tagName),
      );
      return [...found, ...inputs];
    };

    // ==== the learner shares =======================================================================
    await openDemo(app.url);
    await page.locator('#guide-go-share').click();
    await h(1, t('ShareHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the heading');
    await main().getByText(t('ShareNeverOwnFile'), { exact: true }).waitFor();
    const contact = main().getByRole('checkbox', { name: t('ShareWithContactLabel'), exact: true });
    assert.equal(await contact.isChecked(), false, 'contact details are left out unless chosen');
    const outList = await main().locator('#share-out').innerText();
    for (const left of ['ShareOutSelfId', 'ProfileEmailLabel', 'ProfilePhoneLabel']) {
      assert.ok(outList.includes(t(left)), `left out: ${t(left)} in ${outList}`);
    }
    const preview = await main().innerText();
    for (const secret of [...PRIVATE_TEXTS, SELF_ID]) assert.ok(!preview.includes(secret), `not in the preview: ${secret}`);
    assert.ok(preview.includes(COACH_ONLY_NOTE), 'the note ticked for the coach is listed');
    await scan('coach-share-en');
    await shoot('share-en');
    await switchLanguage('fr');
    await h(1, t('ShareHeading')).waitFor();
    await main().getByText(t('ShareNeverOwnFile'), { exact: true }).waitFor();
    await scan('coach-share-fr');
    await shoot('share-fr');
    await switchLanguage('en');
    await page.evaluate((file) => {
      const s = window.go.app.Share;
      s.WithDialog = (opts) => s.ToPath(opts, file);
    }, sharedFile);
    await button(t('ShareSave')).click();
    await page.getByRole('status').filter({ hasText: t('ShareDone', { Path: sharedFile }) }).waitFor();
    assert.ok(existsSync(sharedFile) && statSync(sharedFile).size > 0, 'the shared copy is written');
    const sharedBytes = readFileSync(sharedFile).toString('latin1');
    for (const secret of [...PRIVATE_TEXTS, SELF_ID]) {
      assert.ok(!sharedBytes.includes(Buffer.from(secret, 'utf8').toString('latin1')), `not in the shared copy: ${secret}`);
    }

    // ==== the coach opens the copy: read only, a banner on every screen ============================
    await nav().getByRole('button', { name: t('NavPortfolios'), exact: true }).click();
    await h(1, t('StartHeading')).waitFor();
    await page.evaluate((file) => {
      const c = window.go.app.Coach;
      c.OpenWithDialog = () => c.Open(file);
    }, sharedFile);
    await button(t('StartCoachOpen')).click();
    const banner = page.locator('#coach-banner');
    await banner.waitFor();
    const bannerText = await banner.innerText();
    assert.ok(bannerText.includes(LEARNER), `the banner names the learner: ${bannerText}`);
    assert.ok(bannerText.includes('—'), bannerText);
    const navNames = await nav().getByRole('button').allInnerTexts();
    for (const id of ['NavTargets', 'NavExport', 'NavShare', 'NavData']) {
      assert.ok(!navNames.includes(t(id)), `no ${id} in coach mode`);
    }
    for (const [navId, headingId] of [
      ['NavGuide', 'GuideHeading'],
      ['NavProfile', 'CoachProfileHeading'],
      ['NavExperiences', 'ExperiencesHeading'],
      ['NavCredentials', 'CredentialsHeading'],
      ['NavEvidence', 'EvidenceHeading'],
      ['NavClaims', 'ClaimsHeading'],
      ['NavReadiness', 'ReadinessHeading'],
      ['NavSupport', 'SupportHeading'],
    ]) {
      await goTo(navId, headingId);
      await banner.waitFor();
      // Let the screen's lists arrive before looking for buttons in them.
      await page.waitForLoadState('networkidle').catch(() => {});
      await page.waitForTimeout(300);
      assert.deepEqual(await editControls(), [], `no edit control on ${navId}`);
      await scan(`coach-${navId.slice(3).toLowerCase()}-en`);
    }
    // The profile in coach mode holds no self-identification and no contact details.
    await goTo('NavProfile', 'CoachProfileHeading');
    const profileText = await main().innerText();
    assert.ok(!profileText.includes(SELF_ID), 'no self-identification');
    assert.ok(profileText.includes(t('CoachProfileNoContact')), 'contact details not shared');

    // ---- a comment on an experience (the learner deletes it later) ---------------------------------
    await goTo('NavExperiences', 'ExperiencesHeading');
    const expCard = main().locator('li.card').first();
    const expTitle = (await expCard.locator('h3').innerText()).trim();
    await button(`${t('CoachComment')} — ${t('CommentAnchorExperience', { Title: expTitle })}`).click();
    await field(t('CoachNameLabel')).fill(COACH);
    await field(t('CoachCommentTextLabel')).fill(EXPERIENCE_COMMENT);
    await button(t('CoachCommentSave')).click();
    await expCard.getByText(EXPERIENCE_COMMENT, { exact: true }).waitFor();

    // ---- a comment on a claim, and one on one of its rules -----------------------------------------
    await goTo('NavClaims', 'ClaimsHeading');
    const commentButton = page.getByRole('button', { name: new RegExp(`^${t('CoachComment')} — `) });
    await main().locator(commentButton).first().waitFor();
    const firstCard = main().locator('li.card').filter({ has: commentButton }).first();
    const code = (await firstCard.locator('h3').innerText()).trim();
    const claimLabel = t('CommentAnchorClaim', { Code: code });
    await button(`${t('CoachComment')} — ${claimLabel}`).click();
    await h(4, t('CoachCommentHeading', { Item: claimLabel })).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H4', 'focus on the composer');
    assert.equal(await field(t('CoachNameLabel')).count(), 0, 'the coach’s name is asked once');
    await field(t('CoachCommentTextLabel')).fill(CLAIM_COMMENT);
    await field(t('CoachCommentActionLabel')).fill(CLAIM_ACTION);
    await button(t('CoachCommentSave')).click();
    await firstCard.getByText(CLAIM_COMMENT, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: t('CoachCommentSaved') }).first().waitFor();
    const back = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.ok(back.startsWith(t('CoachComment')), `focus back on the Comment button: ${back}`);
    await banner.getByText(t('CoachSignedAs', { Name: COACH }), { exact: true }).waitFor();

    // The rule is chosen in "About".
    await button(`${t('CoachComment')} — ${claimLabel}`).click();
    await field(t('CoachCommentAnchorLabel')).selectOption({ label: t('CoachCommentOnRule', { Rule: t('RuleSufficient') }) });
    await field(t('CoachCommentTextLabel')).fill(RULE_COMMENT);
    await button(t('CoachCommentSave')).click();
    await firstCard.getByText(RULE_COMMENT, { exact: true }).waitFor();
    await firstCard.getByText(t('CoachCommentOnRule', { Rule: t('RuleSufficient') }), { exact: true }).waitFor();
    assert.deepEqual(await editControls(), [], 'still no edit control with comments');
    await scan('coach-claims-en');
    await shoot('coach-claim-comments-en', firstCard.locator('.item-comments'));

    // ---- the comments file ---------------------------------------------------------------------------
    await goTo('NavComments', 'NavComments');
    await page.evaluate((file) => {
      const c = window.go.app.Coach;
      c.WriteCommentsWithDialog = () => c.WriteCommentsTo(file);
    }, commentsFile);
    await button(t('CoachWriteComments')).click();
    await page.getByRole('status').filter({ hasText: t('CoachWroteComments', { Path: commentsFile }) }).waitFor();
    const written = readFileSync(commentsFile, 'utf8');
    for (const said of [CLAIM_COMMENT, RULE_COMMENT, EXPERIENCE_COMMENT]) assert.ok(written.includes(said), `in the file: ${said}`);
    for (const secret of [...PRIVATE_TEXTS, SELF_ID]) assert.ok(!written.includes(secret), `not in the file: ${secret}`);
    assert.ok(written.length < 20_000, `a small file: ${written.length} bytes`);
    await scan('coach-comments-en');

    // ---- the cohort: the copy and the damaged file ------------------------------------------------
    await page.evaluate((folder) => {
      const c = window.go.app.Coach;
      c.CohortWithDialog = () => c.Cohort(folder);
    }, copies);
    await goTo('NavCohort', 'CohortHeading');
    await button(t('CohortChooseFolder')).click();
    const table = main().getByRole('table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 1, 'one readable shared copy');
    assert.ok((await rows.first().innerText()).includes(LEARNER));
    // The demo learner shares what happened next with a program: the cohort says how many.
    assert.match(await rows.first().locator('td').nth(5).innerText(), /^[1-9]\d*$/, 'outcomes shared are counted');
    await main().getByRole('heading', { name: t('CohortUnreadableHeading') }).waitFor();
    const unreadable = await main().locator('.cohort-unreadable').innerText();
    assert.ok(unreadable.includes('damaged.passerelle-share'), unreadable);
    assert.ok(!/\bErr[A-Z]/.test(unreadable), `the reason is in words, not a message ID: ${unreadable}`);
    // Sorting by keyboard: the header says how the table is sorted.
    const learnerHeader = table.locator('th', { has: page.locator('#cohort-sort-learnerName') });
    await page.locator('#cohort-sort-learnerName').focus();
    await page.keyboard.press('Enter');
    assert.equal(await learnerHeader.getAttribute('aria-sort'), 'ascending');
    await page.getByRole('status').filter({ hasText: t('CohortSortedAscending', { Column: t('CohortColLearner') }) }).waitFor();
    await page.keyboard.press('Enter');
    assert.equal(await learnerHeader.getAttribute('aria-sort'), 'descending');
    await field(t('CohortFilterLabel')).fill('zzz');
    await main().getByText(t('CohortNoMatch', { Filter: 'zzz' }), { exact: true }).waitFor();
    await field(t('CohortFilterLabel')).fill(LEARNER.toLowerCase());
    assert.equal(await rows.count(), 1);
    await scan('coach-cohort-en');
    await shoot('coach-cohort-en');
    // A row opens its copy in coach mode, on the guide.
    // The learner's name is the row's button, read "Open NAME".
    await table.getByRole('button', { name: new RegExp(`^${t('CohortOpen')} ${LEARNER}`) }).click();
    await h(1, t('GuideHeading')).waitFor();
    await banner.waitFor();
    await goTo('NavCohort', 'CohortHeading');
    await table.waitFor();

    // ---- the same screens in French --------------------------------------------------------------
    await switchLanguage('fr');
    await h(1, t('CohortHeading')).waitFor();
    await scan('coach-cohort-fr');
    await shoot('coach-cohort-fr');
    await goTo('NavClaims', 'ClaimsHeading');
    await main().getByText(CLAIM_COMMENT, { exact: true }).waitFor();
    assert.ok((await banner.innerText()).includes('lecture seule'));
    await scan('coach-claims-fr');
    await shoot('coach-claim-comments-fr', cardOf(code).locator('.item-comments'));
    await switchLanguage('en');

    // ---- with no copy open, the cohort is a page of its own, reached from the first screen ---------
    await nav().getByRole('button', { name: t('NavPortfolios'), exact: true }).click();
    await h(1, t('StartHeading')).waitFor();
    await button(t('StartCoachCohort')).click();
    await h(1, t('CohortHeading')).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the heading');
    assert.equal(await main().getByRole('table').locator('tbody tr').count(), 1, 'the folder chosen before is listed again');
    await scan('coach-cohort-page-en');
    await button(t('CohortBack')).click();
    await h(1, t('StartHeading')).waitFor();

    // ==== the learner imports the comments ========================================================
    await openDemo(app.url);
    await goTo('NavComments', 'CommentsHeading');
    // A drop of the file on the drop zone (lib/drop.ts): the page reads it and Go imports it.
    const drop = (name, text) =>
      page.evaluate(
        ({ name, text }) => {
          const zone = document.querySelector('#main .drop-zone');
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, { type: 'application/json' }));
          for (const type of ['dragenter', 'dragover', 'drop']) {
            zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
          }
        },
        { name, text },
      );
    // A file cut short is refused in words, and nothing changes.
    await drop('cut.passerelle-comments', written.slice(0, 200));
    await main().locator('#comments-import-error').getByText(t('ErrCommentsFileDamaged')).waitFor();
    assert.equal(await nav().locator('#nav-comments .nav-badge').count(), 0, 'nothing imported');
    await drop('from-coach.passerelle-comments', written);
    await page.getByRole('status').filter({ hasText: t('CommentsImported', { Count: 3 }) }).waitFor();
    assert.equal(await main().locator('#comments-import-error').innerText(), '', 'the error is gone');
    const badge = nav().locator('#nav-comments .nav-badge');
    await badge.waitFor();
    assert.equal((await badge.innerText()).trim(), '3', 'three open comments in the nav');
    // The same file again, by the dialog's way in, changes nothing.
    await page.evaluate((file) => {
      const c = window.go.app.Comments;
      c.ImportWithDialog = () => c.ImportFile(file);
    }, commentsFile);
    await button(t('CommentsImport')).click();
    await page.getByRole('status').filter({ hasText: t('CommentsImportedNothingNew') }).waitFor();
    assert.equal((await badge.innerText()).trim(), '3');
    // Both comments are listed by item on this screen, marked as the coach's.
    await main().getByText(CLAIM_COMMENT, { exact: true }).waitFor();
    await main().getByText(RULE_COMMENT, { exact: true }).waitFor();
    await scan('learner-comments-en');

    // Beside the claim, marked as the coach's.
    await goTo('NavClaims', 'ClaimsHeading');
    const card = cardOf(code);
    await card.getByText(CLAIM_COMMENT, { exact: true }).waitFor();
    await card.getByText(t('CommentFromCoach', { Name: COACH }), { exact: true }).first().waitFor();
    await card.getByText(CLAIM_ACTION).waitFor();
    await card.getByText(RULE_COMMENT, { exact: true }).waitFor();
    const thread = card.locator('li.thread').filter({ hasText: CLAIM_COMMENT });
    await thread.getByRole('button', { name: new RegExp(`^${t('CommentReply')}`) }).click();
    await field(t('CommentReplyLabel')).fill(REPLY);
    await button(t('CommentReplySave')).click();
    await thread.getByText(REPLY, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: t('CommentReplySaved') }).first().waitFor();
    await shoot('learner-claim-comment-en', card.locator('.item-comments'));
    await thread.getByRole('button', { name: new RegExp(`^${t('CommentMarkDone')}`) }).click();
    await thread.getByText(t('CommentBadgeDone'), { exact: true }).waitFor();
    assert.equal((await badge.innerText()).trim(), '2', 'two comments still open');
    // The learner changes the claim: its comments then say it changed since the coach saw it.
    await card.getByRole('button', { name: `${t('ClaimEdit')} ${code}` }).click();
    await h(2, t('ClaimFormEditHeading', { Code: code })).waitFor();
    const narrative = field(t('ClaimNarrativeEnLabel'));
    await narrative.fill(`${await narrative.inputValue()} I also ran the weekly audit of the biosafety cabinets.`);
    await button(t('ClaimSave')).click();
    await page.getByRole('status').filter({ hasText: t('ClaimSaved', { Code: code }) }).first().waitFor();
    await button(t('ClaimClose')).click();
    await card.getByText(t('CommentChanged'), { exact: true }).first().waitFor();
    await scan('learner-claims-en');
    await switchLanguage('fr');
    await card.getByText(t('CommentFromCoach', { Name: COACH }), { exact: true }).first().waitFor();
    await shoot('learner-claim-comment-fr', card.locator('.item-comments'));
    await scan('learner-claims-fr');
    await switchLanguage('en');

    // ==== the institution's PDF holds no comment and no reply ====================================
    const pdf = path.join(workDir, 'institution.pdf');
    const targetId = await page.evaluate(async () => (await window.go.app.Targets.List())[0].id);
    await page.evaluate(async ({ req, file }) => window.go.app.Export.ToPath(req, file), {
      req: { targetId, language: 'bilingual', includeSharedNotes: true },
      file: pdf,
    });
    const text = pdfText(pdf);
    assert.ok(text.includes('Koné'), 'the PDF is the learner’s');
    assert.ok(text.includes('Plan de reconnaissance'), 'the note marked for the submission is in it');
    for (const said of [CLAIM_COMMENT, CLAIM_ACTION, RULE_COMMENT, EXPERIENCE_COMMENT, REPLY, COACH, COACH_ONLY_NOTE]) {
      assert.ok(!text.includes(said), `no comment text in the institution PDF: ${said}`);
    }

    // ==== a comment whose item the learner deleted stays, in a list of its own ====================
    await goTo('NavExperiences', 'ExperiencesHeading');
    await button(`${t('Delete')} ${expTitle}`).click();
    await page.getByRole('dialog').getByRole('button', { name: t('Delete'), exact: true }).click();
    await main().getByRole('heading', { level: 3, name: expTitle, exact: true }).waitFor({ state: 'detached' });
    // With open comments the nav entry's name says how many: "Comments, 2 open comments".
    const entry = page.locator('#nav-comments');
    const named = await entry.evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
    const open = Number((await badge.innerText()).trim());
    assert.equal(named, `${t('NavComments')}${open}, ${t('NavOpenComments', { Count: open })}`, 'the badge is read as words');
    await entry.click();
    await h(1, t('CommentsHeading')).waitFor();
    const gone = main().locator('section', { has: page.getByRole('heading', { name: t('CommentsDeletedHeading') }) });
    await gone.getByText(EXPERIENCE_COMMENT, { exact: true }).waitFor();
    await scan('learner-comments-deleted-en');
    await shoot('learner-comments-deleted-en', gone);

    // ==== the learner's reply travels back in a new copy, and the coach answers it ================
    await goTo('NavShare', 'ShareHeading');
    const second = path.join(copies, 'aminata-2.passerelle-share');
    await page.evaluate((file) => {
      const s = window.go.app.Share;
      s.WithDialog = (opts) => s.ToPath(opts, file);
    }, second);
    await button(t('ShareSave')).click();
    await page.getByRole('status').filter({ hasText: t('ShareDone', { Path: second }) }).waitFor();
    await nav().getByRole('button', { name: t('NavPortfolios'), exact: true }).click();
    await h(1, t('StartHeading')).waitFor();
    await page.evaluate((file) => {
      const c = window.go.app.Coach;
      c.OpenWithDialog = () => c.Open(file);
    }, second);
    await button(t('StartCoachOpen')).click();
    await banner.waitFor();
    await goTo('NavClaims', 'ClaimsHeading');
    const coachThread = cardOf(code).locator('li.thread').filter({ hasText: CLAIM_COMMENT });
    await coachThread.getByText(REPLY, { exact: true }).waitFor();
    await coachThread.getByText(t('CommentBadgeDone'), { exact: true }).waitFor();
    await coachThread.getByText(t('CommentChangedCoach'), { exact: true }).waitFor();
    await coachThread.getByRole('button', { name: new RegExp(`^${t('CommentReply')}`) }).click();
    // A new copy is signed anew: the name is asked, the one given before offered.
    assert.equal(await field(t('CoachNameLabel')).inputValue(), COACH);
    await field(t('CommentReplyLabel')).fill(COACH_REPLY);
    await button(t('CommentReplySave')).click();
    await coachThread.getByText(COACH_REPLY, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: t('CommentReplySavedCoach') }).first().waitFor();
    await banner.getByText(t('CoachSignedAs', { Name: COACH }), { exact: true }).waitFor();
    await scan('coach-reply-en');
    await shoot('coach-thread-round-two-en', coachThread);
    // The comment on the experience the learner deleted is still the coach's to read.
    await goTo('NavComments', 'NavComments');
    await main()
      .locator('section', { has: page.getByRole('heading', { name: t('CoachCommentsDeletedHeading') }) })
      .getByText(EXPERIENCE_COMMENT, { exact: true })
      .waitFor();
  });
});
