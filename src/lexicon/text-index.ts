/**
 * Per-text indexes shared by every lexicon matcher: word starts and where each matcher's
 * index keys begin. Built once per text, whichever matcher reads the
 * text first.
 */
import { foldBasic, foldUnit, isWordUnitU, SURROGATE } from '../text/chars.js';

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
  version: number;
  /** Key id beginning at word start i with length len, at [i * KEY_LENGTH + len - 1]; -1 none. */
  keyAt: number[];
  /** Per matcher number: indices into `starts` where one of its keys begins (none: undefined). */
  hits: number[][];
}

/**
 * Where each key begins, and for every matcher the word starts holding one of its keys: one
 * pass over the words serves all matchers (a key is shared by few), in position order.
 */
function buildKeys(entry: TextIndex): void {
  const { text, starts } = entry;
  // Plain arrays: typed arrays of a text's size are allocated outside the heap (slow, and GC-heavy).
  const keyAt: number[] = new Array<number>(starts.length * KEY_LENGTH).fill(-1);
  const hits: number[][] = [];
  for (let i = 0; i < starts.length; i++) {
    const pos = starts[i]!;
    const first = foldUnit(text.charCodeAt(pos));
    let node = first < BASIC_END ? basicRoot[first] : trie.get(first);
    for (let len = 1; node; len++) {
      if (node.id >= 0) {
        keyAt[i * KEY_LENGTH + len - 1] = node.id;
        for (const num of owners[node.id]!) {
          const list = hits[num];
          if (!list) hits[num] = [i];
          else if (list[list.length - 1] !== i) list.push(i);
        }
      }
      if (len === KEY_LENGTH || pos + len >= text.length) break;
      node = node.children.get(foldUnit(text.charCodeAt(pos + len)));
    }
  }
  entry.keyAt = keyAt;
  entry.hits = hits;
  entry.version = registryVersion;
}

const NONE: number[] = [];
/** The word starts (indices) where one of the matcher's keys begins, in order. */
export function hitsOf(entry: TextIndex, num: number): number[] {
  return entry.hits[num] ?? NONE;
}

/** Word starts by the regex (any text). */
function tokenStarts(text: string): number[] {
  const starts: number[] = [];
  TOKEN_START.lastIndex = 0;
  for (let m = TOKEN_START.exec(text); m; m = TOKEN_START.exec(text)) starts.push(m.index);
  return starts;
}

/** The same as `tokenStarts` for a text without surrogates, one unit at a time (no lookbehind per position). */
function wordStarts(text: string): number[] {
  const starts: number[] = [];
  let prev = false;
  for (let i = 0; i < text.length; i++) {
    const word = isWordUnitU(text.charCodeAt(i));
    if (word && !prev) starts.push(i);
    prev = word;
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
    hit = {
      text,
      starts: surrogates ? tokenStarts(text) : wordStarts(text),
      surrogates,
      version: -1,
      keyAt: [],
      hits: [],
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

/** The first index into `list` (indices into `starts`) whose word start is at or after `pos`. */
export function firstStartAtOrAfter(list: readonly number[], starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[list[mid]!]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
