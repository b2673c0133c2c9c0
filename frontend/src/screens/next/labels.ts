// The names of Go's lists for "what happened next" and sharing, in the active language. Each
// message ID is written out, so the locale test finds every one the page uses.
import { t } from '../../lib/i18n/i18n.svelte';

/** resultName names a PLAR decision (Go's portfolio.DecisionResults). */
export function resultName(result: string): string {
  switch (result) {
    case 'granted':
      return t('PlarDecisionGranted');
    case 'partial':
      return t('PlarDecisionPartial');
    case 'refused':
      return t('PlarDecisionRefused');
    case 'pending':
      return t('PlarDecisionPending');
    default:
      return result;
  }
}

/** typeName names a kind of later outcome (Go's portfolio.LaterOutcomeTypes). */
export function typeName(type: string): string {
  switch (type) {
    case 'newJob':
      return t('LaterOutcomeTypeNewJob');
    case 'promotion':
      return t('LaterOutcomeTypePromotion');
    case 'raise':
      return t('LaterOutcomeTypeRaise');
    case 'newDuties':
      return t('LaterOutcomeTypeNewDuties');
    case 'skillsUsed':
      return t('LaterOutcomeTypeSkillsUsed');
    case 'furtherStudy':
      return t('LaterOutcomeTypeFurtherStudy');
    case 'selfEmployment':
      return t('LaterOutcomeTypeSelfEmployment');
    case 'noChange':
      return t('LaterOutcomeTypeNoChange');
    default:
      return type;
  }
}

/** raiseName names a band of a raise (Go's portfolio.RaiseRanges). */
export function raiseName(range: string): string {
  switch (range) {
    case 'under5':
      return t('RaiseRangeUnder5');
    case 'from5To10':
      return t('RaiseRangeFrom5To10');
    case 'from10To20':
      return t('RaiseRangeFrom10To20');
    case 'over20':
      return t('RaiseRangeOver20');
    default:
      return range;
  }
}

/** provinceName names a province or territory by its code (Go's portfolio.Provinces). */
export function provinceName(code: string): string {
  switch (code) {
    case 'AB':
      return t('ProvinceAB');
    case 'BC':
      return t('ProvinceBC');
    case 'MB':
      return t('ProvinceMB');
    case 'NB':
      return t('ProvinceNB');
    case 'NL':
      return t('ProvinceNL');
    case 'NS':
      return t('ProvinceNS');
    case 'NT':
      return t('ProvinceNT');
    case 'NU':
      return t('ProvinceNU');
    case 'ON':
      return t('ProvinceON');
    case 'PE':
      return t('ProvincePE');
    case 'QC':
      return t('ProvinceQC');
    case 'SK':
      return t('ProvinceSK');
    case 'YT':
      return t('ProvinceYT');
    default:
      return code;
  }
}

/** selfIdName names a self-identification item a learner may share (Go's portfolio.SelfIDItems). */
export function selfIdName(item: string): string {
  switch (item) {
    case 'newcomer':
      return t('SelfIdItemNewcomer');
    case 'indigenous':
      return t('SelfIdItemIndigenous');
    case 'disability':
      return t('SelfIdItemDisability');
    case 'racialized':
      return t('SelfIdItemRacialized');
    default:
      return item;
  }
}
