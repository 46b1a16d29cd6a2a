/**
 * Character classes of single UTF-16 units (never a surrogate: callers with surrogate pairs
 * in their text take their regex path), as the named Unicode regexes see them, cached per unit.
 */
/** A class test of one unit by `re`, cached per unit, with the ASCII and basic Cyrillic answers given by `basic`. */
function cachedClass(re: RegExp, basic: (c: number) => boolean | undefined): (c: number) => boolean {
  const cache = new Map<number, boolean>();
  return (c) => {
    const quick = basic(c);
    if (quick !== undefined) return quick;
    let known = cache.get(c);
    if (known === undefined) cache.set(c, (known = re.test(String.fromCharCode(c))));
    return known;
  };
}

const basicWord = (c: number): boolean | undefined => {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) return true;
  return undefined;
};

/** `[\p{L}\p{N}]` with flag u (not i). */
export const isWordUnitU = cachedClass(/^[\p{L}\p{N}]$/u, basicWord);

/** `[\p{L}\p{N}]` as a regex with flags iu sees it (case folding can make a symbol a letter). */
export const isWordUnit = cachedClass(/^[\p{L}\p{N}]$/iu, basicWord);

/** `\p{Ll}` with flag u. */
export const isLowerUnit = cachedClass(/^\p{Ll}$/u, (c) => {
  if (c < 0x80) return c >= 97 && c <= 122;
  if (c >= 0x410 && c <= 0x44f) return c >= 0x430;
  return undefined;
});

/** `\p{L}` with flag u. */
export const isLetterUnit = cachedClass(/^\p{L}$/u, (c) => {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) return true;
  return undefined;
});

const IS_CYR = /\p{Script=Cyrillic}/u;
const IS_LAT = /\p{Script=Latin}/u;
const scripts = new Map<number, number>();

/** Script of a unit: 1 Cyrillic, 2 Latin (as `\p{Script=...}` sees them), 3 an ASCII digit, 0 other. */
export function unitScript(c: number): number {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 2 : c >= 48 && c <= 57 ? 3 : 0;
  if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) return 1;
  let s = scripts.get(c);
  if (s === undefined) {
    const ch = String.fromCharCode(c);
    scripts.set(c, (s = IS_CYR.test(ch) ? 1 : IS_LAT.test(ch) ? 2 : 0));
  }
  return s;
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
