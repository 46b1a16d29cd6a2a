import { labValueField } from './value-field.js';

/** lab.b12_pmol_l: Vitamin B12 (cobalamin) in pmol/l; pg/ml and ng/l converted. */
export const b12 = labValueField({
  id: 'lab/b12',
  field: 'lab.b12_pmol_l',
  analyte: 'b12',
  quantity: 'b12',
  description: 'Vitamin B12 (cobalamin) in pmol/l; pg/ml and ng/l converted.',
});
