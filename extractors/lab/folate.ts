import { labValueField } from './value-field.js';

/** lab.folate_nmol_l: Folate / folic acid / vitamin B9 in nmol/l; ng/ml and ug/l converted. */
export const folate = labValueField({
  id: 'lab/folate',
  field: 'lab.folate_nmol_l',
  analyte: 'folate',
  quantity: 'folate',
  description: 'Folate / folic acid / vitamin B9 in nmol/l; ng/ml and ug/l converted.',
});
