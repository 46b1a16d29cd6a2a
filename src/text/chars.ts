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

export const SURROGATE = /[\uD800-\uDFFF]/;
