/**
 * The registry of every lexicon matcher's index keys (1 to KEY_LENGTH folded units): one trie
 * for all matchers, and its flat tables, which `text-index.ts` walks over a text's words.
 */
export const KEY_LENGTH = 3;

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
let registryVersionNow = 0;

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
  registryVersionNow++;
  return { num, ids };
}

/** Matchers registered so far (numbers 0 to this, exclusive). */
export function registeredMatchers(): number {
  return matcherCount;
}

/** Changes whenever keys are registered: an index built at another version is rebuilt. */
export function registryVersion(): number {
  return registryVersionNow;
}

/**
 * The trie as flat tables, rebuilt when keys were registered since: `symbolOf` numbers the
 * folded units that occur in keys (0: in none, so no key goes on with it), `next[row * symbols +
 * symbol]` is a node's child (0: none; node 0 is the root), `keyOf[node]` its key id or -1.
 * Only nodes short of KEY_LENGTH have a row. Following them is a few typed-array reads per unit
 * instead of a Map lookup per unit of every word.
 */
export interface FlatTrie {
  version: number;
  symbolOf: Uint16Array;
  symbols: number;
  next: Int32Array;
  rowOf: Int32Array;
  keyOf: Int32Array;
  /**
   * Per node: `firstList[firstFrom[node] .. firstFrom[node + 1])` are the matchers that use its
   * key and no key of a shorter prefix on its path. A word's path visits every prefix, so these
   * runs share no matcher: a matcher is counted once per word without checking.
   */
  firstFrom: Int32Array;
  firstList: Int32Array;
}
let flat: FlatTrie | null = null;

export function flatTrie(): FlatTrie {
  if (flat && flat.version === registryVersionNow) return flat;
  const symbolOf = new Uint16Array(0x10000);
  let symbols = 1;
  // Parents first (a node's parent is its index in this list, -1 for a first letter).
  const nodes: Array<{ node: TrieNode; depth: number; parent: number }> = [];
  const walk = (level: Iterable<[number, TrieNode]>, depth: number, parent: number) => {
    for (const [c, node] of level) {
      if (!symbolOf[c]) symbolOf[c] = symbols++;
      const at = nodes.length;
      nodes.push({ node, depth, parent });
      walk(node.children, depth + 1, at);
    }
  };
  walk([...basicRoot.entries()].filter((e): e is [number, TrieNode] => e[1] !== undefined), 1, -1);
  walk(trie, 1, -1);
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
  // A key's owners less those of a key on its path (at most KEY_LENGTH - 1 nodes above it).
  const firstFrom = new Int32Array(nodes.length + 2);
  const firstList: number[] = [];
  const ownedAbove = (parent: number, num: number): boolean => {
    for (let p = parent; p >= 0; p = nodes[p]!.parent) {
      const id = nodes[p]!.node.id;
      if (id >= 0 && owners[id]?.includes(num)) return true;
    }
    return false;
  };
  for (let i = 0; i < nodes.length; i++) {
    const { node, parent } = nodes[i]!;
    firstFrom[i + 1] = firstList.length;
    if (node.id >= 0) for (const num of owners[node.id] ?? []) if (!ownedAbove(parent, num)) firstList.push(num);
  }
  firstFrom[nodes.length + 1] = firstList.length;
  flat = { version: registryVersionNow, symbolOf, symbols, next, rowOf, keyOf, firstFrom, firstList: Int32Array.from(firstList) };
  return flat;
}
