/** mri.hemorrhage: hemorrhage, haematoma or blood products in or around the cord (spinal studies only). */
import { bindStructure } from './anatomy.js';
import { boundStatusField } from './bound-status.js';

export const hemorrhage = boundStatusField({
  id: 'mri/hemorrhage',
  field: 'mri.hemorrhage',
  lexicon: 'mri/hemorrhage',
  description: 'Hemorrhage in or around the cord.',
  spinalOnly: true,
  // An intracranial haemorrhage ("внутричерепного кровоизлияния нет") in a brain-and-spine study is not the cord's.
  skip: (m, doc, ctx) => bindStructure(doc, ctx, m.sentence, m.start, m.end)?.structure === 'brain',
});
