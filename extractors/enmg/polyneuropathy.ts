/**
 * enmg.polyneuropathy: a polyneuropathy (also "polyneuritic type", CIDP) stated in the
 * findings or conclusion; a single-nerve neuropathy (carpal tunnel) is not one.
 */
import { enmgStatus } from './lib/status.js';

export const polyneuropathy = enmgStatus({
  id: 'enmg/polyneuropathy',
  field: 'enmg.polyneuropathy',
  lexicon: 'enmg/polyneuropathy',
  description: 'Polyneuropathy stated (present, ruled out or possible).',
});
