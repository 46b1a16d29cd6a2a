import type { Extractor } from '../define.js';
import { reportDate } from './date.js';

export const REPORT_EXTRACTORS: readonly Extractor[] = [reportDate];
