/**
 * What the study covers: the regions named in the title zone or the technique, and whether it
 * is a spinal study at all (a brain-only study leaves the cord, marrow and compression fields null).
 */
import type { ExtractContext, Mention } from '../define.js';
import type { ParsedReport } from '../../src/pipeline/document.js';

const TITLE_LINES = 8;
const SPINAL = ['cervical', 'thoracic', 'lumbar', 'sacral'] as const;
// A region word counts outside the title and technique only beside a spine word.
const SPINE_AFTER = /^[\s,]*(?:(?:and|и|,)\s+\p{L}+\s+)?(?:spine|spinal|cord|vertebra\p{L}*|отдел\p{L}*|позвоночник\p{L}*|спинн\p{L}*)/iu;
// The imaged area is named in a label line ("Область исследования:", "Exam:").
const LABEL_LINE = /^\s*(?:область\s+исследования|исследование|exam(?:ination)?|study|procedure|protocol)\s*:/iu;

function isBodyLike(doc: ParsedReport, pos: number): boolean {
  const section = doc.sections.find((x) => pos >= x.start && pos < x.end);
  return section !== undefined && /\n[ \t]*\n/.test(doc.norm.slice(section.start, pos));
}

export interface RegionMention {
  mention: Mention;
  regions: string[];
}

function titleZoneEnd(doc: ParsedReport): number {
  const firstSection = doc.sections.find((s) => s.name !== 'header')?.start ?? doc.norm.length;
  let pos = 0;
  for (let i = 0; i < TITLE_LINES; i++) {
    const nl = doc.norm.indexOf('\n', pos);
    if (nl < 0) return Math.min(firstSection, doc.norm.length);
    pos = nl + 1;
  }
  return Math.min(firstSection, pos);
}

function lineOf(doc: ParsedReport, pos: number): string {
  const s = doc.norm.lastIndexOf('\n', pos - 1) + 1;
  const e = doc.norm.indexOf('\n', pos);
  return doc.norm.slice(s, e < 0 ? doc.norm.length : e);
}

/** Region mentions that say what was imaged; memoized per report. */
export function regionMentions(doc: ParsedReport, ctx: ExtractContext): RegionMention[] {
  return ctx.memo('mri/regions', () => {
    const all = ctx.mentions('mri/regions');
    const titleEnd = titleZoneEnd(doc);
    const named = (m: Mention): RegionMention => ({ mention: m, regions: String(m.value).split(',') });
    // The title names the study; the technique or a label line only when the title does not.
    const title = all.filter((m) => m.start < titleEnd || LABEL_LINE.test(lineOf(doc, m.start)));
    if (title.length) return title.map(named);
    const technique = all.filter((m) => m.sentence.section === 'technique' && !isBodyLike(doc, m.start));
    if (technique.length) return technique.map(named);
    // No title naming the region: a region word beside a spine word anywhere but the clinical notes.
    return all
      .filter((m) => m.sentence.section !== 'clinical' && m.value !== 'brain' && SPINE_AFTER.test(doc.norm.slice(m.end, m.end + 40)))
      .map(named);
  });
}

export function studyRegions(doc: ParsedReport, ctx: ExtractContext): Set<string> {
  return new Set(regionMentions(doc, ctx).flatMap((r) => r.regions));
}

/** A study of the brain alone: cord-level fields stay null. Unknown regions count as spinal. */
export function isBrainOnly(doc: ParsedReport, ctx: ExtractContext): boolean {
  const regions = studyRegions(doc, ctx);
  return regions.has('brain') && !SPINAL.some((r) => regions.has(r));
}
