// The names and meanings of the self-rating levels, in the active language.
import { RATING_LEVELS } from 'wailsjs/values';
import { isOneOf } from '../../lib/choices';
import { t } from '../../lib/i18n/i18n.svelte';

/** levelName names a level of the self-rating scale (1 to 5). */
export function levelName(n: number): string {
  if (!isOneOf(RATING_LEVELS, n)) return '';
  switch (n) {
    case 1:
      return t('RatingLevel1');
    case 2:
      return t('RatingLevel2');
    case 3:
      return t('RatingLevel3');
    case 4:
      return t('RatingLevel4');
    case 5:
      return t('RatingLevel5');
  }
}

/** levelDescription is the one-line meaning of a level. */
export function levelDescription(n: number): string {
  if (!isOneOf(RATING_LEVELS, n)) return '';
  switch (n) {
    case 1:
      return t('RatingLevel1Description');
    case 2:
      return t('RatingLevel2Description');
    case 3:
      return t('RatingLevel3Description');
    case 4:
      return t('RatingLevel4Description');
    case 5:
      return t('RatingLevel5Description');
  }
}
