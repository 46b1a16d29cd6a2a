import { isLowerUnit, isSpaceUnit } from '../text/chars.js';
import type { Section, Sentence } from './document.js';

// Words after which a period does not end a sentence (both languages; lower-cased).
const ABBREVIATIONS = new Set([
  'n', 'nn', 'dr', 'vs', 'approx', 'e.g', 'i.e', 'etc', 'fig', 'no', 'st', 'mr', 'mrs', 'ms', 'prof', 'resp', 'incl',
  'т', 'г', 'гг', 'др', 'им', 'ул', 'стр', 'рис', 'см', 'т.е', 'т.к', 'т.д', 'т.п', 'т.н', 'напр', 'мм', 'в/в', 'п', 'пр',
  'тел', 'лев', 'пр', 'отд', 'зав', 'мед', 'д', 'гр', 'ок', 'прим', 'сут', 'мес', 'нед', 'mo', 'wk', 'yr', 'yrs', 'y',
]);

/** What ends a line that is not wrapped. */
const CLOSING = '.:;!?';

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
      if (code !== 10 && code !== 46 && code !== 33 && code !== 63) continue;
      const ch = norm[i]!;
      if (ch === '\n') {
        // A wrapped line (no closing punctuation, next line lower-case) continues the sentence.
        // Read by char code from i back (the text so far, trailing spaces aside, and whether
        // those spaces hold a line break) and forward (the first letter of the next line).
        let last = i - 1;
        let breakInTrail = false;
        for (; last >= start && isSpaceUnit(norm.charCodeAt(last)); last--) if (norm.charCodeAt(last) === 10) breakInTrail = true;
        let next = i + 1;
        const nextEnd = Math.min(section.end, i + 80);
        while (next < nextEnd && isSpaceUnit(norm.charCodeAt(next))) next++;
        const wrapped = last >= start && !CLOSING.includes(norm[last]!) && next < nextEnd
          && isLowerUnit(norm.charCodeAt(next)) && !breakInTrail;
        if (!wrapped || norm[i + 1] === '\n') push(i + 1);
      } else if (ch === '.' || ch === '!' || ch === '?') {
        const after = norm.slice(i + 1, i + 3);
        if (!/^\s+\S|^\s*$/.test(after) && i + 1 < section.end) continue;
        const nextChar = /\S/.exec(norm.slice(i + 1, Math.min(section.end, i + 40)))?.[0] ?? '';
        if (nextChar && !/[\p{Lu}\d"(«\-•*]/u.test(nextChar)) continue;
        const word = /([\p{L}./]+)$/u.exec(norm.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
        if (ch === '.' && (ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(norm[i - 1]!)))) continue;
        if (ch === '.' && /\d$/.test(norm.slice(i - 1, i)) && /^\d/.test(norm.slice(i + 1, i + 2))) continue;
        push(i + 1);
      }
    }
    push(section.end);
  }
  return out;
}
