/**
 * Cord-lesion mentions shared by the lesion, extent, axial and tract extractors: a "direct" term
 * (myelopathy, intramedullary lesion) or a signal change bound to the cord, and the cord said to
 * be of normal signal. Memoized per report.
 */
import { statusOfAssertion, type ExtractContext, type Mention } from '../define.js';
import type { ParsedReport } from '../../src/pipeline/document.js';
import { bindStructure, reported } from './anatomy.js';
import { isBrainOnly } from './study.js';

export type LesionStatus = 'present' | 'absent' | 'uncertain';

export interface LesionMention {
  mention: Mention;
  status: LesionStatus;
}

// "sensitivity for subtle intramedullary change is limited", "to exclude myelopathy": no statement.
const NOT_A_STATEMENT = /(?:sensitiv\p{L}*\s+(?:for|to)|to\s+(?:exclude|rule\s+out|detect)|evaluat\p{L}*\s+for|для\s+исключения|исключить)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function lesionMentions(doc: ParsedReport, ctx: ExtractContext): LesionMention[] {
  return ctx.memo('mri/lesion-mentions', () => {
    if (isBrainOnly(doc, ctx)) return [];
    const normal = reported(ctx, 'mri/cord-normal', doc).filter(
      (n) => bindStructure(doc, ctx, n.sentence, n.start, n.end, ['lesion'])?.structure === 'cord',
    );
    const out: LesionMention[] = [];
    for (const m of reported(ctx, 'mri/cord-lesion', doc)) {
      if (NOT_A_STATEMENT.test(doc.norm.slice(m.sentence.start, m.start))) continue;
      if (m.value === 'signal') {
        if (normal.some((n) => overlaps(n, m))) continue;
        if (bindStructure(doc, ctx, m.sentence, m.start, m.end, ['lesion'])?.structure !== 'cord') continue;
      }
      const status = statusOfAssertion(m.assertion.assertion);
      if (status) out.push({ mention: m, status });
    }
    for (const n of normal) {
      // "normal signal" stated of the cord: no lesion there ("not normal" is no statement). A
      // negation closing a later clause ("МР-сигнал его не изменен, ... накопления контраста нет")
      // speaks of that clause, not of the statement of normal signal before the comma.
      const t = n.assertion.trigger;
      const laterClause = t !== undefined && t.start >= n.end && doc.norm.slice(n.end, t.start).includes(',');
      if (n.assertion.assertion === 'affirmed' || laterClause) out.push({ mention: n, status: 'absent' });
    }
    return out.sort((a, b) => a.mention.start - b.mention.start);
  });
}

/** Sentences (by index) that describe a cord lesion as present or possible. */
export function lesionSentences(doc: ParsedReport, ctx: ExtractContext): Set<number> {
  return new Set(lesionMentions(doc, ctx).filter((l) => l.status !== 'absent').map((l) => l.mention.sentence.index));
}
