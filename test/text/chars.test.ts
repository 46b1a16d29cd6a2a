import { describe, expect, it } from 'vitest';
import { isAsciiDigit, isSpaceUnit } from '../../src/text/chars.js';

// The unit tests stand for one-character regexes the extractors used: they must agree on every unit.
describe('unit classes agree with their regexes', () => {
  it('isAsciiDigit is /\\d/ and false past the end of a text', () => {
    for (let c = 0; c < 0x10000; c++) expect(isAsciiDigit(c), `U+${c.toString(16)}`).toBe(/\d/.test(String.fromCharCode(c)));
    expect(isAsciiDigit('5'.charCodeAt(1))).toBe(false);
  });
  it('isSpaceUnit is /\\s/', () => {
    for (let c = 0; c < 0x10000; c++) if (isSpaceUnit(c) !== /\s/.test(String.fromCharCode(c))) expect.fail(`U+${c.toString(16)}`);
  });
});
