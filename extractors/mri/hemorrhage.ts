/** mri.hemorrhage: hemorrhage, haematoma or blood products in or around the cord (spinal studies only). */
import { boundStatusField } from './bound-status.js';

export const hemorrhage = boundStatusField({
  id: 'mri/hemorrhage',
  field: 'mri.hemorrhage',
  lexicon: 'mri/hemorrhage',
  description: 'Hemorrhage in or around the cord.',
  spinalOnly: true,
});
