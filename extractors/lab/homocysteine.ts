import { labValueField } from './value-field.js';

/** lab.homocysteine_umol_l: Total homocysteine in umol/l (the one unit in use, assumed when none is written). */
export const homocysteine = labValueField({
  id: 'lab/homocysteine',
  field: 'lab.homocysteine_umol_l',
  analyte: 'homocysteine',
  quantity: 'homocysteine',
  description: 'Total homocysteine in umol/l (the one unit in use, assumed when none is written).',
  unitWhenMissing: 'umol/l',
});
