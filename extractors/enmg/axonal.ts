/** enmg.axonal: an axonal type of lesion stated (findings or conclusion). */
import { enmgStatus } from './lib/status.js';

export const axonal = enmgStatus({
  id: 'enmg/axonal',
  field: 'enmg.axonal',
  lexicon: 'enmg/axonal',
  description: 'Axonal type of lesion stated (present, ruled out or possible).',
});
