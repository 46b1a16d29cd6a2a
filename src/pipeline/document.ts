import type { Language, ReportType } from '../schema/enums.js';
import type { Span } from '../schema/evidence.js';
import type { ReportInput } from '../schema/report-input.js';
import type { LexiconSet } from '../lexicon/load.js';
import { toOriginalSpan, type NormalizedText } from '../text/normalize.js';

/** Section categories; 'header' is what precedes the first heading. */
export type SectionName = 'header' | 'clinical' | 'technique' | 'findings' | 'impression' | 'other';

export interface Section {
  name: SectionName;
  /** Heading text as written, or '' for the implicit first section. */
  heading: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  section: SectionName;
  index: number;
}

/**
 * The parsed report every extractor reads. Offsets are in `norm` unless named otherwise;
 * `span()` turns a norm range into the finding span and text of the original.
 */
export interface ParsedReport {
  readonly input: ReportInput;
  readonly text: NormalizedText;
  readonly norm: string;
  readonly lang: Language;
  readonly type: ReportType | null;
  readonly lex: LexiconSet;
  sections: Section[];
  sentences: Sentence[];
}

export function spanOf(doc: ParsedReport, start: number, end: number): { span: Span; text: string } {
  const [s, e] = toOriginalSpan(doc.text, start, end);
  return { span: [s, e], text: doc.text.original.slice(s, e) };
}

/** The sentence holding norm offset `pos` (binary search), or undefined outside any. */
export function sentenceAt(doc: ParsedReport, pos: number): Sentence | undefined {
  const list = doc.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export function sectionAt(doc: ParsedReport, pos: number): SectionName {
  for (const s of doc.sections) if (pos >= s.start && pos < s.end) return s.name;
  return 'other';
}
