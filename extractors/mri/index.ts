import type { Extractor } from '../define.js';

export const MRI_EXTRACTORS: readonly Extractor[] = [];
