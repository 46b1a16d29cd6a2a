/** mri.cord_swelling: swelling, thickening or expansion bound to the cord (a thickened root is not). */
import { boundStatusField } from './bound-status.js';

export const cordSwelling = boundStatusField({
  id: 'mri/cord-swelling',
  field: 'mri.cord_swelling',
  lexicon: 'mri/cord-swelling',
  description: 'Cord swelling / thickening / expansion.',
  absentLexicon: 'mri/cord-calibre-normal',
  structures: ['cord', 'lesion'],
  spinalOnly: true,
});
