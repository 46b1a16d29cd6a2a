import type { Extractor } from '../define.js';
import { measurements } from './measurements.js';

export const ENMG_EXTRACTORS: readonly Extractor[] = [measurements];
