import type { Extractor } from '../define.js';

export const CSF_EXTRACTORS: readonly Extractor[] = [];
