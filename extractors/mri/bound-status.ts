/**
 * A status field whose lexicon term counts only when bound to one of some structures (the cord
 * for swelling, the roots or meninges for root involvement...). The factory keeps each such
 * extractor a few lines of data: lexicon, structures, sections.
 */
import type { Finding } from '../../src/schema/evidence.js';
import type { FieldName } from '../../src/schema/record.js';
import type { ExtractContext, Extractor, Mention } from '../define.js';
import { defineExtractor, statusOfAssertion } from '../define.js';
import type { ParsedReport } from '../../src/pipeline/document.js';
import { anchors, bindStructure, clauseOf, reported, type Structure } from './anatomy.js';
import { isBrainOnly } from './study.js';

export interface BoundStatusOptions {
  id: string;
  field: FieldName;
  lexicon: string;
  description: string;
  /** Lexicon values that count without binding (the term names its structure). */
  direct?: readonly string[];
  /** Structures a bound term must name ('none': no structure in its sentence); omitted: any term counts. */
  structures?: readonly (Structure | 'none')[];
  /** A lexicon whose terms (value `absent`) say the finding is not there ("normal calibre"). */
  absentLexicon?: string;
  /** A negated term naming no structure still counts ("no compression" in a spine study). */
  negatedUnbound?: boolean;
  /** Structures skipped when looking for the nearest one. */
  ignore?: readonly Structure[];
  /** Leave the field null for a brain-only study. */
  spinalOnly?: boolean;
  /** Drop a mention for a reason of its own (a contrast phrase, not an enhancement). */
  skip?: (m: Mention, doc: ParsedReport, ctx: ExtractContext) => boolean;
  /** Leave the field null for the whole report. */
  skipReport?: (doc: ParsedReport, ctx: ExtractContext) => boolean;
}

export function boundStatusField(opts: BoundStatusOptions): Extractor {
  return defineExtractor({
    meta: {
      id: opts.id,
      fields: [opts.field],
      reportTypes: ['mri'],
      lexicons: [opts.lexicon, ...(opts.absentLexicon ? [opts.absentLexicon] : []), 'mri/anatomy', 'mri/regions'],
      description: opts.description,
    },
    extract(doc, ctx) {
      if (opts.spinalOnly && isBrainOnly(doc, ctx)) return [];
      if (opts.skipReport?.(doc, ctx)) return [];
      const out: Finding[] = [];
      const mentions = opts.absentLexicon
        ? [...reported(ctx, opts.lexicon, doc), ...reported(ctx, opts.absentLexicon, doc)].sort((a, b) => a.start - b.start)
        : reported(ctx, opts.lexicon, doc);
      for (const m of mentions) {
        // ConText gives the assertion; a term may carry its own polarity ("non-enhancing").
        const status = m.value === 'absent' ? 'absent' : statusOfAssertion(m.assertion.assertion);
        if (!status || opts.skip?.(m, doc, ctx)) continue;
        const direct = m.value !== undefined && (opts.direct ?? []).includes(String(m.value));
        if (!direct && opts.structures) {
          const bound = bindStructure(doc, ctx, m.sentence, m.start, m.end, opts.ignore ?? []);
          const unboundNegation = opts.negatedUnbound && !bound && status === 'absent';
          if (!opts.structures.includes(bound ? bound.structure : 'none') && !unboundNegation
            && !coordinated(doc, ctx, m, opts.structures)) continue;
        }
        out.push(ctx.finding({ field: opts.field, value: status, start: m.start, end: m.end, assertion: m.assertion }));
      }
      return out;
    },
  });
}

/** "No intramedullary or nerve root enhancement": a structure coordinated before the bound one shares the term. */
function coordinated(doc: ParsedReport, ctx: ExtractContext, m: Mention, structures: readonly string[]): boolean {
  const [cs] = clauseOf(doc, m.sentence, m.start, m.end);
  return anchors(doc, ctx).some((a) => a.start >= cs && a.end <= m.start && structures.includes(a.structure)
    && /^\s*(?:or|and|nor|\/)\s+(?:the\s+)?[\p{L} -]{0,30}$/u.test(doc.norm.slice(a.end, m.start)));
}
