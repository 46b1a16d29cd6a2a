/**
 * Per-text indexes shared by every lexicon matcher: word starts and where each matcher's
 * index keys begin. Built once per text, whichever matcher reads the
 * text first.
 */
import { foldBasic, foldsIntoBasic, foldUnit, isWordUnitU, SURROGATE } from '../text/chars.js';

export const KEY_LENGTH = 3;
const TOKEN_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

// Every matcher's index keys in one trie of char codes (of the text folded unit by unit, see
// `foldUnit`): one pass over a text's words finds where each key begins, for all matchers at
// once. The first level is an array over ASCII and basic Cyrillic, where nearly every word begins.
interface TrieNode {
  /** Key id, or -1 for a prefix that is no key. */
  id: number;
  children: Map<number, TrieNode>;
}
const trie = new Map<number, TrieNode>();
const BASIC_END = 0x460;
const basicRoot: Array<TrieNode | undefined> = new Array<TrieNode | undefined>(BASIC_END).fill(undefined);
let keyCount = 0;
let matcherCount = 0;
/** Per key id: the numbers of the matchers that use the key. */
const owners: number[][] = [];
let registryVersion = 0;

function keyId(key: string): number {
  let level = trie;
  let node: TrieNode | undefined;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    node = i === 0 && c < BASIC_END ? basicRoot[c] : level.get(c);
    if (!node) {
      node = { id: -1, children: new Map() };
      if (i === 0 && c < BASIC_END) basicRoot[c] = node;
      else level.set(c, node);
    }
    level = node.children;
  }
  if (node!.id < 0) node!.id = keyCount++;
  return node!.id;
}

/** Registers a matcher's index keys (1 to KEY_LENGTH units): its number and each key's id. */
export function registerKeys(keys: Iterable<string>): { num: number; ids: Map<string, number> } {
  const num = matcherCount++;
  const ids = new Map<string, number>();
  for (const key of keys) {
    const id = keyId(key);
    ids.set(key, id);
    (owners[id] ??= []).push(num);
  }
  registryVersion++;
  return { num, ids };
}

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

/**
 * The trie as flat tables, rebuilt when keys were registered since: `symbolOf` numbers the
 * folded units that occur in keys (0: in none, so no key goes on with it), `next[row * symbols +
 * symbol]` is a node's child (0: none; node 0 is the root), `keyOf[node]` its key id or -1.
 * Only nodes short of KEY_LENGTH have a row. Following them is a few typed-array reads per unit
 * instead of a Map lookup per unit of every word.
 */
interface FlatTrie {
  version: number;
  symbolOf: Uint16Array;
  symbols: number;
  next: Int32Array;
  rowOf: Int32Array;
  keyOf: Int32Array;
  /** Per key id: `ownerList[ownerFrom[id] .. ownerFrom[id + 1])` are the matchers using it. */
  ownerFrom: Int32Array;
  ownerList: Int32Array;
}
let flat: FlatTrie | null = null;

function flatTrie(): FlatTrie {
  if (flat && flat.version === registryVersion) return flat;
  const symbolOf = new Uint16Array(0x10000);
  let symbols = 1;
  const nodes: Array<{ node: TrieNode; depth: number }> = [];
  const walk = (level: Iterable<[number, TrieNode]>, depth: number) => {
    for (const [c, node] of level) {
      if (!symbolOf[c]) symbolOf[c] = symbols++;
      nodes.push({ node, depth });
      walk(node.children, depth + 1);
    }
  };
  walk([...basicRoot.entries()].filter((e): e is [number, TrieNode] => e[1] !== undefined), 1);
  walk(trie, 1);
  const number = new Map<TrieNode, number>(nodes.map((n, i) => [n.node, i + 1]));
  const rowOf = new Int32Array(nodes.length + 1).fill(-1);
  let rows = 1;
  rowOf[0] = 0;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.depth < KEY_LENGTH) rowOf[i + 1] = rows++;
  const next = new Int32Array(rows * symbols);
  const keyOf = new Int32Array(nodes.length + 1).fill(-1);
  const link = (row: number, level: Iterable<[number, TrieNode]>) => {
    for (const [c, child] of level) next[row * symbols + symbolOf[c]!] = number.get(child)!;
  };
  link(0, [...basicRoot.entries()].filter((e): e is [number, TrieNode] => e[1] !== undefined));
  link(0, trie);
  for (let i = 0; i < nodes.length; i++) {
    const { node, depth } = nodes[i]!;
    keyOf[i + 1] = node.id;
    if (depth < KEY_LENGTH) link(rowOf[i + 1]!, node.children);
  }
  const ownerFrom = new Int32Array(keyCount + 1);
  for (let id = 0; id < keyCount; id++) ownerFrom[id + 1] = ownerFrom[id]! + (owners[id]?.length ?? 0);
  const ownerList = new Int32Array(ownerFrom[keyCount]!);
  for (let id = 0; id < keyCount; id++) ownerList.set(owners[id] ?? [], ownerFrom[id]!);
  flat = { version: registryVersion, symbolOf, symbols, next, rowOf, keyOf, ownerFrom, ownerList };
  return flat;
}

// Per matcher, reused from text to text: hits counted, and the last word start counted.
let hitCount = new Int32Array(0);
let lastStart = new Int32Array(0);

/**
 * Where each key begins, and for every matcher the word starts holding one of its keys: one
 * pass over the words serves all matchers (a key is shared by few), in position order.
 */
function buildKeys(entry: TextIndex): void {
  const { text, starts } = entry;
  const t = flatTrie();
  const { symbolOf, symbols, next, rowOf, keyOf, ownerFrom, ownerList } = t;
  if (hitCount.length < matcherCount) {
    hitCount = new Int32Array(matcherCount);
    lastStart = new Int32Array(matcherCount);
  }
  hitCount.fill(0, 0, matcherCount);
  lastStart.fill(-1, 0, matcherCount);
  // Plain arrays: typed arrays of a text's size are allocated outside the heap (slow, and GC-heavy).
  const keyAt: number[] = new Array<number>(starts.length * KEY_LENGTH).fill(-1);
  let total = 0;
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
      for (let o = ownerFrom[id]!; o < ownerFrom[id + 1]!; o++) {
        const num = ownerList[o]!;
        if (lastStart[num] === i) continue;
        lastStart[num] = i;
        hitCount[num]!++;
        total++;
      }
    }
  }
  // The flat list: each matcher's run, filled in a second pass over the keys found.
  const hitFrom: number[] = new Array<number>(matcherCount + 1);
  hitFrom[0] = 0;
  for (let m = 0; m < matcherCount; m++) hitFrom[m + 1] = hitFrom[m]! + hitCount[m]!;
  const hitList: number[] = new Array<number>(total).fill(0);
  const fill = hitCount;
  for (let m = 0; m < matcherCount; m++) fill[m] = hitFrom[m]!;
  lastStart.fill(-1, 0, matcherCount);
  for (let i = 0; i < starts.length; i++) {
    for (let len = 1; len <= KEY_LENGTH; len++) {
      const id = keyAt[i * KEY_LENGTH + len - 1]!;
      if (id < 0) continue;
      for (let o = ownerFrom[id]!; o < ownerFrom[id + 1]!; o++) {
        const num = ownerList[o]!;
        if (lastStart[num] === i) continue;
        lastStart[num] = i;
        hitList[fill[num]!++] = i;
      }
    }
  }
  entry.keyAt = keyAt;
  entry.hitFrom = hitFrom;
  entry.hitList = hitList;
  entry.version = registryVersion;
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
// index dies young: one kept over dozens of reports is promoted to the old generation.
const TEXT_CACHE_SIZE = 4;
const textCache = new Map<string, TextIndex>();

export function textIndex(text: string): TextIndex {
  let hit = textCache.get(text);
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
    if (textCache.size >= TEXT_CACHE_SIZE) textCache.delete(textCache.keys().next().value!);
    textCache.set(text, hit);
  }
  if (hit.version !== registryVersion) buildKeys(hit);
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
