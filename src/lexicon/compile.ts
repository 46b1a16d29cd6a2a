import type { ContextCategory, LexiconFile, LexiconTerm } from '../schema/lexicon.js';

export interface CompiledTerm {
  readonly source: string;
  readonly value?: string | number | boolean;
  readonly category?: ContextCategory;
  readonly direction?: 'forward' | 'backward' | 'bidirectional';
  readonly maxScope?: number;
  readonly exact: RegExp;
}

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

// JS \b is ASCII-only; these boundaries work for Cyrillic too.
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "cord  swelling" matches any run of spaces; "post-contrast" also "post contrast"; "утолщ*" a stem. */
export function literalToPattern(literal: string): string {
  return literal
    .trim()
    .split(/\s+/)
    .map((word) => {
      const stem = word.endsWith('*');
      const body = stem ? word.slice(0, -1) : word;
      const esc = body
        .split('-')
        .map(escapeRegex)
        .join('[-\\s]?')
        .replace(/[её]/g, '[её]');
      return stem ? `${esc}[\\p{L}\\p{N}]*` : esc;
    })
    .join('\\s+');
}

function termPattern(term: LexiconTerm): string {
  if (typeof term === 'string') return literalToPattern(term);
  return term.pattern ?? literalToPattern(term.literal ?? '');
}

function bounded(pattern: string): string {
  return `${WORD_START}(?:${pattern})${WORD_END}`;
}

const KEY_LENGTH = 3;
const TOKEN_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

/** The index key of a literal: its first letters (lower case, е for ё), or null when it cannot be indexed. */
function literalKey(literal: string): string | null {
  const first = literal.trim().split(/[\s-]/)[0]!.replace(/\*$/, '').toLowerCase().replace(/ё/g, 'е');
  if (!first || !/^[\p{L}\p{N}]+$/u.test(first)) return null;
  return first.slice(0, KEY_LENGTH);
}

// A few recent texts: a report's text (and its sentences) are matched by many lexicons in a row.
const TEXT_CACHE_SIZE = 32;
const textCache = new Map<string, { lower: string; starts: number[] }>();
function textIndex(text: string): { lower: string; starts: number[] } {
  let hit = textCache.get(text);
  if (!hit) {
    const starts: number[] = [];
    TOKEN_START.lastIndex = 0;
    for (let m = TOKEN_START.exec(text); m; m = TOKEN_START.exec(text)) starts.push(m.index);
    hit = { lower: text.toLowerCase().replace(/ё/g, 'е'), starts };
    if (textCache.size >= TEXT_CACHE_SIZE) textCache.delete(textCache.keys().next().value!);
    textCache.set(text, hit);
  }
  return hit;
}

function firstAtOrAfter(list: number[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface IndexedTerm {
  term: CompiledTerm;
  sticky: RegExp;
}

/**
 * A lexicon's matcher. Literal terms are indexed by their first letters: at each word start
 * only the few terms sharing its first letters are tried, so matching costs about one
 * lookup per word whatever the lexicon's size. Regex pattern terms run as one alternation.
 */
export function compileLexicon(id: string, file: LexiconFile): Matcher {
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
    const compiled: CompiledTerm = {
      source,
      ...(v !== undefined ? { value: v } : {}),
      ...(merged.category ? { category: merged.category } : {}),
      ...(merged.direction ? { direction: merged.direction } : {}),
      ...(merged.maxScope ? { maxScope: merged.maxScope } : {}),
      exact: new RegExp(`^(?:${source})$`, 'iu'),
    };
    terms.push(compiled);
    const literal = typeof term === 'string' ? term : term.literal;
    const key = literal === undefined ? null : literalKey(literal);
    if (key === null) rest.push(compiled);
    else {
      const list = index.get(key) ?? [];
      list.push({ term: compiled, sticky: new RegExp(bounded(source), 'iuy') });
      index.set(key, list);
    }
  }
  // Longer sources first: alternation is leftmost-first, we want the longest term at a position.
  const ordered = [...rest].sort((a, b) => b.source.length - a.source.length);
  // Which term made a match: tried in place (sticky), so terms with lookarounds are named right.
  const restSticky = ordered.map((t) => ({ term: t, sticky: new RegExp(bounded(t.source), 'iuy') }));
  const union = ordered.length ? new RegExp(ordered.map((t) => bounded(t.source)).join('|'), 'giu') : null;
  const keyLengths = [...new Set([...index.keys()].map((k) => k.length))];

  function findIndexed(text: string, from: number, to: number, out: TermMatch[]): void {
    if (!index.size) return;
    const { lower, starts } = textIndex(text);
    for (let i = firstAtOrAfter(starts, from); i < starts.length; i++) {
      const pos = starts[i]!;
      if (pos >= to) break;
      let best: TermMatch | null = null;
      for (const len of keyLengths) {
        const key = lower.slice(pos, pos + len);
        if (key.length < len) continue;
        for (const cand of index.get(key) ?? []) {
          cand.sticky.lastIndex = pos;
          const m = cand.sticky.exec(text);
          if (!m || pos + m[0].length > to) continue;
          if (!best || m[0].length > best.end - best.start) best = { start: pos, end: pos + m[0].length, text: m[0], term: cand.term };
        }
      }
      if (best) out.push(best);
    }
  }

  function findRest(text: string, from: number, to: number, out: TermMatch[]): void {
    if (!union) return;
    const hay = to < text.length ? text.slice(0, to) : text;
    union.lastIndex = from;
    for (let m = union.exec(hay); m; m = union.exec(hay)) {
      if (m[0].length === 0) {
        union.lastIndex++;
        continue;
      }
      const at = m.index;
      const len = m[0].length;
      const term = restSticky.find((r) => {
        r.sticky.lastIndex = at;
        return r.sticky.exec(hay)?.[0].length === len;
      })?.term ?? ordered[0]!;
      out.push({ start: at, end: at + len, text: m[0], term });
    }
  }

  return {
    id,
    terms,
    find(text, from = 0, to = text.length) {
      const all: TermMatch[] = [];
      findIndexed(text, from, to, all);
      findRest(text, from, to, all);
      // Leftmost, then longest; drop what overlaps a match already taken.
      all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
      const out: TermMatch[] = [];
      let reach = -1;
      for (const m of all) {
        if (m.start < reach) continue;
        out.push(m);
        reach = m.end;
      }
      return out;
    },
  };
}
