/** mri.mass: a space-occupying mass (soft-tissue, epidural, intradural, paravertebral, intracranial); "mass effect" is not. */
import { boundStatusField } from './bound-status.js';

export const mass = boundStatusField({
  id: 'mri/mass',
  field: 'mri.mass',
  lexicon: 'mri/mass',
  description: 'Space-occupying (volumetric) mass.',
});
