import type { Extractor } from '../define.js';
import { csfBlasts } from './blasts.js';
import { csfCells } from './cells.js';
import { csfProtein } from './protein.js';

export const CSF_EXTRACTORS: readonly Extractor[] = [csfBlasts, csfCells, csfProtein];
