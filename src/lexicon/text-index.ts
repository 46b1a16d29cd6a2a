/**
 * Per-text indexes shared by every lexicon matcher: word starts and where each matcher's
 * index keys begin (keys registered in `key-trie.ts`). Built once per text, whichever matcher
 * reads the text first.
 */
import { foldBasic, foldsIntoBasic, foldUnit, isWordUnitU, SURROGATE } from '../text/chars.js';
import { flatTrie, KEY_LENGTH, registeredMatchers, registryVersion } from './key-trie.js';

const TOKEN_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

export interface TextIndex {
  readonly text: string;
  /** Word starts (a letter or digit with none before it). */
  readonly starts: number[];
  /** The text holds UTF-16 surrogates: matchers take the plain regex path. */
  readonly surrogates: boolean;
  /**
   * Where a unit outside ASCII and basic Cyrillic folds onto one inside them under flag iu
   * (`foldsIntoBasic`: the Kelvin sign, long s), in order; nearly always none. Keys are not
   * looked for through such a unit, so near one a missing key proves nothing.
   */
  readonly unsure: number[];
  version: number;
  /** Key id beginning at word start i with length len, at [i * KEY_LENGTH + len - 1]; -1 none. */
  keyAt: number[];
  /**
   * Per matcher number m: `hitList[hitFrom[m] .. hitFrom[m + 1])` are the indices into `starts`
   * where one of its keys begins, in order (one flat list for all matchers, not one per matcher).
   */
  hitFrom: number[];
  hitList: number[];
}

// Per matcher, reused from text to text: hits counted, then where its run is filled up to.
let hitCount = new Int32Array(0);
// The keyed nodes a text's words reach, as (word start index, node) pairs, reused from text to text.
let reached = new Int32Array(1024);

/**
 * Where each key begins, and for every matcher the word starts holding one of its keys: one
 * pass over the words serves all matchers (a key is shared by few), in position order.
 */
function buildKeys(entry: TextIndex): void {
  const { text, starts } = entry;
  const t = flatTrie();
  const matcherCount = registeredMatchers();
  const { symbolOf, symbols, next, rowOf, keyOf, firstFrom, firstList } = t;
  if (hitCount.length < matcherCount) hitCount = new Int32Array(matcherCount);
  hitCount.fill(0, 0, matcherCount);
  // Plain arrays: typed arrays of a text's size are allocated outside the heap (slow, and GC-heavy).
  const keyAt: number[] = new Array<number>(starts.length * KEY_LENGTH).fill(-1);
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < starts.length; i++) {
    const pos = starts[i]!;
    let node = 0;
    for (let len = 1; len <= KEY_LENGTH && pos + len <= text.length; len++) {
      const row = rowOf[node]!;
      if (row < 0) break;
      const sym = symbolOf[foldUnit(text.charCodeAt(pos + len - 1))]!;
      if (sym === 0) break;
      node = next[row * symbols + sym]!;
      if (node === 0) break;
      const id = keyOf[node]!;
      if (id < 0) continue;
      keyAt[i * KEY_LENGTH + len - 1] = id;
      const end = firstFrom[node + 1]!;
      for (let o = firstFrom[node]!; o < end; o++) hitCount[firstList[o]!]!++;
      total += end - firstFrom[node]!;
      if (pairs + 2 > reached.length) {
        const grown = new Int32Array(reached.length * 2);
        grown.set(reached);
        reached = grown;
      }
      reached[pairs++] = i;
      reached[pairs++] = node;
    }
  }
  // The flat list: each matcher's run, filled from the pairs in word order.
  const hitFrom: number[] = new Array<number>(matcherCount + 1);
  hitFrom[0] = 0;
  for (let m = 0; m < matcherCount; m++) hitFrom[m + 1] = hitFrom[m]! + hitCount[m]!;
  const hitList: number[] = new Array<number>(total).fill(0);
  const fill = hitCount;
  for (let m = 0; m < matcherCount; m++) fill[m] = hitFrom[m]!;
  for (let k = 0; k < pairs; k += 2) {
    const i = reached[k]!;
    const node = reached[k + 1]!;
    const end = firstFrom[node + 1]!;
    for (let o = firstFrom[node]!; o < end; o++) hitList[fill[firstList[o]!]!++] = i;
  }
  entry.keyAt = keyAt;
  entry.hitFrom = hitFrom;
  entry.hitList = hitList;
  entry.version = t.version;
}

/**
 * The run of `hitList` holding the word starts where one of the matcher's keys begins is
 * [hitsFrom, hitsTo) (two numbers, not an object per call).
 */
export function hitsFrom(entry: TextIndex, num: number): number {
  return num + 1 < entry.hitFrom.length ? entry.hitFrom[num]! : 0;
}
export function hitsTo(entry: TextIndex, num: number): number {
  return num + 1 < entry.hitFrom.length ? entry.hitFrom[num + 1]! : 0;
}

/** Word starts by the regex (any text). */
function tokenStarts(text: string): number[] {
  const starts: number[] = [];
  TOKEN_START.lastIndex = 0;
  for (let m = TOKEN_START.exec(text); m; m = TOKEN_START.exec(text)) starts.push(m.index);
  return starts;
}

/**
 * The same as `tokenStarts` for a text without surrogates, one unit at a time (no lookbehind
 * per position); the units of `TextIndex.unsure` go to `unsure`.
 */
function wordStarts(text: string, unsure: number[]): number[] {
  const starts: number[] = [];
  let prev = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = isWordUnitU(c);
    if (word && !prev) starts.push(i);
    prev = word;
    if (c >= 0x80 && (c < 0x400 || c >= 0x460) && foldsIntoBasic(c)) unsure.push(i);
  }
  return starts;
}

// A few recent texts: a report's text is matched by many lexicons in a row. Only a few, so an
// index dies young: one kept over dozens of reports is promoted to the old generation. A ring
// of slots, oldest out first, not a Map: a Map whose entries come and go kept the indexes it had
// dropped reachable for a while, so most of them were promoted before they died (the index
// build took twice as long, in GC).
const TEXT_CACHE_SIZE = 4;
const cachedTexts: Array<string | null> = new Array<string | null>(TEXT_CACHE_SIZE).fill(null);
const cachedIndexes: Array<TextIndex | null> = new Array<TextIndex | null>(TEXT_CACHE_SIZE).fill(null);
let oldestSlot = 0;

export function textIndex(text: string): TextIndex {
  let hit: TextIndex | null = null;
  for (let k = 0; k < TEXT_CACHE_SIZE; k++) {
    if (cachedTexts[k] === text) {
      hit = cachedIndexes[k]!;
      break;
    }
  }
  if (!hit) {
    const surrogates = SURROGATE.test(text);
    const unsure: number[] = [];
    hit = {
      text,
      starts: surrogates ? tokenStarts(text) : wordStarts(text, unsure),
      surrogates,
      unsure,
      version: -1,
      keyAt: [],
      hitFrom: [],
      hitList: [],
    };
    cachedTexts[oldestSlot] = text;
    cachedIndexes[oldestSlot] = hit;
    oldestSlot = (oldestSlot + 1) % TEXT_CACHE_SIZE;
  }
  if (hit.version !== registryVersion()) buildKeys(hit);
  return hit;
}

/**
 * False only when the text at `pos` certainly does not begin with `head` (lower case, е for
 * ё) as a case-insensitive Unicode regex sees it: compared only over ASCII and basic Cyrillic,
 * where simple case folding is plain lower-casing; any other character leaves it to the regex.
 */
export function mayStartWith(text: string, pos: number, head: string): boolean {
  if (pos + head.length > text.length) return true;
  for (let i = 0; i < head.length; i++) {
    const c = foldBasic(text.charCodeAt(pos + i));
    if (c < 0) return true;
    if (c !== head.charCodeAt(i)) return false;
  }
  return true;
}

/** The first index into `list` in [lo, hi) (indices into `starts`) whose word start is at or after `pos`. */
export function firstStartAtOrAfter(list: readonly number[], lo: number, hi: number, starts: readonly number[], pos: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[list[mid]!]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One of the matcher's keys begins a word in [from, to), or the range holds a unit of
 * `unsure` (where a key could hide): false proves no key of the matcher begins a word there.
 */
export function mayHaveKeyIn(entry: TextIndex, num: number, from: number, to: number): boolean {
  const { starts, hitList, unsure } = entry;
  const last = hitsTo(entry, num);
  const j = firstStartAtOrAfter(hitList, hitsFrom(entry, num), last, starts, from);
  if (j < last && starts[hitList[j]!]! < to) return true;
  // Nearly always empty: a plain scan.
  return unsure.some((u) => u >= from && u < to);
}
