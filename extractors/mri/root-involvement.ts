/**
 * mri.root_involvement: thickening or enhancement of the nerve roots / cauda equina, or
 * leptomeningeal enhancement. A compressed root is not involvement; brain studies count
 * (leptomeningeal enhancement).
 */
import { boundStatusField } from './bound-status.js';

export const rootInvolvement = boundStatusField({
  id: 'mri/root-involvement',
  field: 'mri.root_involvement',
  lexicon: 'mri/root-involvement',
  description: 'Nerve roots / cauda equina thickening or enhancement, or leptomeningeal enhancement.',
  direct: ['direct'],
  structures: ['root', 'cauda', 'meninges'],
});
