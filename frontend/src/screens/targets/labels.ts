// The names of a target's fixed choices, in the active language.
import { t } from '../../lib/i18n/i18n.svelte';

/** methodName names an assessment method (Go's plar.Methods). */
export function methodName(m: string): string {
  switch (m) {
    case 'Portfolio':
      return t('MethodPortfolio');
    case 'ChallengeExam':
      return t('MethodChallengeExam');
    case 'Interview':
      return t('MethodInterview');
    case 'Demonstration':
      return t('MethodDemonstration');
    default:
      return m;
  }
}

/** languageName names a language of submission (Go's plar.Languages). */
export function languageName(lang: string): string {
  switch (lang) {
    case 'fr':
      return t('TargetLanguageFr');
    case 'bilingual':
      return t('TargetLanguageBilingual');
    default:
      return t('TargetLanguageEn');
  }
}
