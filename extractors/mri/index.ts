import type { Extractor } from '../define.js';
import { contrast } from './contrast.js';
import { cordAtrophy } from './cord-atrophy.js';
import { cordAxial } from './cord-axial.js';
import { cordCompression } from './cord-compression.js';
import { cordEnhancement } from './cord-enhancement.js';
import { cordLesion } from './cord-lesion.js';
import { cordSwelling } from './cord-swelling.js';
import { fieldStrength } from './field-strength.js';
import { hemorrhage } from './hemorrhage.js';
import { marrowInfiltration } from './marrow-infiltration.js';
import { mass } from './mass.js';
import { region } from './region.js';
import { rootInvolvement } from './root-involvement.js';
import { sequences } from './sequences.js';

/** MRI extractors, sorted by id. Helpers (anatomy, study, lesion, bound-status) are not extractors. */
export const MRI_EXTRACTORS: readonly Extractor[] = [
  contrast, cordAtrophy, cordAxial, cordCompression, cordEnhancement, cordLesion, cordSwelling,
  fieldStrength, hemorrhage, marrowInfiltration, mass, region, rootInvolvement, sequences,
];
