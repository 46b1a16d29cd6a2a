import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR, loadLexicons, readLexiconFile } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { naiveWindow } from './helpers/naive-match.js';
import { normalizeText } from '../src/text/normalize.js';
import { listFiles } from './helpers/corpus.js';

const files = listFiles(LEXICON_DIR, '.yaml');

describe('lexicon files', () => {
  it.each(files.map((f) => [f.slice(LEXICON_DIR.length + 1), f]))('%s is valid and named <group>/<concept>.<lang>.yaml', (_rel, path) => {
    const file = readLexiconFile(path);
    expect(path).toMatch(new RegExp(`\\.${file.lang}\\.yaml$`));
    expect(() => compileLexicon('x', file)).not.toThrow();
  });
  it('every concept exists in both languages', () => {
    const ids = new Set(files.map((f) => f.slice(LEXICON_DIR.length + 1).replace(/\.(en|ru)\.yaml$/, '')));
    const missing = [...ids].filter((id) => !files.includes(join(LEXICON_DIR, `${id}.en.yaml`)) || !files.includes(join(LEXICON_DIR, `${id}.ru.yaml`)));
    expect(missing).toEqual([]);
  });
});

/** The matcher's contract, checked against a plain alternation of every term (slow, obviously right). */
const naiveFind = (sources: string[], text: string) => naiveWindow(sources, text, 0, text.length);

const SAMPLE_TEXTS = ['mri-thoracic-en.txt', 'mri-cervical-ru.txt', 'enmg-ru.txt', 'csf-lab-en.txt', 'lab-en.txt', 'note-ru.txt']
  .map((f) => normalizeText(readFileSync(join(LEXICON_DIR, '..', 'samples', f), 'utf8')).norm);

describe('indexed matcher', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`finds the leftmost-longest matches of a plain alternation (${lang}, every lexicon, the samples)`, () => {
      const lex = loadLexicons(lang);
      for (const id of lex.ids()) {
        const matcher = lex.get(id);
        const sources = matcher.terms.map((t) => t.source);
        for (const text of SAMPLE_TEXTS) {
          const got = matcher.find(text).map((m) => [m.start, m.end]);
          // A sticky literal and an alternation can pick different lengths only where terms overlap; compare starts and ends.
          expect(got, `${lang} ${id}`).toEqual(naiveFind(sources, text));
        }
      }
    });
  }
  it('drops a match that overlaps the one before, whether literals or patterns overlap', () => {
    const literals = compileLexicon('t/overlap', { lang: 'en', terms: ['spinal cord', 'cord compression', 'edema'] } as never);
    expect(literals.find('spinal cord compression, edema').map((x) => x.text)).toEqual(['spinal cord', 'edema']);
    const mixed = compileLexicon('t/overlap-mixed', { lang: 'en', terms: ['spinal cord', { pattern: 'cord\\s+compress\\w*' }] } as never);
    expect(mixed.find('spinal cord compression').map((x) => x.text)).toEqual(['spinal cord']);
    expect(mixed.find('cord compressed').map((x) => x.text)).toEqual(['cord compressed']);
  });
  it('honours the from/to window', () => {
    const m = loadLexicons('en').get('context/negation');
    const text = 'No mass. No edema.';
    expect(m.find(text, 8).map((x) => x.start)).toEqual([9]);
    expect(m.find(text, 0, 8).map((x) => x.start)).toEqual([0]);
  });
});
