import type { Extractor } from '../define.js';

export const LAB_EXTRACTORS: readonly Extractor[] = [];
