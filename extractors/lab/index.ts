import type { Extractor } from '../define.js';
import { b12 } from './b12.js';
import { copper } from './copper.js';
import { folate } from './folate.js';
import { homocysteine } from './homocysteine.js';
import { paraneoplasticAntibodies } from './paraneoplastic-antibodies.js';
import { vitaminE } from './vitamin-e.js';

export const LAB_EXTRACTORS: readonly Extractor[] = [b12, copper, folate, homocysteine, paraneoplasticAntibodies, vitaminE];
