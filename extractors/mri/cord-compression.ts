/**
 * mri.cord_compression: compression of the cord, the cauda equina, the neural structures or
 * the thecal sac; compression of a single nerve root is not.
 */
import { boundStatusField } from './bound-status.js';

export const cordCompression = boundStatusField({
  id: 'mri/cord-compression',
  field: 'mri.cord_compression',
  lexicon: 'mri/cord-compression',
  description: 'Compression of the cord or cauda equina.',
  direct: ['direct'],
  structures: ['cord', 'cauda', 'thecal'],
  // The compressor (disc, mass, bone) is not the compressed structure.
  ignore: ['lesion', 'disc', 'mass', 'vertebra', 'marrow'],
  negatedUnbound: true,
  spinalOnly: true,
});
