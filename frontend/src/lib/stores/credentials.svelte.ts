// Microcredentials the learner holds, each described by its competencies.
import { Delete, List, Save } from 'wailsjs/go/app/Credentials';
import { portfolio } from 'wailsjs/go/models';
import { ListStore } from './list.svelte';

/** credentials is the learner's list of microcredentials. */
export const credentials = new ListStore<portfolio.Credential>({
  list: List,
  save: (c) => Save(portfolio.Credential.createFrom(c)),
  remove: Delete,
});

/** blankCredential is a new, unsaved microcredential. */
export function blankCredential(): portfolio.Credential {
  return portfolio.Credential.createFrom({
    id: 0,
    titleEn: '',
    titleFr: '',
    issuer: '',
    issuedOn: '',
    expiresOn: '',
    competencies: [],
    assessmentMethod: '',
    hours: 0,
    creditValue: '',
    verification: '',
  });
}
