import { describe, expect, it } from 'vitest';
import { normalizeText, replaceSpecialUnits, toOriginalSpan } from '../../src/text/normalize.js';

// The token folding and the joining of words hyphenated across a line break run one unit at a
// time on texts without surrogate pairs, and by regex on texts with them. An emoji appended to a
// text sends it down the regex path without changing anything before it: both paths must agree.
const EMOJI = ' \u{1F600}';

function viaRegexPath(text: string): { norm: string; offsets: readonly number[] } {
  const t = normalizeText(text + EMOJI);
  const n = t.norm.length - EMOJI.length;
  return { norm: t.norm.slice(0, n), offsets: t.offsets.slice(0, n) };
}

const PIECES = [
  'Тh10', 'T2', 'Т2', 'С5', 'STIR', 'cпинной', 'мозг', 'infil-\ntration', 'инфиль-  \n  трация', 'word-\nWord', 'a -\nb',
  'x-\n', '-\nb', 'Ё', 'ёж', 'е\u0308', 'n. peroneus', 'МРТ', 'MPT', 'ABC', 'аВс', '12', 'αβγ', 'Tω3', '\u00AD', '\u200B',
  'Page 2 of 3', '\f', '\r\n', '—', '«x»', 'µV', ' ', '\n', '\t', 'ß', 'İ', 'Ǆ', 'ǅ',
  '\u2010', '\u2015', '\u2212', '\uFF0D', '\u00A0', '\u2007', '\u3000', '\u2018x\u2019', '\u201A', '\u2032', '\u201C', '\u201F',
  '\u2033', '\u03BC', 'Е\u0308', 'Page 1', '- 2 -',
];

// The same-length replacements as they were written before they became one pass: the spec.
function replaceOneByOne(text: string): string {
  return text
    .replace(/е\u0308/g, 'е\u0000')
    .replace(/Е\u0308/g, 'Е\u0000')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[ёЁ]/g, (c) => (c === 'ё' ? 'е' : 'Е'))
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g, '"')
    .replace(/\u00B5/g, 'u')
    .replace(/\u03BC/g, 'u')
    .replace(/\f/g, '\n')
    .replace(/\r/g, ' ');
}

function randomText(seed: number): string {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff);
  const parts: string[] = [];
  const n = 5 + (next() % 30);
  for (let i = 0; i < n; i++) parts.push(PIECES[next() % PIECES.length]!, next() % 3 === 0 ? ' ' : '');
  return parts.join('');
}

describe('normalizeText', () => {
  it('folds look-alike letters to the script of the word, Latin in letter+digit tokens', () => {
    expect(normalizeText('cпинной мозг, Тh10, MPT').norm).toBe('спинной мозг, Th10, MPT');
    // "MPT" written with a Cyrillic М and Т among Latin letters reads as Latin.
    expect(normalizeText('M\u0420T').norm).toBe('MPT');
    expect(normalizeText('\u041cPT-исследование').norm).toBe('MPT-исследование');
  });

  it('joins a word hyphenated across a line break and maps offsets back', () => {
    const t = normalizeText('infil-\n  tration of the cord');
    expect(t.norm).toBe('infiltration of the cord');
    expect(t.offsets[4]).toBe(4);
    expect(t.offsets[5]).toBe(9);
    expect(normalizeText('T2-\nWeighted').norm).toBe('T2-\nWeighted');
  });

  it('gives the same text and offsets on the unit-by-unit path as on the regex path', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed);
      const fast = normalizeText(text);
      const slow = viaRegexPath(text);
      expect(fast.norm, JSON.stringify(text)).toBe(slow.norm);
      expect(fast.offsets.slice(0, slow.offsets.length), JSON.stringify(text)).toEqual(slow.offsets);
      expect(fast.offsets.length).toBe(fast.norm.length + 1);
    }
  });

  it('replaces dashes, spaces, ё, quotes, micro signs and breaks in one pass as one replacement after another would', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed);
      expect(replaceSpecialUnits(text), JSON.stringify(text)).toBe(replaceOneByOne(text));
    }
    for (const piece of [...PIECES, PIECES.join(' ')]) expect(replaceSpecialUnits(`x${piece}y`), JSON.stringify(piece)).toBe(replaceOneByOne(`x${piece}y`));
    expect(replaceSpecialUnits('plain text')).toBe('plain text');
  });

  it('maps spans of a text that dropped nothing as its offset table does, also past the end', () => {
    for (const text of ['', 'a', 'cord signal at T9', 'Т2 гиперинтенсивный']) {
      const t = normalizeText(text);
      const table = [...t.offsets];
      expect(table).toEqual(Array.from({ length: text.length + 1 }, (_, i) => i));
      const n = text.length;
      for (let start = -1; start <= n + 2; start++) {
        for (let end = -1; end <= n + 2; end++) {
          const s = table[start] ?? t.original.length;
          const e = end > start ? (table[end - 1] ?? t.original.length - 1) + 1 : s;
          expect(toOriginalSpan(t, start, end), `${text} ${start} ${end}`).toEqual([s, e]);
        }
      }
    }
  });
});
