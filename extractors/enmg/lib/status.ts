/**
 * Shared by the ENMG conclusion fields: mentions outside the referrer's question, a status
 * per ConText assertion, and a reducer that lets the conclusion speak first (a description
 * can mention what the conclusion then rules out, or the reverse).
 */
import type { ParsedReport } from '../../../src/pipeline/document.js';
import type { Finding } from '../../../src/schema/evidence.js';
import type { FieldName } from '../../../src/schema/record.js';
import { defineExtractor, statusOfAssertion, type ExtractContext, type Extractor, type Mention, type Reducer } from '../../define.js';

const STATUS_RANK: Record<string, number> = { present: 3, uncertain: 2, absent: 1 };

/** True when the mention sits on a line that states the clinical question ("Question:", "Жалобы:"). */
export function inClinicalQuestion(doc: ParsedReport, pos: number): boolean {
  const lineStart = doc.norm.lastIndexOf('\n', pos - 1) + 1;
  const label = doc.lex.get('enmg/clinical-labels').find(doc.norm, lineStart, Math.min(pos, lineStart + 40))[0];
  if (!label || label.start - lineStart > 3) return false;
  return /^\s*[:\-]/.test(doc.norm.slice(label.end, label.end + 3));
}

/** Mentions of a concept that belong to the study's own findings or conclusion. */
export function studyMentions(doc: ParsedReport, ctx: ExtractContext, lexicon: string): Mention[] {
  return ctx.mentions(lexicon).filter((m) => !inClinicalQuestion(doc, m.start));
}

/**
 * The status a mention's ConText assertion gives. The engine keeps a trigger to its own
 * clause: a colon, semicolon or spaced dash ends its scope ("polyneuropathy: absent sural
 * response", "absent F-waves - with axonal loss").
 */
export function statusOf(m: Mention): 'present' | 'absent' | 'uncertain' | null {
  return statusOfAssertion(m.assertion.assertion) ?? null;
}

/** The conclusion's findings when it has any, else all; then the strongest status. */
export const reduceConclusionFirst: Reducer = (findings) => {
  const impression = findings.filter((f) => f.section === 'impression');
  const pool = impression.length ? impression : findings;
  let best: Finding | undefined;
  for (const f of pool) if (!best || (STATUS_RANK[String(f.value)] ?? 0) > (STATUS_RANK[String(best.value)] ?? 0)) best = f;
  return best ? best.value : null;
};

export interface EnmgStatusOptions {
  id: string;
  field: FieldName;
  lexicon: string;
  description: string;
  /** Drop a mention that is really another concept (a "polyradiculoneuropathy" for radiculopathy). */
  skip?: (m: Mention, doc: ParsedReport) => boolean;
}

/** A present/absent/uncertain ENMG conclusion field driven by one lexicon. */
export function enmgStatus(opts: EnmgStatusOptions): Extractor {
  return defineExtractor({
    meta: { id: opts.id, fields: [opts.field], reportTypes: ['enmg'], lexicons: [opts.lexicon, 'enmg/clinical-labels'], description: opts.description },
    extract(doc, ctx) {
      const out: Finding[] = [];
      for (const m of studyMentions(doc, ctx, opts.lexicon)) {
        if (opts.skip?.(m, doc)) continue;
        const value = statusOf(m);
        if (value) out.push(ctx.finding({ field: opts.field, value, start: m.start, end: m.end, assertion: m.assertion }));
      }
      return out;
    },
    reduce: { [opts.field]: reduceConclusionFirst },
  });
}
