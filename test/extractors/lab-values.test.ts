import { describe, expect, it } from 'vitest';
import { readValueAfter } from '../../extractors/common/values.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { processReport } from '../../src/pipeline/process.js';

// The reference range and flag travel on the finding; the corpus runner sees only record values.
const read = (lang: 'en' | 'ru', text: string) => readValueAfter(text, 0, text.length, loadLexicons(lang));

describe('value, unit, reference and flag', () => {
  it('a table row with a range column and a flag letter', () => {
    expect(read('en', ' 1083.6     pmol/l      133-675       H')).toMatchObject({
      value: 1083.6, unit: 'pmol/l', reference: { low: 133, high: 675 }, flag: 'high',
    });
  });
  it('"(above 13.4)" is a lower limit and the value is low', () => {
    expect(read('en', ' 5.2 nmol/l (above 13.4)')).toMatchObject({ value: 5.2, reference: { low: 13.4, high: null }, flag: 'low' });
  });
  it('"норма 4,0–20" and "ref. 7-30" are ranges, not values', () => {
    expect(read('ru', ' 12,5 мкмоль/л норма 4,0-20')).toMatchObject({ value: 12.5, reference: { low: 4, high: 20, text: 'норма 4,0-20' }, flag: 'normal' });
    expect(read('en', ': 35 ug/l ref. 7-30')).toMatchObject({ value: 35, reference: { low: 7, high: 30 }, flag: 'high' });
  });
  it('a written flag word without a range', () => {
    expect(read('ru', ' — 142 пг/мл (снижен)')).toMatchObject({ value: 142, flag: 'low' });
  });
  it('a chamber count and its reference per microlitre', () => {
    expect(read('ru', ': 4/3 (норма до 15/3)')).toMatchObject({ value: 4, denominator: 3, reference: { high: 5 } });
  });
  it('a date between label and value is stepped over', () => {
    expect(read('en', ' on 06.06.2019: 300 pg/ml')).toMatchObject({ value: 300, unit: 'pg/ml' });
  });
  it('an unknown unit is reported, not converted', () => {
    expect(read('en', ' 38 furlongs/h')).toMatchObject({ value: 38, unit: null, unknownUnit: expect.any(Object) });
  });
});

describe('findings carry reference and flag in the dictionary unit', () => {
  it('B12 in pg/ml: value and range converted, flag kept', () => {
    const line = processReport({ id: 't', text: 'Vitamin B12   128 pg/mL   (197-771)   L' }, { type: 'lab', lang: 'en' });
    const f = line.findings.find((x) => x.field === 'lab.b12_pmol_l');
    expect(f).toMatchObject({ value: 94.464, unit: 'pmol/l', flag: 'low', reference: { low: 145.386, high: 568.998 } });
  });
  it('an unknown unit leaves the field empty with a warning', () => {
    const line = processReport({ id: 't', text: 'Folate 8.2 mmol/mol' }, { type: 'lab', lang: 'en' });
    expect(line.record['lab.folate_nmol_l']).toBeNull();
    expect(line.warnings.map((w) => w.code)).toContain('W_UNIT_UNKNOWN');
  });
  it('a CSF chamber count is divided by the chamber volume', () => {
    const line = processReport({ id: 't', text: 'Цитоз 20/3, белок 0,185 г/л.' }, { type: 'csf', lang: 'ru' });
    expect(line.record['csf.cells_per_ul']).toBeCloseTo(6.667, 2);
    expect(line.record['csf.protein_mg_l']).toBe(185);
  });
});
