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

export function compileLexicon(id: string, file: LexiconFile): Matcher {
  const raw: Array<{ term: LexiconTerm; value?: string | number | boolean }> = file.terms.map((term) => ({ term }));
  for (const [value, terms] of Object.entries(file.values ?? {})) for (const term of terms) raw.push({ term, value });
  const terms: CompiledTerm[] = raw.map(({ term, value }) => {
    const obj = typeof term === 'string' ? {} : term;
    const merged = { ...file.defaults, ...obj };
    const source = termPattern(term);
    const v = obj.value ?? value ?? file.defaults?.value;
    return {
      source,
      ...(v !== undefined ? { value: v } : {}),
      ...(merged.category ? { category: merged.category } : {}),
      ...(merged.direction ? { direction: merged.direction } : {}),
      ...(merged.maxScope ? { maxScope: merged.maxScope } : {}),
      exact: new RegExp(`^(?:${source})$`, 'iu'),
    };
  });
  // Longer sources first: alternation is leftmost-first, we want the longest term at a position.
  const ordered = [...terms].sort((a, b) => b.source.length - a.source.length);
  const union = ordered.length ? new RegExp(ordered.map((t) => bounded(t.source)).join('|'), 'giu') : null;
  return {
    id,
    terms,
    find(text, from = 0, to = text.length) {
      if (!union) return [];
      const out: TermMatch[] = [];
      const hay = to < text.length ? text.slice(0, to) : text;
      union.lastIndex = from;
      for (let m = union.exec(hay); m; m = union.exec(hay)) {
        if (m[0].length === 0) {
          union.lastIndex++;
          continue;
        }
        const term = ordered.find((t) => t.exact.test(m![0])) ?? ordered[0]!;
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0], term });
      }
      return out;
    },
  };
}
