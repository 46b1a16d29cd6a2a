/**
 * One lexicon term as patterns: its regex source from a literal or pattern, the word
 * boundaries every match needs, its index key, and its regexes (built on first use).
 * The matcher over a whole lexicon is in compile.ts.
 */
import type { ContextCategory, LexiconTerm } from '../schema/lexicon.js';
import type { LiteralPlan } from './literal-plan.js';
import { KEY_LENGTH } from './key-trie.js';

/**
 * One term of a lexicon. Its regexes are built on first use: a Unicode case-insensitive
 * RegExp costs up to a millisecond to construct, most terms are decided by their literal
 * plan and never need one, and building them all up front made loading the lexicons (in
 * every worker thread) take over a second.
 */
export class CompiledTerm {
  private exactRe: RegExp | undefined;
  private stickyRe: RegExp | undefined;
  private tailRe: RegExp | undefined;
  constructor(
    readonly source: string,
    readonly value: string | number | boolean | undefined,
    readonly category: ContextCategory | undefined,
    readonly direction: 'forward' | 'backward' | 'bidirectional' | undefined,
    readonly maxScope: number | undefined,
    /** A plain literal's regex-free matcher, when it has one. */
    readonly plan: LiteralPlan | null = null,
  ) {}
  /** The whole of a string is this term. */
  get exact(): RegExp {
    return (this.exactRe ??= new RegExp(`^(?:${this.source})$`, 'iu'));
  }
  /** This term in place (flag y), bounded by word edges on both sides. */
  get sticky(): RegExp {
    return (this.stickyRe ??= new RegExp(bounded(this.source), 'iuy'));
  }
  /** `sticky` without its leading boundary, for a position known to be one. */
  get tail(): RegExp {
    return (this.tailRe ??= new RegExp(tailOf(this.source), 'iuy'));
  }
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

export function termPattern(term: LexiconTerm): string {
  if (typeof term === 'string') return literalToPattern(term);
  return term.pattern ?? literalToPattern(term.literal ?? '');
}

export function bounded(pattern: string): string {
  return `${WORD_START}(?:${pattern})${WORD_END}`;
}

/** `bounded` without its leading boundary. */
export function tailOf(pattern: string): string {
  return `(?:${pattern})${WORD_END}`;
}

/** The index key of a literal: its first letters (lower case, е for ё), or null when it cannot be indexed. */
export function literalKey(literal: string): string | null {
  const first = literalHead(literal);
  return first === null ? null : first.slice(0, KEY_LENGTH);
}

/** A literal's first word up to a hyphen (lower case, е for ё): the term's match begins with it. */
export function literalHead(literal: string): string | null {
  const first = literal.trim().split(/[\s-]/)[0]!.replace(/\*$/, '').toLowerCase().replace(/ё/g, 'е');
  if (!first || !/^[\p{L}\p{N}]+$/u.test(first)) return null;
  return first;
}
