import type { Section, SectionName } from './document.js';
import type { LexiconSet } from '../lexicon/load.js';

const NAMES: ReadonlySet<string> = new Set(['clinical', 'technique', 'findings', 'impression']);

/**
 * Split the text at headings: a heading term at the start of a line (after numbering or
 * bullets), followed by a colon, or alone on its line. Text before the first heading is
 * 'header'; a section runs to the next heading.
 */
export function sectionize(norm: string, lex: LexiconSet): Section[] {
  const matcher = lex.get('sections/headers');
  const heads: Array<{ at: number; name: SectionName; heading: string }> = [];
  for (const m of matcher.find(norm)) {
    const lineStart = norm.lastIndexOf('\n', m.start - 1) + 1;
    if (!/^[\s\d.)•*#-]*$/.test(norm.slice(lineStart, m.start))) continue;
    const lineEnd = norm.indexOf('\n', m.end);
    const rest = norm.slice(m.end, lineEnd < 0 ? norm.length : lineEnd);
    // "Findings:" / "ЗАКЛЮЧЕНИЕ." / "Conclusion -" / a heading alone on its line.
    if (!/^\s*(?:[:.\-]|$)/.test(rest)) continue;
    if (/^\s*\.\s*\S/.test(rest) && !/^[\p{Lu}\s]+$/u.test(m.text)) continue;
    const value = String(m.term.value ?? 'other');
    heads.push({ at: lineStart, name: (NAMES.has(value) ? value : 'other') as SectionName, heading: m.text });
  }
  const sections: Section[] = [];
  let prev = 0;
  let prevName: SectionName = 'header';
  let prevHeading = '';
  for (const h of heads) {
    if (h.at > prev || (h.at === prev && prev === 0 && sections.length === 0 && h.at > 0)) {
      sections.push({ name: prevName, heading: prevHeading, start: prev, end: h.at });
    }
    prev = h.at;
    prevName = h.name;
    prevHeading = h.heading;
  }
  sections.push({ name: prevName, heading: prevHeading, start: prev, end: norm.length });
  return sections.filter((s) => s.end > s.start || sections.length === 1);
}
