/** enmg.demyelinating: a demyelinating type of lesion stated (findings or conclusion). */
import { enmgStatus } from './lib/status.js';

export const demyelinating = enmgStatus({
  id: 'enmg/demyelinating',
  field: 'enmg.demyelinating',
  lexicon: 'enmg/demyelinating',
  description: 'Demyelinating type of lesion stated (present, ruled out or possible).',
});
