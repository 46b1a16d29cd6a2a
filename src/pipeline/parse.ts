import { MyelexError } from '../errors.js';
import { loadLexicons } from '../lexicon/load.js';
import type { Language, ReportType } from '../schema/enums.js';
import type { ReportInput } from '../schema/report-input.js';
import { normalizeText } from '../text/normalize.js';
import { detectLanguage, detectReportType } from './detect.js';
import type { ParsedReport } from './document.js';
import { sectionize } from './sectionize.js';
import { splitSentences } from './split-sentences.js';

export interface ParseOptions {
  /** Force the language instead of detecting it. */
  lang?: Language;
  /** Force the report type instead of detecting it. */
  type?: ReportType;
  /**
   * Benchmark hook: milliseconds per stage are added here (normalize, detect, sections,
   * context, extract:<group>, assemble). Off (and free) when absent.
   */
  timings?: Record<string, number>;
}

/** Adds the time since `t0` to `stage`; returns now. */
export function lap(timings: Record<string, number>, stage: string, t0: number): number {
  const now = performance.now();
  timings[stage] = (timings[stage] ?? 0) + now - t0;
  return now;
}

/** Normalize, detect language and type, split into sections and sentences. */
export function parseReport(input: ReportInput, opts: ParseOptions = {}): ParsedReport {
  if (!input.text.trim()) throw new MyelexError('E_INPUT_NO_TEXT');
  const timings = opts.timings;
  let t0 = timings ? performance.now() : 0;
  const text = normalizeText(input.text);
  if (timings) t0 = lap(timings, 'normalize', t0);
  const lang = opts.lang ?? detectLanguage(text.norm);
  if (!lang) throw new MyelexError('E_LANGUAGE_UNSUPPORTED');
  const lex = loadLexicons(lang);
  const type = opts.type ?? input.type ?? (input.title ? detectReportType(input.title, lex) : null) ?? detectReportType(text.norm, lex);
  if (timings) t0 = lap(timings, 'detect', t0);
  const sections = sectionize(text.norm, lex);
  const sentences = splitSentences(text.norm, sections);
  if (timings) lap(timings, 'sections', t0);
  return { input, text, norm: text.norm, lang, type, lex, sections, sentences };
}
