import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORD_END, WORD_START } from '../src/lexicon/term.js';
import { naiveWindow } from './helpers/naive-match.js';
import { literalPlan, matchLiteral, NO, UNSURE } from '../src/lexicon/literal-plan.js';
import { LEXICON_DIR, loadLexicons } from '../src/lexicon/load.js';
import { normalizeText } from '../src/text/normalize.js';

/** Texts a literal might meet: itself in other cases, spacings, hyphenations, endings. */
function variants(literal: string): string[] {
  const base = literal.replace(/\*/g, '');
  const forms = [
    base,
    base.toUpperCase(),
    base[0]!.toUpperCase() + base.slice(1),
    base.replace(/е/g, 'ё'),
    base.replace(/ /g, '  '),
    base.replace(/ /g, '\n'),
    base.replace(/ /g, '\u00a0'),
    base.replace(/-/g, ' '),
    base.replace(/-/g, ''),
    base.replace(/-/g, '--'),
    base.slice(0, -1),
  ];
  const endings = ['', '.', ',', ' x', 'ами', 's', '1', 'µ', ')'];
  return forms.flatMap((f) => endings.map((e) => `${f}${e}`));
}

describe('literal plans', () => {
  it('encode words, optional hyphens and stems', () => {
    expect(literalPlan('post-contrast')).toBe('post\u0002contrast');
    expect(literalPlan('cord  swelling')).toBe('cord\u0001swelling');
    expect(literalPlan('Утолщ* спинного')).toBe('утолщ\u0003\u0001спинного');
    expect(literalPlan('Ёмкость')).toBeNull(); // an upper-case Ё is left to the regex
    expect(literalPlan('µV')).toBeNull();
  });

  it('take the first `known` units as matched (the index key already compared them)', () => {
    const plan = literalPlan('cord swelling')!;
    expect(matchLiteral(plan, 'Cord swelling.', 0)).toBe(13);
    expect(matchLiteral(plan, 'Cord swelling.', 0, 4)).toBe(13);
    expect(matchLiteral(plan, 'xxxx swelling.', 0)).toBe(NO);
    expect(matchLiteral(plan, 'xxxx swelling.', 0, 4)).toBe(13);
    expect(matchLiteral(plan, 'cord swellings', 0, 4)).toBe(NO);
  });

  it('decide as their regex does, or leave it to the regex (every literal of every lexicon)', () => {
    let decided = 0;
    for (const lang of ['en', 'ru'] as const) {
      const lex = loadLexicons(lang);
      for (const id of lex.ids()) {
        for (const term of lex.get(id).terms) {
          if (!term.plan) continue;
          const re = new RegExp(`${WORD_START}(?:${term.source})${WORD_END}`, 'iuy');
          for (const text of variants(term.source.replace(/\\s\+/g, ' ').replace(/\[-\\s\]\?/g, '-').replace(/\[её\]/g, 'е').replace(/\[\\p\{L\}\\p\{N\}\]\*/g, '').replace(/\\/g, ''))) {
            const got = matchLiteral(term.plan, text, 0);
            if (got === UNSURE) continue;
            re.lastIndex = 0;
            const m = re.exec(text);
            expect(got, `${lang} ${id} ${JSON.stringify(term.source)} on ${JSON.stringify(text)}`).toBe(m ? m[0].length : NO);
            decided++;
          }
        }
      }
    }
    expect(decided).toBeGreaterThan(10_000);
  });
});

describe('matcher windows', () => {
  const texts = ['mri-thoracic-en.txt', 'enmg-ru.txt', 'note-ru.txt', 'csf-lab-en.txt']
    .map((f) => normalizeText(readFileSync(join(LEXICON_DIR, '..', 'samples', f), 'utf8')).norm);
  it('find(text, from, to) gives the matches of the window, at line edges and from arbitrary offsets', () => {
    for (const lang of ['en', 'ru'] as const) {
      const lex = loadLexicons(lang);
      for (const id of ['context/negation', 'context/terminate', 'enmg/params', 'enmg/sides', 'mri/anatomy', 'report/type']) {
        const matcher = lex.get(id);
        const sources = matcher.terms.map((t) => t.source);
        for (const text of texts) {
          const edges = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1), text.length];
          const windows: Array<[number, number]> = [];
          for (let i = 0; i + 1 < edges.length; i++) windows.push([edges[i]!, edges[i + 1]!]);
          // Windows end where a word does (as sentences and clauses do): cut inside a word, a
          // literal still sees the letters after the window and a pattern term does not.
          for (let k = 0; k < 12; k++) {
            const a = (k * 7919) % text.length;
            let b = Math.min(text.length, a + 40 + ((k * 104729) % 200));
            while (b < text.length && /[\p{L}\p{N}]/u.test(text[b]!)) b++;
            windows.push([a, b]);
          }
          for (const [from, to] of windows) {
            const got = matcher.find(text, from, to).map((m) => [m.start, m.end]);
            expect(got, `${lang} ${id} [${from}, ${to})`).toEqual(naiveWindow(sources, text, from, to));
          }
        }
      }
    }
  });
});
