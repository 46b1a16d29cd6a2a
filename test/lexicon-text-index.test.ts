import { describe, expect, it } from 'vitest';
import { KEY_LENGTH, registerKeys } from '../src/lexicon/key-trie.js';
import { hitsFrom, hitsTo, textIndex, type TextIndex } from '../src/lexicon/text-index.js';
import { foldUnit, isWordUnitU } from '../src/text/chars.js';
import { normalizeText } from '../src/text/normalize.js';
// @ts-expect-error: a plain .mjs script without types
import { generateReports } from '../scripts/bench-corpus.mjs';

// Key sets sharing prefixes and matchers sharing keys: a word holding keys of several lengths
// ("l", "l4", "le") counts once for a matcher that owns more than one of them.
const KEY_SETS: string[][] = [
  ['l', 'le', 'les'],
  ['l4', 'le'],
  ['les', 'ne', 'no'],
  ['t', 'th', 'thr'],
  ['th1', 'c5', '5'],
  ['не', 'нет', 'л'],
  ['отс', 'о'],
  ['no', 'not', 'n'],
];
const registered = KEY_SETS.map((keys) => ({ keys, ...registerKeys(keys) }));

/** The word starts of a text without surrogates, and the folded units from each. */
function bruteHits(text: string, keys: readonly string[]): { hits: number[]; keyAt: Map<string, number[]> } {
  const hits: number[] = [];
  const keyAt = new Map<string, number[]>();
  let w = 0;
  for (let pos = 0; pos < text.length; pos++) {
    if (!isWordUnitU(text.charCodeAt(pos)) || (pos > 0 && isWordUnitU(text.charCodeAt(pos - 1)))) continue;
    let folded = '';
    for (let len = 1; len <= KEY_LENGTH && pos + len <= text.length; len++) folded += String.fromCharCode(foldUnit(text.charCodeAt(pos + len - 1)));
    const own = keys.filter((k) => folded.startsWith(k));
    if (own.length) hits.push(w);
    for (const k of own) keyAt.set(k, [...(keyAt.get(k) ?? []), w]);
    w++;
  }
  return { hits, keyAt };
}

function hitList(entry: TextIndex, num: number): number[] {
  return entry.hitList.slice(hitsFrom(entry, num), hitsTo(entry, num));
}

const TEXTS = [
  'L4-L5 lesion, no stenosis. Не выявлено; отсутствует. Th11-Th12, C5. Nothing. LES les Les',
  'NOT noted; not seen: n. ulnaris. 5 mm. the thr thread THREE. нет Нет НЕТ л Л Лев',
  'Ёж, ёлка; Отёк отсутствует. ОТС отс о О',
  '',
  '    ',
  ...Array.from(generateReports(30, 17), (r: { text: string }) => normalizeText(r.text).norm),
];

describe('textIndex: where the matchers\' keys begin a word', () => {
  it.each(TEXTS.map((t, i) => [i, t]))('text %i: every matcher\'s hit list and key table as a brute-force reading gives', (_i, text) => {
    const entry = textIndex(text);
    for (const { keys, num, ids } of registered) {
      const want = bruteHits(text, keys);
      expect(hitList(entry, num)).toEqual(want.hits);
      for (const key of keys) {
        const at = entry.starts.flatMap((_, w) => (entry.keyAt[w * KEY_LENGTH + key.length - 1] === ids.get(key) ? [w] : []));
        expect(at).toEqual(want.keyAt.get(key) ?? []);
      }
    }
  });

  it('serves a recent text from its cache and rebuilds one pushed out, oldest first', () => {
    const texts = ['one L4', 'two L5', 'three Th1', 'four C5', 'five не'];
    const first = texts.slice(0, 4).map((t) => textIndex(t));
    // Four texts fit: each comes back as the same index.
    texts.slice(0, 4).forEach((t, i) => expect(textIndex(t)).toBe(first[i]));
    textIndex(texts[4]!);
    // The fifth pushed out the oldest only.
    expect(textIndex(texts[1]!)).toBe(first[1]);
    const again = textIndex(texts[0]!);
    expect(again).not.toBe(first[0]);
    expect(again.starts).toEqual(first[0]!.starts);
    expect(hitList(again, registered[1]!.num)).toEqual(bruteHits(texts[0]!, registered[1]!.keys).hits);
  });

  it('rebuilds an index whose text was read before more keys were registered', () => {
    const text = 'zebra zulu zz';
    const before = textIndex(text);
    const late = registerKeys(['zu', 'z']);
    const after = textIndex(text);
    expect(after).toBe(before);
    expect(hitList(after, late.num)).toEqual(bruteHits(text, ['zu', 'z']).hits);
  });
});
