// Experiences: paid work, volunteering, caregiving, community and land-based roles…
import { Delete, List, Save } from 'wailsjs/go/app/Experiences';
import { portfolio } from 'wailsjs/go/models';
import type { ExperienceKind } from 'wailsjs/values';
import { ListStore } from './list.svelte';

/** EXPERIENCE_KINDS are the kinds Go accepts (portfolio.ExperienceKinds), in the order the form offers them. */
export { EXPERIENCE_KINDS } from 'wailsjs/values';

/** experiences is the learner's record of experience, newest first. */
export const experiences = new ListStore<portfolio.Experience>({
  list: List,
  save: (e) => Save(portfolio.Experience.createFrom(e)),
  remove: Delete,
});

/** blankExperience is a new, unsaved experience. */
export function blankExperience(): portfolio.Experience {
  return portfolio.Experience.createFrom({
    id: 0,
    kind: 'PaidWork' satisfies ExperienceKind,
    titleEn: '',
    titleFr: '',
    organisation: '',
    place: '',
    startMonth: '',
    endMonth: '',
    hours: 0,
    descriptionEn: '',
    descriptionFr: '',
    skills: [],
  });
}
