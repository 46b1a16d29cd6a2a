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
}

/** Normalize, detect language and type, split into sections and sentences. */
export function parseReport(input: ReportInput, opts: ParseOptions = {}): ParsedReport {
  if (!input.text.trim()) throw new MyelexError('E_INPUT_NO_TEXT');
  const text = normalizeText(input.text);
  const lang = opts.lang ?? detectLanguage(text.norm);
  if (!lang) throw new MyelexError('E_LANGUAGE_UNSUPPORTED');
  const lex = loadLexicons(lang);
  const type = opts.type ?? input.type ?? (input.title ? detectReportType(input.title, lex) : null) ?? detectReportType(text.norm, lex);
  const sections = sectionize(text.norm, lex);
  const sentences = splitSentences(text.norm, sections);
  return { input, text, norm: text.norm, lang, type, lex, sections, sentences };
}
