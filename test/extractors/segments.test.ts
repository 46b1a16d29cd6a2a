import { describe, expect, it } from 'vitest';
import { segmentAround } from '../../extractors/common/segments.js';

const around = (text: string, word: string, lo = 0, hi = text.length) => {
  const at = text.indexOf(word);
  const { start, end } = segmentAround(text, at, at + word.length, lo, hi);
  return text.slice(start, end);
};

describe('segmentAround', () => {
  it('stops at a semicolon or a line break on each side', () => {
    expect(around('PCI 12 Gy; spine not irradiated; no IT chemo', 'spine')).toBe(' spine not irradiated');
    expect(around('Цитоз 5/3; бласты не найдены\nБелок 0,4 г/л', 'бласты')).toBe(' бласты не найдены');
  });
  it('stays within the bounds it is given (a sentence)', () => {
    const text = 'Blood: blasts 40%. CSF: no blasts';
    expect(around(text, 'blasts 40', 0, 18)).toBe('Blood: blasts 40%.');
    expect(around(text, 'no blasts', 19)).toBe('CSF: no blasts');
  });
  it('takes the whole line when nothing breaks it', () => {
    expect(around('нет данных о лучевой терапии', 'лучевой')).toBe('нет данных о лучевой терапии');
  });
});
