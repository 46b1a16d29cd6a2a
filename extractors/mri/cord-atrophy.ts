/** mri.cord_atrophy: atrophy or thinning bound to the cord (muscle atrophy in the history is not). */
import { boundStatusField } from './bound-status.js';

export const cordAtrophy = boundStatusField({
  id: 'mri/cord-atrophy',
  field: 'mri.cord_atrophy',
  lexicon: 'mri/cord-atrophy',
  description: 'Cord atrophy / thinning.',
  absentLexicon: 'mri/cord-calibre-normal',
  structures: ['cord', 'lesion'],
  spinalOnly: true,
});
