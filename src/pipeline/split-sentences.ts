import { isAsciiDigit, isLetterUnit, isLowerUnit, isSpaceUnit, isUpperUnit, LINE_FEED, PERIOD } from '../text/chars.js';
import type { Section, Sentence } from './document.js';

// Words after which a period does not end a sentence (both languages; lower-cased).
const ABBREVIATIONS = new Set([
  'n', 'nn', 'dr', 'vs', 'approx', 'e.g', 'i.e', 'etc', 'fig', 'no', 'st', 'mr', 'mrs', 'ms', 'prof', 'resp', 'incl',
  'т', 'г', 'гг', 'др', 'им', 'ул', 'стр', 'рис', 'см', 'т.е', 'т.к', 'т.д', 'т.п', 'т.н', 'напр', 'мм', 'в/в', 'п', 'пр',
  'тел', 'лев', 'пр', 'отд', 'зав', 'мед', 'д', 'гр', 'ок', 'прим', 'сут', 'мес', 'нед', 'mo', 'wk', 'yr', 'yrs', 'y',
]);

/** What ends a line that is not wrapped: . : ; ! ? */
const isClosing = (c: number) => c === 46 || c === 58 || c === 59 || c === 33 || c === 63;
const EXCLAMATION = 33;
const QUESTION = 63;
const SLASH = 47;

/** What may begin a sentence after . ! ?: `[\p{Lu}\d"(«\-•*]` (flag u) for one unit. */
function opensSentence(c: number): boolean {
  return isUpperUnit(c) || isAsciiDigit(c) || c === 34 || c === 40 || c === 0xab || c === 45 || c === 0x2022 || c === 42;
}

/**
 * `/([\p{L}./]+)$/u` over text[from, to), lower-cased: the word (with its dots and slashes)
 * before a period. By char code, without a slice per period; a surrogate next to the run (an
 * astral letter may extend it) leaves it to the regex.
 */
function wordBefore(text: string, from: number, to: number): string {
  let s = to;
  for (; s > from; s--) {
    const c = text.charCodeAt(s - 1);
    if (c >= 0xd800 && c <= 0xdfff) return /([\p{L}./]+)$/u.exec(text.slice(from, to))?.[1]?.toLowerCase() ?? '';
    if (!(isLetterUnit(c) || c === PERIOD || c === SLASH)) break;
  }
  return s < to ? text.slice(s, to).toLowerCase() : '';
}

/** Split each section into sentences: at line breaks that start a new statement and at . ! ? before a capital. */
export function splitSentences(norm: string, sections: Section[]): Sentence[] {
  const out: Sentence[] = [];
  for (const section of sections) {
    let start = section.start;
    const push = (end: number) => {
      let s = start;
      let e = end;
      while (s < e && isSpaceUnit(norm.charCodeAt(s))) s++;
      while (e > s && isSpaceUnit(norm.charCodeAt(e - 1))) e--;
      if (e > s) out.push({ start: s, end: e, section: section.name, index: out.length });
      start = end;
    };
    for (let i = section.start; i < section.end; i++) {
      // Char codes: a two-byte string's norm[i] is a new one-character string per unit.
      const code = norm.charCodeAt(i);
      if (code !== LINE_FEED && code !== PERIOD && code !== EXCLAMATION && code !== QUESTION) continue;
      if (code === LINE_FEED) {
        // A wrapped line (no closing punctuation, next line lower-case) continues the sentence.
        // Read by char code from i back (the text so far, trailing spaces aside, and whether
        // those spaces hold a line break) and forward (the first letter of the next line).
        let last = i - 1;
        let breakInTrail = false;
        for (; last >= start && isSpaceUnit(norm.charCodeAt(last)); last--) if (norm.charCodeAt(last) === 10) breakInTrail = true;
        let next = i + 1;
        const nextEnd = Math.min(section.end, i + 80);
        while (next < nextEnd && isSpaceUnit(norm.charCodeAt(next))) next++;
        const wrapped = last >= start && !isClosing(norm.charCodeAt(last)) && next < nextEnd
          && isLowerUnit(norm.charCodeAt(next)) && !breakInTrail;
        if (!wrapped || norm.charCodeAt(i + 1) === LINE_FEED) push(i + 1);
      } else {
        // A space (or the text's end) after it, unless the section ends there.
        if (i + 1 < norm.length && !isSpaceUnit(norm.charCodeAt(i + 1)) && i + 1 < section.end) continue;
        // The first non-space unit within 40 must be able to open a sentence.
        const nextEnd = Math.min(section.end, i + 40);
        let next = i + 1;
        while (next < nextEnd && isSpaceUnit(norm.charCodeAt(next))) next++;
        if (next < nextEnd && !opensSentence(norm.charCodeAt(next))) continue;
        if (code === PERIOD) {
          const word = wordBefore(norm, Math.max(start, i - 12), i);
          if (ABBREVIATIONS.has(word) || (word.length === 1 && isUpperUnit(norm.charCodeAt(i - 1)))) continue;
          if (isAsciiDigit(norm.charCodeAt(i - 1)) && isAsciiDigit(norm.charCodeAt(i + 1))) continue;
        }
        push(i + 1);
      }
    }
    push(section.end);
  }
  return out;
}
