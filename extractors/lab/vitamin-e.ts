import { labValueField } from './value-field.js';

/** lab.vitamin_e_umol_l: Vitamin E (alpha-tocopherol) in umol/l; mg/l converted. */
export const vitaminE = labValueField({
  id: 'lab/vitamin-e',
  field: 'lab.vitamin_e_umol_l',
  analyte: 'vitamin_e',
  quantity: 'vitamin_e',
  description: 'Vitamin E (alpha-tocopherol) in umol/l; mg/l converted.',
});
