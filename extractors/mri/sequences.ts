/**
 * mri.sequences: named sequences (STIR, FLAIR, DWI, SWI, GRE/T2*, T2 fat-sat: lexicon) and plain
 * T1/T2, which are told from the thoracic levels T1/T2 by levels.ts; in the technique every T1/T2
 * not joined to another level is a sequence. A T1 in a list item that names contrast is
 * t1_post_contrast ("before and after contrast" gives both).
 */
import type { Finding } from '../../src/schema/evidence.js';
import { sectionAt, type ParsedReport } from '../../src/pipeline/document.js';
import { findLevelRanges, isSequenceAt } from '../common/levels.js';
import { defineExtractor } from '../define.js';
import { contrastCues } from './contrast.js';
import { isAsciiDigit, isSpaceUnit, LINE_FEED, OPEN_PAREN, CLOSE_PAREN, COMMA, PERIOD, SEMICOLON } from '../../src/text/chars.js';

const T_TOKEN = /(?<![\p{L}\p{N}])T\s?([12])(W|WI|w|wi)?(?![\p{N}*])(?![\p{L}])/gu;
const TECHNIQUE_LINE = /^\s*(?:technique|sequences?|protocol|imaging|методика|режимы|протокол|последовательности|ИП|программы)(?![\p{L}])/iu;
const BEFORE_AND_AFTER = /before\s+and\s+after|pre-?\s*and\s+post|без\s+и\s+с|до\s+и\s+после|native\s+and/iu;

/** The list item around pos: commas, semicolons and ". " end it, except inside brackets. */
function itemAround(text: string, pos: number): [number, number] {
  // Char codes: on a two-byte text `text[i]` is a new one-character string per unit.
  const isEnd = (i: number, depth: number): boolean => {
    const c = text.charCodeAt(i);
    if (c === LINE_FEED || c === SEMICOLON) return true;
    if (depth > 0) return false;
    return (c === COMMA && !isAsciiDigit(text.charCodeAt(i + 1))) || (c === PERIOD && i + 1 < text.length && isSpaceUnit(text.charCodeAt(i + 1)));
  };
  let depth = 0;
  let s = pos;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c === CLOSE_PAREN) depth++;
    else if (c === OPEN_PAREN) depth = Math.max(0, depth - 1);
    else if (isEnd(s - 1, depth)) break;
    s--;
  }
  depth = 0;
  let e = pos;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c === OPEN_PAREN) depth++;
    else if (c === CLOSE_PAREN) depth = Math.max(0, depth - 1);
    else if (isEnd(e, depth)) break;
    e++;
  }
  return [s, e];
}

function lineAt(text: string, pos: number): string {
  return text.slice(text.lastIndexOf('\n', pos - 1) + 1, pos);
}

function isTechniqueContext(doc: ParsedReport, pos: number, named: readonly { start: number }[]): boolean {
  if (sectionAt(doc, pos) === 'technique' || TECHNIQUE_LINE.test(lineAt(doc.norm, pos))) return true;
  // A line that also names STIR, FLAIR, DWI... lists sequences.
  const s = doc.norm.lastIndexOf('\n', pos - 1) + 1;
  const e = doc.norm.indexOf('\n', pos);
  return named.some((m) => m.start >= s && (e < 0 || m.start < e));
}

export const sequences = defineExtractor({
  meta: {
    id: 'mri/sequences',
    fields: ['mri.sequences'],
    reportTypes: ['mri'],
    lexicons: ['mri/sequences', 'mri/contrast'],
    description: 'Sequences named in the report.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    // "without STIR or contrast": a sequence said to be missing.
    const named = ctx.mentions('mri/sequences').filter(
      (m) => m.sentence.section !== 'clinical' && !(m.assertion.assertion === 'negated' && m.assertion.trigger && m.start - m.assertion.trigger.end <= 2),
    );
    for (const m of named) out.push(ctx.finding({ field: 'mri.sequences', value: [m.value], start: m.start, end: m.end, assertion: 'affirmed' }));
    const joined = findLevelRanges(doc.norm).filter((r) => r.isRange);
    const postCues = contrastCues(doc, ctx).filter((c) => c.value === 'given');
    for (const t of doc.norm.matchAll(T_TOKEN)) {
      const start = t.index;
      const end = start + t[0].length;
      if (named.some((m) => m.start < end && start < m.end)) continue;
      if (sectionAt(doc, start) === 'clinical') continue;
      const bare = !t[2];
      if (bare && !isSequenceAt(doc.norm, start, end)) {
        if (!isTechniqueContext(doc, start, named) || joined.some((r) => r.start <= start && end <= r.end)) continue;
      }
      const kind = `t${t[1]}`;
      let values = [kind];
      if (kind === 't1') {
        const [s, e] = itemAround(doc.norm, start);
        const post = postCues.some((c) => c.start < e && s < c.end) || /после\s+(?:в\/в\s+)?(?:введения|контраст)|post[- ]?(?:contrast|gad|gd)|\+\s?C\b|C\+/iu.test(doc.norm.slice(s, e));
        if (post) values = BEFORE_AND_AFTER.test(doc.norm.slice(s, e)) ? ['t1', 't1_post_contrast'] : ['t1_post_contrast'];
      }
      out.push(ctx.finding({ field: 'mri.sequences', value: values, start, end, assertion: 'affirmed' }));
    }
    return out;
  },
});
