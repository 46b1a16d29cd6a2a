/**
 * Character classes of single UTF-16 units (never a surrogate: callers with surrogate pairs
 * in their text take their regex path), as the named Unicode regexes see them, cached per unit.
 */
const WORD_CHAR_U = /^[\p{L}\p{N}]$/u;
const wordCharCacheU = new Map<number, boolean>();

/** `[\p{L}\p{N}]` with flag u (not i). */
export function isWordUnitU(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) return true;
  let known = wordCharCacheU.get(c);
  if (known === undefined) wordCharCacheU.set(c, (known = WORD_CHAR_U.test(String.fromCharCode(c))));
  return known;
}

const LOWER = /^\p{Ll}$/u;
const lowerCache = new Map<number, boolean>();

/** `\p{Ll}` with flag u. */
export function isLowerUnit(c: number): boolean {
  if (c < 0x80) return c >= 97 && c <= 122;
  if (c >= 0x430 && c <= 0x44f) return true;
  if (c >= 0x410 && c <= 0x42f) return false;
  let known = lowerCache.get(c);
  if (known === undefined) lowerCache.set(c, (known = LOWER.test(String.fromCharCode(c))));
  return known;
}

export const SURROGATE = /[\uD800-\uDFFF]/;
