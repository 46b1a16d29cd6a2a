/**
 * mri.contrast_given: a "given" cue (an agent, a post-contrast series, "with contrast") makes it
 * true, else a "not_given" cue makes it false. The cues are explicit phrases, so ConText is not
 * used: "no enhancement after contrast" still says contrast was given. Advice ("contrast-enhanced
 * MRI is recommended") and the clinical question speak of another study.
 */
import type { ParsedReport } from '../../src/pipeline/document.js';
import type { ExtractContext, Mention } from '../define.js';
import { defineExtractor } from '../define.js';

const ADVICE = /recommend|suggest|advis|consider|should|рекоменд|целесообраз|показан|следует/iu;

export function contrastCues(doc: ParsedReport, ctx: ExtractContext): Mention[] {
  return ctx.memo('mri/contrast-cues', () =>
    ctx.mentions('mri/contrast').filter(
      (m) => m.sentence.section !== 'clinical' && !ADVICE.test(doc.norm.slice(m.sentence.start, m.sentence.end)),
    ),
  );
}

/** True, false, or null when the report does not say. */
export function contrastGiven(doc: ParsedReport, ctx: ExtractContext): boolean | null {
  const cues = contrastCues(doc, ctx);
  if (cues.some((m) => m.value === 'given')) return true;
  if (cues.some((m) => m.value === 'not_given')) return false;
  return null;
}

export const contrast = defineExtractor({
  meta: {
    id: 'mri/contrast',
    fields: ['mri.contrast_given'],
    reportTypes: ['mri'],
    lexicons: ['mri/contrast'],
    description: 'Whether a gadolinium contrast agent was given in this study.',
  },
  extract(doc, ctx) {
    return contrastCues(doc, ctx).map((m) =>
      ctx.finding({ field: 'mri.contrast_given', value: m.value === 'given', start: m.start, end: m.end, assertion: 'affirmed' }),
    );
  },
  reduce: {
    'mri.contrast_given': (fs) => (fs.length === 0 ? null : fs.some((f) => f.value === true)),
  },
});
