import { labValueField } from './value-field.js';

/** lab.copper_umol_l: Serum copper in umol/l; ug/dl converted. */
export const copper = labValueField({
  id: 'lab/copper',
  field: 'lab.copper_umol_l',
  analyte: 'copper',
  quantity: 'copper',
  description: 'Serum copper in umol/l; ug/dl converted.',
});
