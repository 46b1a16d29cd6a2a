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
    // "Findings:" / "ЗАКЛЮЧЕНИЕ." / "Conclusion -" / a heading alone on its line; a bracketed
    // qualifier may sit before the colon ("Спинной мозг (нижнегрудной отдел, конус):").
    if (!/^\s*(?:\([^()\n]{1,60}\)\s*(?=:))?(?:[:.\-]|$)/.test(rest)) continue;
    if (/^\s*\.\s*\S/.test(rest) && !/^[\p{Lu}\s]+$/u.test(m.text)) continue;
    const value = String(m.term.value ?? 'other');
    heads.push({ at: lineStart, name: (NAMES.has(value) ? value : 'other') as SectionName, heading: m.text });
  }
  if (heads.length === 0) return headless(norm);
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
  const first = sections[0];
  if (first && first.name === 'header') {
    const body = bodyStart(norm, first.start, first.end);
    if (body !== null) {
      sections.splice(0, 1, { ...first, end: body }, { name: 'other', heading: '', start: body, end: first.end });
    }
  }
  return sections.filter((s) => s.end > s.start || sections.length === 1);
}

// A prose statement: a capitalised sentence of six words or more, not "Label: value", not a question;
// a colon after five words or more is the sentence's own ("участок сигнала: гипоинтенсивного ...").
const PROSE_LINE = /^[\p{Lu}][^?]*\.$/u;
const LABEL_COLON = /^(?:\S+\s+){0,3}\S*:/u;
const isProse = (line: string, minWords = 6): boolean => {
  const t = line.trim();
  return t.length >= minWords * 6 && t.split(/\s+/).length >= minWords && PROSE_LINE.test(t) && !LABEL_COLON.test(t) && /\p{Ll}{3}/u.test(t);
};

/**
 * Where the body starts inside the text before the first heading: the first of two consecutive
 * prose lines (a paragraph of findings written before "Impression:" with no "Findings:" of its
 * own), or null when the header is only title, labels and metadata.
 */
function bodyStart(norm: string, start: number, end: number): number | null {
  const lines: Array<{ at: number; text: string }> = [];
  let at = start;
  for (const text of norm.slice(start, end).split('\n')) {
    lines.push({ at, text });
    at += text.length + 1;
  }
  for (let i = 1; i < lines.length; i++) {
    if (!isProse(lines[i]!.text)) continue;
    const rest = lines.slice(i + 1).filter((l) => l.text.trim());
    // Followed by more prose, or a long statement that is the last line before the heading.
    if (rest.length ? isProse(rest[0]!.text, 3) && !/^\s*$/.test(lines[i + 1]!.text) : isProse(lines[i]!.text, 12)) return lines[i]!.at;
  }
  return null;
}

/**
 * A report without any heading: the title line (or, in a one-paragraph report, its first
 * sentence) is the header and the rest is the body ('other'), not all header.
 */
function headless(norm: string): Section[] {
  const text = norm.replace(/\s+$/, '');
  let cut = text.indexOf('\n');
  if (cut < 0 || cut > 200) {
    const m = /[.](?=\s+[\p{Lu}\d])/u.exec(text.slice(0, cut < 0 ? undefined : cut));
    cut = m ? m.index + 1 : -1;
  }
  if (cut <= 0 || cut >= text.length) return [{ name: 'header', heading: '', start: 0, end: norm.length }];
  return [
    { name: 'header', heading: '', start: 0, end: cut },
    { name: 'other', heading: '', start: cut, end: norm.length },
  ];
}
