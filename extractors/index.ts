import type { Extractor } from './define.js';
import { REPORT_EXTRACTORS } from './report/index.js';
import { MRI_EXTRACTORS } from './mri/index.js';
import { ENMG_EXTRACTORS } from './enmg/index.js';
import { CSF_EXTRACTORS } from './csf/index.js';
import { LAB_EXTRACTORS } from './lab/index.js';
import { NOTE_EXTRACTORS } from './note/index.js';

/** Every extractor the pipeline runs, by group; each group keeps its own list. */
export const EXTRACTORS: readonly Extractor[] = [
  ...REPORT_EXTRACTORS,
  ...MRI_EXTRACTORS,
  ...ENMG_EXTRACTORS,
  ...CSF_EXTRACTORS,
  ...LAB_EXTRACTORS,
  ...NOTE_EXTRACTORS,
];
