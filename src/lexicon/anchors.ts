/**
 * Anchors of a regex term: word prefixes (1 to KEY_LENGTH letters or digits, folded as the
 * text index folds a text) one of which begins a word inside every match of the term, read
 * from the regex's syntax tree. A lexicon whose pattern terms all have anchors need not run
 * its regex over a range where none of them begins a word: most sentences ConText reads hold
 * none of "not", "no", "resolved"... The analysis only ever answers "unknown" (null) when
 * unsure; it never names an anchor a match could do without.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { foldBasic, isWordUnitU } from '../text/chars.js';
import { KEY_LENGTH } from './key-trie.js';

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * The anchors of a term's regex source (flags iu), or null when not every match is sure to
 * contain one at a word start. A match begins where no letter or digit precedes it, as the
 * lexicon matcher requires.
 */
export function patternAnchors(source: string): string[] | null {
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return null;
  }
  const found = alternativesAnchors(pattern.alternatives, true);
  return found ? [...found].sort() : null;
}

/** Every alternative has anchors: their union; else null. */
function alternativesAnchors(alternatives: readonly AST.Alternative[], atWordStart: boolean): Set<string> | null {
  const all = new Set<string>();
  for (const alt of alternatives) {
    const own = sequenceAnchors(alt.elements, atWordStart);
    if (!own) return null;
    for (const a of own) all.add(a);
  }
  return all;
}

/**
 * Walks a sequence keeping `atWordStart`: true only where what was consumed last (if
 * anything) is sure to be no letter or digit, so a letter read next begins a word.
 */
function sequenceAnchors(elements: readonly AST.Element[], atWordStart: boolean): Set<string> | null {
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (e.type === 'Assertion') continue; // zero width
    if (e.type === 'Character' && atWordStart && basicWordUnit(e.value) >= 0) return new Set([prefixFrom(elements, i)]);
    if (e.type === 'Group' || e.type === 'CapturingGroup') {
      const inner = alternativesAnchors(e.alternatives, atWordStart);
      if (inner) return inner;
      atWordStart = endsNonWord(e);
      continue;
    }
    if (e.type === 'Quantifier') {
      if (e.min === 0) {
        atWordStart = atWordStart && endsNonWord(e.element);
        continue;
      }
      // The first of at least one repetition starts here.
      const q = e.element;
      if (q.type === 'Character' && atWordStart && basicWordUnit(q.value) >= 0) return new Set([String.fromCharCode(basicWordUnit(q.value))]);
      if (q.type === 'Group' || q.type === 'CapturingGroup') {
        const inner = alternativesAnchors(q.alternatives, atWordStart);
        if (inner) return inner;
      }
      atWordStart = endsNonWord(q);
      continue;
    }
    atWordStart = endsNonWord(e);
  }
  return null;
}

/** The folded letters from elements[i] on: plain characters in a row, at most KEY_LENGTH. */
function prefixFrom(elements: readonly AST.Element[], i: number): string {
  let prefix = '';
  for (let j = i; j < elements.length && prefix.length < KEY_LENGTH; j++) {
    const e = elements[j]!;
    if (e.type === 'Character' && basicWordUnit(e.value) >= 0) {
      prefix += String.fromCharCode(basicWordUnit(e.value));
      continue;
    }
    // "x+" is at least one x; then the prefix ends.
    if (e.type === 'Quantifier' && e.min >= 1 && e.element.type === 'Character' && basicWordUnit(e.element.value) >= 0) {
      prefix += String.fromCharCode(basicWordUnit(e.element.value));
    }
    break;
  }
  return prefix;
}

/** An ASCII letter or digit or a basic Cyrillic letter, folded as the text index folds it; -1 for anything else. */
function basicWordUnit(cp: number): number {
  const f = cp < 0x10000 ? foldBasic(cp) : -1;
  return f >= 0 && isWordUnitU(f) ? f : -1;
}

/** ASCII punctuation and spaces: never a letter or digit, whatever the flags. */
function nonWordChar(cp: number): boolean {
  return cp < 0x80 && !isWordUnitU(cp);
}

/** Every unit the element can consume is sure to be no letter or digit. */
function nonWordOnly(e: AST.Node): boolean {
  switch (e.type) {
    case 'Character':
      return nonWordChar(e.value);
    case 'CharacterSet':
      return e.kind === 'space' && !e.negate;
    case 'CharacterClass':
      return (
        !e.negate &&
        e.elements.every(
          (x) =>
            (x.type === 'Character' && nonWordChar(x.value)) ||
            (x.type === 'CharacterSet' && x.kind === 'space' && !x.negate) ||
            (x.type === 'CharacterClassRange' && nonWordChar(x.min.value) && nonWordChar(x.max.value) && !rangeHasWord(x.min.value, x.max.value)),
        )
      );
    default:
      return false;
  }
}

function rangeHasWord(min: number, max: number): boolean {
  for (let c = min; c <= max; c++) if (!nonWordChar(c)) return true;
  return false;
}

/** The element always consumes at least one unit, and the last is sure to be no letter or digit. */
function endsNonWord(e: AST.Node): boolean {
  switch (e.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
      return nonWordOnly(e);
    case 'Quantifier':
      return e.min >= 1 && endsNonWord(e.element);
    case 'Group':
    case 'CapturingGroup':
      return e.alternatives.every((alt) => {
        const consuming = alt.elements.filter((x) => x.type !== 'Assertion');
        const last = consuming[consuming.length - 1];
        return last !== undefined && endsNonWord(last);
      });
    default:
      return false;
  }
}
