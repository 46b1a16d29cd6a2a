/**
 * A lexicon's matcher: its literal terms found through the shared text index, its pattern
 * terms as one regex alternation. One term's patterns are in term.ts.
 */
import type { LexiconFile, LexiconTerm } from '../schema/lexicon.js';
import { isWordUnit } from '../text/chars.js';
import { literalPlan, matchLiteral, NO, UNSURE, type LiteralPlan } from './literal-plan.js';
import { patternAnchors } from './anchors.js';
import { KEY_LENGTH, registerKeys } from './key-trie.js';
import { bounded, CompiledTerm, literalHead, literalKey, tailOf, termPattern } from './term.js';
import { firstStartAtOrAfter, hitsFrom, hitsTo, mayHaveKeyIn, mayStartWith, textIndex } from './text-index.js';

export interface TermMatch {
  start: number;
  end: number;
  text: string;
  term: CompiledTerm;
}

export interface Matcher {
  readonly id: string;
  readonly terms: readonly CompiledTerm[];
  /** All non-overlapping matches, leftmost-longest, in text order. */
  find(text: string, from?: number, to?: number): TermMatch[];
}

/** The alternation of the terms' tails, each in a capture group whose number goes to `groupOf`. */
function namedUnion(terms: readonly CompiledTerm[], groupOf: number[]): RegExp {
  let group = 1;
  const parts = terms.map((t) => {
    groupOf.push(group);
    // The term's own groups follow its wrapper.
    group += 1 + (new RegExp(`|${t.source}`, 'u').exec('')!.length - 1);
    return `(${tailOf(t.source)})`;
  });
  return new RegExp(parts.join('|'), 'giu');
}

interface IndexedTerm {
  term: CompiledTerm;
  /** The term's literal plan (a copy of `term.plan`, read in the hot loop without another hop). */
  plan: LiteralPlan | null;
  /** What the match must begin with (see `mayStartWith`). */
  head: string;
}

/** The anchors of all the terms (see `patternAnchors`), or null when one term has none. */
function unionAnchors(terms: readonly CompiledTerm[]): string[] | null {
  if (!terms.length) return null;
  const all = new Set<string>();
  for (const t of terms) {
    const own = patternAnchors(t.source);
    if (!own) return null;
    for (const a of own) all.add(a);
  }
  return [...all];
}

/** Matches in text order, each starting at or after the end of the one before. */
function noOverlaps(list: readonly TermMatch[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.end) return false;
  return true;
}

/**
 * A lexicon's matcher. Literal terms are indexed by their first letters: at each word start
 * only the few terms sharing its first letters are tried, so matching costs about one
 * lookup per word whatever the lexicon's size. Regex pattern terms run as one alternation.
 */
export function compileLexicon(id: string, file: LexiconFile, opts: { anchors?: boolean } = {}): Matcher {
  const raw: Array<{ term: LexiconTerm; value?: string | number | boolean }> = file.terms.map((term) => ({ term }));
  for (const [value, terms] of Object.entries(file.values ?? {})) for (const term of terms) raw.push({ term, value });
  const terms: CompiledTerm[] = [];
  const index = new Map<string, IndexedTerm[]>();
  const rest: CompiledTerm[] = [];
  for (const { term, value } of raw) {
    const obj = typeof term === 'string' ? {} : term;
    const merged = { ...file.defaults, ...obj };
    const source = termPattern(term);
    const v = obj.value ?? value ?? file.defaults?.value;
    const literal = typeof term === 'string' ? term : term.literal;
    const plan = literal !== undefined && (typeof term === 'string' || term.pattern === undefined) ? literalPlan(literal) : null;
    const compiled = new CompiledTerm(source, v, merged.category || undefined, merged.direction || undefined, merged.maxScope || undefined, plan);
    terms.push(compiled);
    const key = literal === undefined ? null : literalKey(literal);
    if (key === null) rest.push(compiled);
    else {
      const list = index.get(key) ?? [];
      // The prefilter compares ASCII and basic Cyrillic only; another letter leaves it to the regex.
      const first = literalHead(literal!)!;
      list.push({ term: compiled, plan, head: /^[\p{N}a-z\u0430-\u044f]+$/u.test(first) ? first : '' });
      index.set(key, list);
    }
  }
  // Longer sources first: alternation is leftmost-first, we want the longest term at a position.
  const ordered = [...rest].sort((a, b) => b.source.length - a.source.length);
  // Which term made a match: tried in place (sticky), so terms with lookarounds are named right.
  let union: RegExp | undefined;
  // The alternation without the leading boundaries, scanned (flag g) and each match kept only
  // where a boundary holds: the same matches (every alternative starts with the same zero-width
  // boundary), without testing a Unicode lookbehind at every position for every alternative,
  // and with the regex engine, not a JS loop, skipping the positions where nothing begins.
  let unionScan: RegExp | undefined;
  // Each alternative of unionScan is wrapped in a capture group: the first group that took
  // part names the term (the same term as trying each in place, without a regex per term).
  const groupOf: number[] = [];
  // The pattern terms' anchors, as index keys of their own (a matcher number apart from the
  // literals'): a range where none begins a word holds no pattern match, and its regex scan
  // is skipped (36 of ~61 scans per report). Only when every pattern term has anchors
  // (`opts.anchors === false` turns this off, for tests).
  const anchors = opts.anchors === false ? null : unionAnchors(ordered);
  const anchorNum = anchors ? registerKeys(anchors).num : -1;
  const keyLengths = [...new Set([...index.keys()].map((k) => k.length))];
  const { num, ids } = registerKeys(index.keys());
  // The candidates of each key id. Ids are global and a lexicon has a few, but the array is
  // dense (null between them): a sparse one is a hash table to V8, looked up per candidate.
  let maxId = -1;
  for (const id of ids.values()) maxId = Math.max(maxId, id);
  const byId: Array<IndexedTerm[] | null> = new Array<IndexedTerm[] | null>(maxId + 1).fill(null);
  for (const [key, list] of index) byId[ids.get(key)!] = list;

  function findIndexed(text: string, from: number, to: number, out: TermMatch[]): void {
    if (!index.size) return;
    const entry = textIndex(text);
    const { starts, keyAt, surrogates, hitList: list } = entry;
    const first = hitsFrom(entry, num);
    const last = hitsTo(entry, num);
    for (let j = firstStartAtOrAfter(list, first, last, starts, from); j < last; j++) {
      const i = list[j]!;
      const pos = starts[i]!;
      if (pos >= to) break;
      // A word start is a boundary unless the letter before is one only case-insensitively.
      if (!surrogates && pos > 0 && isWordUnit(text.charCodeAt(pos - 1))) continue;
      // The longest candidate that fits the window; the first of equal length wins.
      let bestLen = -1;
      let bestTerm: CompiledTerm | null = null;
      for (let k = 0; k < keyLengths.length; k++) {
        const id = keyAt[i * KEY_LENGTH + keyLengths[k]! - 1]!;
        if (id < 0 || id >= byId.length) continue;
        const cands = byId[id];
        if (!cands) continue;
        for (let c = 0; c < cands.length; c++) {
          const cand = cands[c]!;
          const plan = cand.plan;
          // The key's letters are the plan's first ones, and the text's here: not read again.
          let len = surrogates || !plan ? UNSURE : matchLiteral(plan, text, pos, keyLengths[k]!);
          if (len === NO) continue;
          if (len === UNSURE) {
            if (!surrogates && !mayStartWith(text, pos, cand.head)) continue;
            const re = surrogates ? cand.term.sticky : cand.term.tail;
            re.lastIndex = pos;
            const m = re.exec(text);
            if (!m) continue;
            len = m[0].length;
          }
          if (pos + len > to) continue;
          if (len > bestLen) {
            bestLen = len;
            bestTerm = cand.term;
          }
        }
      }
      if (bestTerm) out.push({ start: pos, end: pos + bestLen, text: text.slice(pos, pos + bestLen), term: bestTerm });
    }
  }

  function findRest(text: string, from: number, to: number, out: TermMatch[]): void {
    if (!ordered.length) return;
    const entry = textIndex(text);
    if (anchorNum >= 0 && !entry.surrogates && !mayHaveKeyIn(entry, anchorNum, from, to)) return;
    const hay = to < text.length ? text.slice(0, to) : text;
    if (!entry.surrogates) {
      unionScan ??= namedUnion(ordered, groupOf);
      unionScan.lastIndex = from;
      for (let m = unionScan.exec(hay); m; m = unionScan.exec(hay)) {
        const at = m.index;
        const len = m[0].length;
        // Not a term's start (a letter or digit before it), or empty: go on from the next unit.
        if (len === 0 || (at > 0 && isWordUnit(text.charCodeAt(at - 1)))) {
          unionScan.lastIndex = at + 1;
          continue;
        }
        const k = groupOf.findIndex((g) => m[g] !== undefined);
        const term = ordered[k] ?? ordered[0]!;
        out.push({ start: at, end: at + len, text: m[0], term });
      }
      return;
    }
    union ??= new RegExp(ordered.map((t) => bounded(t.source)).join('|'), 'giu');
    union.lastIndex = from;
    for (let m = union.exec(hay); m; m = union.exec(hay)) {
      if (m[0].length === 0) {
        union.lastIndex++;
        continue;
      }
      const at = m.index;
      const len = m[0].length;
      const term = ordered.find((t) => {
        t.sticky.lastIndex = at;
        return t.sticky.exec(hay)?.[0].length === len;
      }) ?? ordered[0]!;
      out.push({ start: at, end: at + len, text: m[0], term });
    }
  }

  return {
    id,
    terms,
    find(text, from = 0, to = text.length) {
      // Both lists come in text order: the indexed one has one match per word start, the
      // pattern one no overlaps. Merged leftmost, then longest (an indexed match first on a
      // tie); what overlaps a match already taken is dropped.
      const indexed: TermMatch[] = [];
      findIndexed(text, from, to, indexed);
      const patterns: TermMatch[] = [];
      findRest(text, from, to, patterns);
      // One list alone without overlaps is the merge's answer as it stands (the common case).
      if (patterns.length === 0 && noOverlaps(indexed)) return indexed;
      if (indexed.length === 0 && noOverlaps(patterns)) return patterns;
      const out: TermMatch[] = [];
      let reach = -1;
      let i = 0;
      let j = 0;
      while (i < indexed.length || j < patterns.length) {
        const a = indexed[i];
        const b = patterns[j];
        let m: TermMatch;
        if (a && (!b || a.start < b.start || (a.start === b.start && a.end - a.start >= b.end - b.start))) {
          m = a;
          i++;
        } else {
          m = b!;
          j++;
        }
        if (m.start < reach) continue;
        out.push(m);
        reach = m.end;
      }
      return out;
    },
  };
}
