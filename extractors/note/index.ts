import type { Extractor } from '../define.js';

export const NOTE_EXTRACTORS: readonly Extractor[] = [];
