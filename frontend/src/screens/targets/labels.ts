// The names of a target's fixed choices, in the active language.
import { PLAR_METHODS, TARGET_LANGUAGES } from 'wailsjs/values';
import { isOneOf } from '../../lib/choices';
import { t } from '../../lib/i18n/i18n.svelte';

/** methodName names an assessment method (Go's plar.Methods); an unknown one shows as it is. */
export function methodName(m: string): string {
  if (!isOneOf(PLAR_METHODS, m)) return m;
  switch (m) {
    case 'Portfolio':
      return t('MethodPortfolio');
    case 'ChallengeExam':
      return t('MethodChallengeExam');
    case 'Interview':
      return t('MethodInterview');
    case 'Demonstration':
      return t('MethodDemonstration');
  }
}

/** languageName names a language of submission (Go's plar.Languages); English when unknown. */
export function languageName(lang: string): string {
  const l = isOneOf(TARGET_LANGUAGES, lang) ? lang : 'en';
  switch (l) {
    case 'en':
      return t('TargetLanguageEn');
    case 'fr':
      return t('TargetLanguageFr');
    case 'bilingual':
      return t('TargetLanguageBilingual');
  }
}
