import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { segmentAround } from '../common/segments.js';

const STATUS_OF_RESULT: Record<string, 'present' | 'absent' | 'uncertain'> = {
  positive: 'present',
  negative: 'absent',
  uncertain: 'uncertain',
};
const RANK = { present: 3, uncertain: 2, absent: 1 } as const;

/**
 * lab.paraneoplastic_antibodies: the onconeural panel (named as a panel or by its antigens)
 * read with the result word of its own line segment (up to ';', a line or sentence end,
 * or the label of another analyte), so "Intrinsic factor antibodies POSITIVE" or an AQP4
 * result never speaks for the panel. Any positive antigen makes the panel positive; "not
 * performed" gives no value. Without a result word only a negation counts.
 */
export const paraneoplasticAntibodies = defineExtractor({
  meta: {
    id: 'lab/paraneoplastic-antibodies',
    fields: ['lab.paraneoplastic_antibodies'],
    reportTypes: ['lab'],
    lexicons: ['lab/paraneoplastic', 'lab/results', 'lab/analytes'],
    description: 'Onconeural / paraneoplastic antibody panel: positive, negative or equivocal.',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    const results = ctx.mentions('lab/results');
    const others = ctx.mentions('lab/analytes');
    const seen = new Set<number>();
    for (const m of ctx.mentions('lab/paraneoplastic')) {
      const { start, end } = segmentOf(doc.norm, m.start, m.sentence.start, m.sentence.end);
      if (seen.has(start)) continue;
      seen.add(start);
      const cut = others.find((o) => o.start > m.end && o.start < end)?.start ?? end;
      const inSegment = results.filter((r) => r.start >= start && r.end <= cut);
      // "NEGATIVE (no antibodies detected)": the result outside brackets speaks; a bracket comments.
      const outside = inSegment.filter((r) => !inBrackets(doc.norm, start, r.start));
      const words = outside.length ? outside : inSegment;
      if (words.some((w) => w.value === 'not_done') && !words.some((w) => w.value === 'positive' || w.value === 'negative')) continue;
      let best: 'present' | 'absent' | 'uncertain' | undefined;
      let bestWord: (typeof words)[number] | undefined;
      for (const w of words) {
        const status = STATUS_OF_RESULT[String(w.value)];
        if (status && (!best || RANK[status] > RANK[best])) [best, bestWord] = [status, w];
      }
      if (!best) {
        if (m.assertion.assertion !== 'negated') continue;
        best = 'absent';
      }
      const spanEnd = bestWord ? Math.max(bestWord.end, m.end) : m.end;
      const spanStart = bestWord ? Math.min(bestWord.start, m.start) : m.start;
      out.push(ctx.finding({ field: 'lab.paraneoplastic_antibodies', value: best, start: spanStart, end: spanEnd, assertion: best === 'absent' ? 'negated' : best === 'uncertain' ? 'uncertain' : 'affirmed' }));
    }
    return out;
  },
});

/** Is `pos` inside a bracket opened after `from`? */
function inBrackets(text: string, from: number, pos: number): boolean {
  let depth = 0;
  for (let i = from; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++; // (
    else if (c === 41) depth = Math.max(0, depth - 1); // )
  }
  return depth > 0;
}

/** The part of a sentence around `pos` between ';' or line breaks. */
function segmentOf(text: string, pos: number, sentStart: number, sentEnd: number): { start: number; end: number } {
  return segmentAround(text, pos, pos, sentStart, sentEnd);
}
