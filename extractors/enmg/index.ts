import type { Extractor } from '../define.js';

export const ENMG_EXTRACTORS: readonly Extractor[] = [];
