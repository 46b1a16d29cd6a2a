import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternAnchors } from '../src/lexicon/anchors.js';
import { compileLexicon, type Matcher } from '../src/lexicon/compile.js';
import { LEXICON_DIR, readLexiconFile } from '../src/lexicon/load.js';
import { normalizeText } from '../src/text/normalize.js';
// @ts-expect-error: a plain .mjs script without types
import { generateReports } from '../scripts/bench-corpus.mjs';
import { listFiles } from './helpers/corpus.js';

describe('patternAnchors: a word prefix every match holds at a word start', () => {
  it.each([
    ['no', ['no']],
    ['-ve\\s+for', ['ve']],
    ['no(?=\\s*(?:[.;]|$))', ['no']],
    ['(?:(?:is|are|was|were|has\\s+been)\\s+)?(?:not\\s+(?:seen|identified))', ['not']],
    ['(?:(?:is|are)\\s+)?(?:(?:relatively|completely)\\s+)?(?:spared|unaffected|not\\s+involved)', ['not', 'spa', 'una']],
    ['(?:no|without)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:suggesting|typical\\s+of)', ['no', 'wit']],
    ['\\d+\\s+days?\\s+ago', ['day']],
    ['remains?', ['rem']],
    ['no?t', ['n']],
    ['Не\\s+выявлен[аоы]?', ['не']],
    ['отсутству(?:ет|ют)', ['отс']],
    ['ф[её]врал', ['ф']],
    ['(?<![a-z])abc', ['abc']],
    ['(?:\\(|\\[)abc', ['abc']],
  ])('%s -> %j', (source, want) => {
    expect(patternAnchors(source)).toEqual(want);
  });
  it.each([
    // A match may begin with a digit, a symbol, or a letter right after a digit.
    '(?:a|\\d)x',
    '\\d+(?:[.,]\\d+)?\\s*Gy',
    'µV',
    '[αa]-?tocopherol',
    '\\+{1,3}',
    // Optional words before a class: nothing sure sits at a word start.
    '(?:very\\s+)?[\\p{L}]+',
    '(?:x)?',
    '(',
  ])('%s has none', (source) => {
    expect(patternAnchors(source)).toBeNull();
  });
});

// Every lexicon compiled twice, with the anchor prefilter and without: the same matches over
// whole texts and over windows (sentences, lines, random ranges), whatever the text holds.
const files = listFiles(LEXICON_DIR, '.yaml');
const pairs: Array<[string, Matcher, Matcher]> = files.map((path, i) => {
  const file = readLexiconFile(path);
  return [path.slice(LEXICON_DIR.length + 1), compileLexicon(`anchors-${i}`, file), compileLexicon(`plain-${i}`, file, { anchors: false })];
});

const SAMPLES = ['mri-thoracic-en.txt', 'mri-cervical-ru.txt', 'enmg-ru.txt', 'csf-lab-en.txt', 'lab-en.txt', 'note-ru.txt'].map(
  (f) => readFileSync(join(LEXICON_DIR, '..', 'samples', f), 'utf8'),
);
const EDGES = [
  'Lesion has reſolved. The cord is not seen; no.',
  'Edema: no. Mass - none. NOT SEEN. -ve for blasts. \u212Aernig sign absent',
  'Очаг не выявлен. Отек отсутствует. Патологии не ᲀыявлено',
  'is\u00a0not\u00a0seen, was not  identified\nnegative.\nno',
];
const TEXTS = [
  ...SAMPLES,
  ...EDGES,
  ...(Array.from(generateReports(200, 5)) as Array<{ text: string }>).map((r) => r.text),
].map((t) => normalizeText(t).norm);

function windows(text: string, seed: number): Array<[number, number]> {
  const out: Array<[number, number]> = [[0, text.length]];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n' || (text[i] === '.' && text[i + 1] === ' ')) {
      if (i > start) out.push([start, i + (i < text.length ? 1 : 0)]);
      start = i + 1;
    }
  }
  let r = seed;
  for (let k = 0; k < 20; k++) {
    r = (r * 1103515245 + 12345) % 2147483648;
    const a = r % (text.length + 1);
    r = (r * 1103515245 + 12345) % 2147483648;
    const b = a + (r % 200);
    out.push([a, Math.min(b, text.length)]);
  }
  return out;
}

describe('the anchor prefilter changes no match', () => {
  it('every lexicon, both languages, whole texts and windows', () => {
    let compared = 0;
    for (let t = 0; t < TEXTS.length; t++) {
      const text = TEXTS[t]!;
      const ranges = windows(text, t + 1);
      for (const [name, withAnchors, plain] of pairs) {
        for (const [from, to] of ranges) {
          const got = withAnchors.find(text, from, to).map((m) => [m.start, m.end, m.term.source]);
          const want = plain.find(text, from, to).map((m) => [m.start, m.end, m.term.source]);
          if (JSON.stringify(got) !== JSON.stringify(want)) expect.fail(`${name}, text ${t}, [${from}, ${to}): ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
          compared += want.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
  it('each pattern term alone (its own anchors, not masked by the other terms\' ones)', () => {
    const texts = TEXTS.slice(0, SAMPLES.length + EDGES.length + 40);
    let terms = 0;
    for (const [name, matcher] of pairs) {
      const lang = name.endsWith('.ru.yaml') ? 'ru' : 'en';
      for (const t of matcher.terms) {
        if (t.plan || !patternAnchors(t.source)) continue;
        terms++;
        const file = { lang, terms: [{ pattern: t.source }] } as never;
        const one = compileLexicon(`one-${terms}`, file);
        const plain = compileLexicon(`one-plain-${terms}`, file, { anchors: false });
        for (let i = 0; i < texts.length; i++) {
          for (const [from, to] of windows(texts[i]!, i + 7)) {
            const got = one.find(texts[i]!, from, to).map((m) => [m.start, m.end]);
            const want = plain.find(texts[i]!, from, to).map((m) => [m.start, m.end]);
            if (JSON.stringify(got) !== JSON.stringify(want)) expect.fail(`${name}: ${t.source}, text ${i}, [${from}, ${to})`);
          }
        }
      }
    }
    expect(terms).toBeGreaterThan(100);
  });
  it('finds what a folding character hides from the index ("reſolved", "\u212A")', () => {
    const negation = pairs.find(([name]) => name === 'context/negation.en.yaml')![1];
    // No other anchor of the lexicon in the text: only the unsure unit sends it to the regex.
    const text = 'Lesion reſolved.';
    expect(negation.find(text, 0, text.length).map((m) => m.text)).toEqual(['reſolved']);
  });
  it('is on for every ConText lexicon (their pattern terms all have anchors)', () => {
    for (const [name, matcher] of pairs) {
      if (!name.startsWith('context/')) continue;
      for (const t of matcher.terms) if (!t.plan) expect(patternAnchors(t.source), `${name}: ${t.source}`).not.toBeNull();
    }
  });
});
