// Private support notes: coaching, childcare, transport… They stay on this computer.
import { Delete, List, Save } from 'wailsjs/go/app/Support';
import { portfolio } from 'wailsjs/go/models';
import type { SupportCategory } from 'wailsjs/values';
import { data } from './data.svelte';
import { ListStore } from './list.svelte';

/** SUPPORT_CATEGORIES are the categories Go accepts (portfolio.SupportCategories), in the order the form offers them. */
export { SUPPORT_CATEGORIES } from 'wailsjs/values';

/** supportNotes is the learner's private notes. */
export const supportNotes = new ListStore<portfolio.SupportNote>({
  list: List,
  save: (n) => Save(portfolio.SupportNote.createFrom(n)),
  remove: Delete,
});

// Locked, the notes are sealed: the store forgets the text it read while they were open.
data.onLocked(() => supportNotes.reset());

/** blankSupportNote is a new, unsaved note dated today, neither shared with a coach nor in the submission. */
export function blankSupportNote(today: string): portfolio.SupportNote {
  return portfolio.SupportNote.createFrom({
    id: 0,
    category: 'Coaching' satisfies SupportCategory,
    date: today,
    provider: '',
    text: '',
    followUp: '',
    shareWithCoach: false,
    includeInSubmission: false,
  });
}
