/**
 * Binding a finding to the structure it describes: a hyperintensity "in the vertebral body" is
 * marrow, "of the roots" is root involvement, "in the cord" is a cord lesion. The structure
 * words are data (lexicons/mri/anatomy.*); this file only says which one is nearest.
 */
import type { ExtractContext, Mention } from '../define.js';
import type { ParsedReport, Sentence } from '../../src/pipeline/document.js';
import { findLevelRanges, type LevelRange } from '../common/levels.js';
import { isAsciiDigit, SPACE, OPEN_PAREN, CLOSE_PAREN, COMMA, HYPHEN, COLON, SEMICOLON } from '../../src/text/chars.js';

export type Structure =
  | 'cord' | 'lesion' | 'cauda' | 'root' | 'meninges' | 'marrow' | 'vertebra' | 'disc' | 'mass' | 'thecal' | 'brain';

export interface Anchor {
  start: number;
  end: number;
  structure: Structure;
}

// "at the level of the L3 vertebral body", "на уровне тел позвонков": a level label, not the bone.
const LEVEL_LABEL_BEFORE = /(?:levels?\s+of\s+(?:the\s+)?|уровн\p{L}*\s+(?:тел\p{L}*\s+)?)(?:(?:Th|[CTLSD])\s?\d{1,2}(?:\s*-\s*(?:Th|[CTLSD])?\s?\d{1,2})?\s+)?$/iu;
const LEVEL_WORD_BEFORE = /(?:level\s+of\s+(?:the\s+)?|уровн\p{L}*\s+|from\s+(?:the\s+)?|to\s+(?:the\s+)?|от\s+|до\s+|\(\s*)$/iu;
const AFTER_LEVEL = /^\s*(?:vertebra\p{L}*(?:\s+bod\p{L}*)?|bod(?:y|ies)|позвон\p{L}*|тел\p{L}*\s+позвон\p{L}*)/iu;

/** Structure anchors of the report, level labels left out; memoized per report. */
export function anchors(doc: ParsedReport, ctx: ExtractContext): Anchor[] {
  return ctx.memo('mri/anchors', () => {
    const levels = findLevelRanges(doc.norm);
    // "intramedullary mass/tumour" names a cord lesion: its mass word is not a structure of its own.
    const cordLesions = ctx.mentions('mri/cord-lesion').filter((m) => m.value === 'direct');
    const out: Anchor[] = [];
    for (const m of ctx.mentions('mri/anatomy')) {
      const structure = String(m.value) as Structure;
      if (structure === 'mass' && cordLesions.some((l) => l.start < m.end && m.start < l.end)) continue;
      if (structure === 'vertebra') {
        // "тел 4-7 грудных позвонков": the word is part of the level itself.
        if (levels.some((r) => r.start < m.end && m.start < r.end)) continue;
        const before = doc.norm.slice(Math.max(0, m.start - 60), m.start);
        if (LEVEL_LABEL_BEFORE.test(before)) continue;
        // "L3 vertebra" right after a level: the level's own label, unless the level itself is bound to bone.
        const lv = levels.find((r) => r.end <= m.start && /^[\s)]*$/.test(doc.norm.slice(r.end, m.start)));
        if (lv && LEVEL_WORD_BEFORE.test(doc.norm.slice(Math.max(0, lv.start - 30), lv.start))) continue;
      }
      out.push({ start: m.start, end: m.end, structure });
    }
    return out;
  });
}

/** Clause around [start, end) inside the sentence: commas, semicolons, colons and spaced dashes end it; commas in brackets do not. */
export function clauseOf(doc: ParsedReport, sentence: Sentence, start: number, end: number): [number, number] {
  const text = doc.norm;
  // Char codes: on a two-byte text `text[i]` is a new one-character string per unit.
  const isBreak = (i: number): boolean => {
    const c = text.charCodeAt(i);
    if (c === SEMICOLON || c === COLON) return true;
    if (c === COMMA && !isAsciiDigit(text.charCodeAt(i + 1))) return depthAt(i) === 0;
    return c === HYPHEN && text.charCodeAt(i - 1) === SPACE && text.charCodeAt(i + 1) === SPACE;
  };
  const depthAt = (i: number): number => {
    let d = 0;
    for (let j = sentence.start; j < i; j++) {
      const c = text.charCodeAt(j);
      if (c === OPEN_PAREN) d++;
      else if (c === CLOSE_PAREN) d = Math.max(0, d - 1);
    }
    return d;
  };
  let s = start;
  while (s > sentence.start && !isBreak(s - 1)) s--;
  let e = end;
  while (e < sentence.end && !isBreak(e)) e++;
  return [s, e];
}

function nearest(list: Anchor[], start: number, end: number): Anchor | null {
  let best: Anchor | null = null;
  let bestDist = Infinity;
  for (const a of list) {
    const dist = a.end <= start ? start - a.end : a.start >= end ? a.start - end : 0;
    // Ties go to the anchor before: "enhancing marrow" vs a later word.
    if (dist < bestDist || (dist === bestDist && best !== null && a.start < best.start)) {
      best = a;
      bestDist = dist;
    }
  }
  return best;
}

/**
 * The structure a term at [start, end) speaks of: an anchor inside or touching the term, else
 * the nearest in its clause, else the nearest in its sentence; null when the sentence names none.
 */
export function bindStructure(
  doc: ParsedReport, ctx: ExtractContext, sentence: Sentence, start: number, end: number,
  ignore: readonly Structure[] = [],
): Anchor | null {
  const inSentence = anchors(doc, ctx).filter(
    (a) => a.start >= sentence.start && a.end <= sentence.end && !ignore.includes(a.structure),
  );
  const touching = inSentence.filter((a) => a.start < end + 1 && a.end > start - 1);
  if (touching.length) return touching.reduce((x, y) => (y.end - y.start > x.end - x.start ? y : x));
  const [cs, ce] = clauseOf(doc, sentence, start, end);
  const inClause = inSentence.filter((a) => a.start >= cs && a.end <= ce);
  return nearest(inClause, start, end) ?? nearest(inSentence, start, end) ?? lineLabel(doc, ctx, sentence, ignore);
}

/** A checklist line "Cord: ... No expansion.": a sentence naming no structure speaks of its line's label. */
function lineLabel(doc: ParsedReport, ctx: ExtractContext, sentence: Sentence, ignore: readonly Structure[]): Anchor | null {
  const lineStart = doc.norm.lastIndexOf('\n', sentence.start - 1) + 1;
  const label = /^[ \t]*[^\s:\d][^:\n.]{0,40}:/u.exec(doc.norm.slice(lineStart, sentence.start));
  if (!label) return null;
  const end = lineStart + label[0].length;
  return anchors(doc, ctx).find((a) => a.start >= lineStart && a.end <= end && !ignore.includes(a.structure)) ?? null;
}

/**
 * The structure a level range belongs to: the nearest anchor before it in the sentence, else
 * the nearest after it; a level directly labelled as a vertebral body ("D9 vertebral body") is bone.
 */
export function bindRange(doc: ParsedReport, ctx: ExtractContext, sentence: Sentence, r: LevelRange): Structure | null {
  const before = doc.norm.slice(Math.max(sentence.start, r.start - 30), r.start);
  if (!r.isRange && AFTER_LEVEL.test(doc.norm.slice(r.end, r.end + 30)) && !LEVEL_WORD_BEFORE.test(before)) {
    if (!/^\s*vertebra\b/iu.test(doc.norm.slice(r.end, r.end + 30))) return 'vertebra';
  }
  const list = anchors(doc, ctx).filter(
    (a) => a.start >= sentence.start && a.end <= sentence.end && a.structure !== 'lesion',
  );
  const prev = list.filter((a) => a.end <= r.start).pop();
  if (prev) return prev.structure;
  const next = list.find((a) => a.start >= r.end);
  return next ? next.structure : null;
}

/** Level ranges of a sentence. */
export function rangesIn(doc: ParsedReport, sentence: Sentence): LevelRange[] {
  return findLevelRanges(doc.norm, sentence.start, sentence.end);
}

const BODY_SECTIONS: readonly string[] = ['findings', 'impression', 'other'];
const LEVEL_LINE = /(?:^|\n)[ \t]*[CTLS]\d{1,2}[ \t]*[-/][ \t]*[CTLS]?\d{1,2}[ \t]*:/u;

/**
 * Is the sentence part of the report body (what was seen)? The findings, conclusion and other
 * sections are; so is text a blank line after a technique or header paragraph with no heading
 * of its own (reports that never write "Findings:"), and after a clinical paragraph when the
 * report has no findings section at all.
 */
export function isBodySentence(doc: ParsedReport, s: Sentence): boolean {
  if (BODY_SECTIONS.includes(s.section)) return true;
  const section = doc.sections.find((x) => s.start >= x.start && s.start < x.end);
  if (!section) return false;
  if (s.section === 'clinical' && doc.sections.some((x) => x.name === 'findings')) return false;
  // Findings listed by level with no heading ("C4-5: disc bulge.") start the body.
  if (s.section === 'header' && LEVEL_LINE.test(doc.norm.slice(section.start, s.end))) return true;
  return /\n[ \t]*\n/.test(doc.norm.slice(section.start, s.start));
}

/** Mentions of a lexicon in the report body. */
export function reported(ctx: ExtractContext, lexiconId: string, doc: ParsedReport): Mention[] {
  return ctx.memo(`mri/body:${lexiconId}`, () => ctx.mentions(lexiconId).filter((m) => isBodySentence(doc, m.sentence)));
}

export const CORD_LIKE: readonly Structure[] = ['cord', 'lesion'];
