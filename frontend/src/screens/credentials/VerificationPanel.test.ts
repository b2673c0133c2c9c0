import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { portfolio } from 'wailsjs/go/models';

const { default: VerificationPanel } = await import('./VerificationPanel.svelte');
const { i18n } = await import('../../lib/i18n/i18n.svelte');

const words: Record<string, string> = {
  CredentialVerificationHeading: 'What Passerelle checked',
  CredentialCheckedOn: 'Checked on {{.Date}}, offline.',
  CredentialCheckSeparator: ': ',
  CredentialCheckName_signature: 'Signature',
  CredentialCheckName_issuer_key: 'Issuer’s key',
  CredentialCheckName_validity: 'Validity dates',
  CredentialCheckName_revocation: 'Revocation',
  CredentialCheckName_recipient: 'Recipient',
  CredentialState_passed: 'passed',
  CredentialState_failed: 'failed',
  CredentialState_not_checked: 'not checked — needs the issuer’s server',
  CredentialState_could_not_check: 'could not check',
  CredentialCheck_signature_valid: 'The signature is valid with key {{.Key}}.',
  CredentialCheck_expired: 'Expired on {{.Until}}.',
  CredentialKey: 'Signing key: {{.Key}} (from {{.Source}})',
  CredentialKeySource_issuer_url_fragment: 'a fragment of the issuer’s web address, as the credential says',
  CredentialRecordChecks: 'Checks of the learner record it came in',
  CredentialSomeCheckFailed: 'A check failed.',
};

function credential(checks: object[], keySource = 'issuer_url_fragment'): portfolio.Credential {
  return portfolio.Credential.createFrom({
    id: 4,
    titleEn: 'Lab Safety',
    import: {
      format: 'ob3-json',
      alignments: [],
      fixed: [],
      verification: { checkedAt: '2026-11-29T10:00:00Z', key: 'z6MkKey', keySource, checks },
    },
  });
}

function panel(c: portfolio.Credential): string {
  i18n.catalog = words;
  return render(VerificationPanel, { props: { credential: c, name: 'Lab Safety' } }).body;
}

describe('VerificationPanel', () => {
  it('says every state in words, in the order of the checks, beside a mark hidden from screen readers', () => {
    const body = panel(
      credential([
        { check: 'recipient', state: 'could_not_check', reason: 'no_email' },
        { check: 'signature', state: 'passed', reason: 'signature_valid', args: { Key: 'z6MkKey' } },
        { check: 'validity', state: 'failed', reason: 'expired', args: { Until: '2025-01-01' } },
        { check: 'revocation', state: 'not_checked', reason: 'no_status' },
      ]),
    );
    const order = ['Signature', 'Validity dates', 'Revocation', 'Recipient'].map((w) => body.indexOf(`<strong>${w}</strong>`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain('not checked — needs the issuer’s server');
    expect(body).toContain('could not check');
    expect(body).toContain('The signature is valid with key z6MkKey.');
    expect(body).toContain('Expired on 2025-01-01.');
    expect(body).toContain('A check failed.');
    // A reason the catalog has no words for is left out, never shown as its code.
    expect(body).not.toContain('no_status');
    expect(body).not.toContain('CredentialCheck_');
    const marks = body.match(/<svg class="check-icon [^"]*"[^>]*>/g) ?? [];
    expect(marks).toHaveLength(4);
    for (const m of marks) expect(m).toContain('aria-hidden="true"');
    expect(body).toContain('Signing key: z6MkKey (from a fragment of the issuer’s web address, as the credential says)');
  });

  it('shows a learner record’s own checks apart from the achievement’s', () => {
    const body = panel(
      credential([
        { check: 'signature', state: 'passed', reason: '' },
        { scope: 'record', check: 'signature', state: 'failed', reason: '' },
      ]),
    );
    expect(body).toContain('Checks of the learner record it came in');
    expect(body.indexOf('Checks of the learner record')).toBeLessThan(body.lastIndexOf('failed'));
  });

  it('keeps a key source it does not know as the verifier wrote it', () => {
    expect(panel(credential([], 'some new source'))).toContain('(from some new source)');
  });
});
