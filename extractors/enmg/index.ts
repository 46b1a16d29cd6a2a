import type { Extractor } from '../define.js';
import { axonal } from './axonal.js';
import { centralConduction } from './central-conduction.js';
import { demyelinating } from './demyelinating.js';
import { measurements } from './measurements.js';
import { polyneuropathy } from './polyneuropathy.js';
import { radiculopathy } from './radiculopathy.js';
import { sensoryNormal } from './sensory-normal.js';

/** Sorted by id. */
export const ENMG_EXTRACTORS: readonly Extractor[] = [
  axonal, centralConduction, demyelinating, measurements, polyneuropathy, radiculopathy, sensoryNormal,
];
