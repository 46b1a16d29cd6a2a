import { describe, expect, it } from 'vitest';
import { countScripts, foldsIntoBasic, isAsciiDigit, isLetterUnit, isLowerUnit, isSpaceUnit, isUpperUnit, isWordUnit, isWordUnitU, unitScript } from '../../src/text/chars.js';

// The unit tests stand for one-character regexes the extractors used: they must agree on every unit.
describe('unit classes agree with their regexes', () => {
  it('isAsciiDigit is /\\d/ and false past the end of a text', () => {
    for (let c = 0; c < 0x10000; c++) expect(isAsciiDigit(c), `U+${c.toString(16)}`).toBe(/\d/.test(String.fromCharCode(c)));
    expect(isAsciiDigit('5'.charCodeAt(1))).toBe(false);
  });
  it('isSpaceUnit is /\\s/', () => {
    for (let c = 0; c < 0x10000; c++) if (isSpaceUnit(c) !== /\s/.test(String.fromCharCode(c))) expect.fail(`U+${c.toString(16)}`);
  });
  it('the word, letter, lower- and upper-case tests are their regexes, on every unit and twice (the second read is cached)', () => {
    const classes: Array<[string, (c: number) => boolean, RegExp]> = [
      ['isWordUnitU', isWordUnitU, /^[\p{L}\p{N}]$/u],
      ['isWordUnit', isWordUnit, /^[\p{L}\p{N}]$/iu],
      ['isLowerUnit', isLowerUnit, /^\p{Ll}$/u],
      ['isLetterUnit', isLetterUnit, /^\p{L}$/u],
      ['isUpperUnit', isUpperUnit, /^\p{Lu}$/u],
    ];
    for (const [name, test, re] of classes) {
      for (let round = 0; round < 2; round++) {
        for (let c = 0; c < 0x10000; c++) if (test(c) !== re.test(String.fromCharCode(c))) expect.fail(`${name} U+${c.toString(16)}`);
      }
      expect(test(NaN), `${name} past the end`).toBe(false);
      expect(test(-1), `${name} of -1`).toBe(false);
    }
  });
  it('foldsIntoBasic: outside ASCII and U+0400-U+045F, and equal to a unit inside them under flag iu', () => {
    const inside = /^[\u0000-\u007f\u0400-\u045f]$/iu;
    const folded: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const want = (c < 0x400 || c >= 0x460) && c >= 0x80 && inside.test(String.fromCharCode(c));
      if (foldsIntoBasic(c) !== want) expect.fail(`U+${c.toString(16)}`);
      if (want) folded.push(c.toString(16));
    }
    // The Kelvin sign and long s fold to k and s; some extended Cyrillic letters to basic ones.
    expect(folded).toEqual(expect.arrayContaining(['212a', '17f', '1c80']));
    expect(foldsIntoBasic('k'.charCodeAt(0))).toBe(false);
    expect(foldsIntoBasic(NaN)).toBe(false);
  });
  it('unitScript is Cyrillic 1, Latin 2, ASCII digit 3, else 0', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const want = /\p{Script=Cyrillic}/u.test(ch) ? 1 : /\p{Script=Latin}/u.test(ch) ? 2 : c >= 48 && c <= 57 ? 3 : 0;
      if (unitScript(c) !== want) expect.fail(`U+${c.toString(16)}: ${unitScript(c)}, not ${want}`);
    }
    expect(unitScript(NaN)).toBe(0);
  });
  it('countScripts counts as the regexes do', () => {
    for (const text of ['МРТ Th10-Th12: T2 hyperintense', 'n. peroneus, М-ответ 4,2 мВ', 'Ünïcödé ǅ ß ΑΒΓ 123 ё Ё', '']) {
      const count = (re: RegExp) => text.match(re)?.length ?? 0;
      expect(countScripts(text), text).toEqual({ letters: count(/\p{L}/gu), cyr: count(/\p{Script=Cyrillic}/gu), lat: count(/\p{Script=Latin}/gu) });
    }
  });
});
