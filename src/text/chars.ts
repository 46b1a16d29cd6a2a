/**
 * Character classes of single UTF-16 units (never a surrogate: callers with surrogate pairs
 * in their text take their regex path), as the named Unicode regexes see them, cached per unit.
 */
// The classes of every unit read so far, one entry per UTF-16 unit (0: not yet read): one
// typed-array read per unit in the scanners that run over a whole text (word starts, scripts,
// token folding), not a call through a closure and a Map per class.
const KNOWN = 0x100;
const WORD_U = 0x01;
const WORD_IU = 0x02;
const LOWER = 0x04;
const LETTER = 0x08;
const UPPER = 0x40;
const FOLDS_BASIC = 0x80;
const SCRIPT_SHIFT = 4;
const classes = new Uint16Array(0x10000);

const WORD_U_RE = /^[\p{L}\p{N}]$/u;
const WORD_IU_RE = /^[\p{L}\p{N}]$/iu;
const LOWER_RE = /^\p{Ll}$/u;
const LETTER_RE = /^\p{L}$/u;
const UPPER_RE = /^\p{Lu}$/u;
const IS_CYR = /\p{Script=Cyrillic}/u;
const IS_LAT = /\p{Script=Latin}/u;
/** A unit outside ASCII and basic Cyrillic that flag iu folds onto one of them (the Kelvin sign, long s). */
const FOLDS_BASIC_RE = /^[\u0000-\u007f\u0400-\u045f]$/iu;

function classify(c: number): number {
  let bits = KNOWN;
  if (c < 0x80) {
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (upper || lower || digit) bits |= WORD_U | WORD_IU;
    if (lower) bits |= LOWER;
    if (upper) bits |= UPPER;
    if (upper || lower) bits |= LETTER | (2 << SCRIPT_SHIFT);
    else if (digit) bits |= 3 << SCRIPT_SHIFT;
  } else if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) {
    bits |= WORD_U | WORD_IU | LETTER | (1 << SCRIPT_SHIFT);
    if (c >= 0x430 && c <= 0x44f) bits |= LOWER;
    else if (c === 0x451) bits |= LOWER;
    else bits |= UPPER;
  } else {
    const ch = String.fromCharCode(c);
    if (WORD_U_RE.test(ch)) bits |= WORD_U;
    if (WORD_IU_RE.test(ch)) bits |= WORD_IU;
    if (LOWER_RE.test(ch)) bits |= LOWER;
    if (LETTER_RE.test(ch)) bits |= LETTER;
    if (UPPER_RE.test(ch)) bits |= UPPER;
    bits |= (IS_CYR.test(ch) ? 1 : IS_LAT.test(ch) ? 2 : 0) << SCRIPT_SHIFT;
    if ((c < 0x400 || c >= 0x460) && FOLDS_BASIC_RE.test(ch)) bits |= FOLDS_BASIC;
  }
  classes[c] = bits;
  return bits;
}

/** The class bits of a unit; 0 for no unit (a NaN read past a text's end, or -1), which is in no class. */
function classOf(c: number): number {
  const bits = classes[c];
  if (bits === undefined) return 0;
  return bits !== 0 ? bits : classify(c);
}

/** `[\p{L}\p{N}]` with flag u (not i). */
export function isWordUnitU(c: number): boolean {
  return (classOf(c) & WORD_U) !== 0;
}

/** `[\p{L}\p{N}]` as a regex with flags iu sees it (case folding can make a symbol a letter). */
export function isWordUnit(c: number): boolean {
  return (classOf(c) & WORD_IU) !== 0;
}

/** `\p{Ll}` with flag u. */
export function isLowerUnit(c: number): boolean {
  return (classOf(c) & LOWER) !== 0;
}

/**
 * A unit outside ASCII and basic Cyrillic (U+0400 to U+045F) that a case-insensitive Unicode
 * regex matches to one inside them: "K" (U+212A) to k, "ſ" to s. Comparisons over folded
 * ASCII and basic Cyrillic are unsure where one occurs.
 */
export function foldsIntoBasic(c: number): boolean {
  return (classOf(c) & FOLDS_BASIC) !== 0;
}

/** `\p{Lu}` with flag u. */
export function isUpperUnit(c: number): boolean {
  return (classOf(c) & UPPER) !== 0;
}

/** `\p{L}` with flag u. */
export function isLetterUnit(c: number): boolean {
  return (classOf(c) & LETTER) !== 0;
}

/** Letters, Cyrillic and Latin units of a text without surrogates (`\p{L}`, `\p{Script=...}`), in one pass. */
export function countScripts(text: string): { letters: number; cyr: number; lat: number } {
  let letters = 0;
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < text.length; i++) {
    const bits = classOf(text.charCodeAt(i));
    if (bits & LETTER) letters++;
    const script = (bits >> SCRIPT_SHIFT) & 3;
    if (script === 1) cyr++;
    else if (script === 2) lat++;
  }
  return { letters, cyr, lat };
}

/** Script of a unit: 1 Cyrillic, 2 Latin (as `\p{Script=...}` sees them), 3 an ASCII digit, 0 other. */
export function unitScript(c: number): number {
  return (classOf(c) >> SCRIPT_SHIFT) & 3;
}

/**
 * An ASCII or basic Cyrillic unit folded as a case-insensitive Unicode regex compares it
 * (lower case; е for ё, which the lexicons widen to [её]); -1 for any other unit, whose
 * folding is left to the regex.
 */
export function foldBasic(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x400 && c <= 0x45f) {
    if (c >= 0x410 && c <= 0x42f) return c + 32;
    if (c < 0x410) c += 0x50;
    return c === 0x451 ? 0x435 : c;
  }
  return -1;
}

export const SURROGATE = /[\uD800-\uDFFF]/;

const lowerUnits = new Map<number, number>();
/**
 * A unit as lexicon index keys are written (lower case, е for ё): `foldBasic` for ASCII and basic
 * Cyrillic, else its lower case when that is one unit (cached per unit).
 */
export function foldUnit(c: number): number {
  const basic = foldBasic(c);
  if (basic >= 0) return basic;
  let lower = lowerUnits.get(c);
  if (lower === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    lowerUnits.set(c, (lower = s.length === 1 ? s.charCodeAt(0) : c));
  }
  return lower;
}

/** `\d` without flag u (ASCII digits); false past the text's end (NaN). */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `\s` for one unit (JS whitespace and line terminators), without a one-character string per test. */
export function isSpaceUnit(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Char codes the scanners compare units against (ASCII; one table, not a copy per scanner). */
export const TAB = 9;
export const LINE_FEED = 10;
export const SPACE = 32;
export const OPEN_PAREN = 40;
export const CLOSE_PAREN = 41;
export const COMMA = 44;
export const HYPHEN = 45;
export const PERIOD = 46;
export const COLON = 58;
export const SEMICOLON = 59;
export const PIPE = 124;
