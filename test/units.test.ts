import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../src/lexicon/load.js';
import { convert } from '../src/units/convert.js';
import { readUnitAt } from '../src/units/read-unit.js';
import { UNIT_IDS, UNIT_TABLE } from '../src/units/table.js';

describe('unit table', () => {
  it('holds the factors fields.json states', () => {
    expect(convert(0.31, 'g/l', 'csf_protein')).toMatchObject({ ok: true, value: 310, unit: 'mg/l' });
    expect(convert(62, 'mg/dl', 'csf_protein')).toMatchObject({ ok: true, value: 620 });
    expect(convert(128, 'pg/ml', 'b12')).toMatchObject({ ok: true, value: 94.464, unit: 'pmol/l' });
    expect(convert(690, 'ng/l', 'b12')).toMatchObject({ ok: true, value: 509.22 });
    expect(convert(7.9, 'ng/ml', 'folate')).toMatchObject({ ok: true, value: 17.901, unit: 'nmol/l' });
    expect(convert(15.3, 'ug/l', 'folate')).toMatchObject({ ok: true, value: 34.67 });
    expect(convert(12.1, 'mg/l', 'vitamin_e')).toMatchObject({ ok: true, value: 28.096, unit: 'umol/l' });
    expect(convert(96, 'ug/dl', 'copper')).toMatchObject({ ok: true, value: 15.072, unit: 'umol/l' });
    expect(convert(245, 'per_ul', 'csf_cells')).toMatchObject({ ok: true, value: 245 });
  });
  it('refuses a unit that does not measure the quantity', () => {
    expect(convert(5, 'mmol/l', 'b12')).toEqual({ ok: false, reason: 'unit_not_for_quantity' });
    expect(convert(5, 'pg/ml', 'homocysteine').ok).toBe(false);
  });
  it('every unit the table converts from is a known unit id', () => {
    for (const row of Object.values(UNIT_TABLE)) for (const u of Object.keys(row.from)) expect(UNIT_IDS).toContain(u);
  });
});

describe('unit spellings', () => {
  const cases: Array<['en' | 'ru', string, string]> = [
    ['en', 'mg/l', 'mg/l'], ['en', 'mg/L', 'mg/l'], ['en', 'g/L', 'g/l'], ['en', 'mg/dL', 'mg/dl'], ['en', 'mg%', 'mg/dl'],
    ['en', 'pg/mL', 'pg/ml'], ['en', 'ng/L', 'ng/l'], ['en', 'ng/ml', 'ng/ml'], ['en', 'µg/L', 'ug/l'], ['en', 'mcg/dL', 'ug/dl'],
    ['en', 'ug/dl', 'ug/dl'], ['en', 'μg/dL', 'ug/dl'], ['en', 'pmol/L', 'pmol/l'], ['en', 'nmol/l', 'nmol/l'],
    ['en', 'µmol/L', 'umol/l'], ['en', 'umol/L', 'umol/l'], ['en', 'mcmol/l', 'umol/l'], ['en', 'mmol/L', 'mmol/l'],
    ['en', 'cells/uL', 'per_ul'], ['en', '/mm3', 'per_ul'], ['en', '/µL', 'per_ul'], ['en', 'x10^6/L', 'per_ul'],
    ['en', '×10⁶/L', 'per_ul'], ['en', 'x10^9/L', 'per_nl'], ['en', 'ug/mL', 'ug/ml'],
    ['ru', 'мг/л', 'mg/l'], ['ru', 'г/л', 'g/l'], ['ru', 'мг/дл', 'mg/dl'], ['ru', 'пг/мл', 'pg/ml'], ['ru', 'нг/мл', 'ng/ml'],
    ['ru', 'нг/л', 'ng/l'], ['ru', 'мкг/л', 'ug/l'], ['ru', 'мкг/дл', 'ug/dl'], ['ru', 'пмоль/л', 'pmol/l'],
    ['ru', 'нмоль/л', 'nmol/l'], ['ru', 'мкмоль/л', 'umol/l'], ['ru', 'ммоль/л', 'mmol/l'], ['ru', 'клеток/мкл', 'per_ul'],
    ['ru', 'кл/мкл', 'per_ul'], ['ru', '×10⁶/л', 'per_ul'], ['ru', '×10^9/л', 'per_nl'], ['ru', 'pmol/l', 'pmol/l'],
    ['ru', 'мкг/мл', 'ug/ml'], ['ru', 'µmol/l', 'umol/l'],
  ];
  for (const [lang, spelling, id] of cases) {
    it(`${lang}: "${spelling}" is ${id}`, () => {
      const text = `12,5 ${spelling} (ref)`;
      const m = readUnitAt(text, 4, loadLexicons(lang));
      expect(m?.unit).toBe(id);
      expect(text.slice(m!.start, m!.end)).toBe(spelling);
    });
  }
  it('a unit touching its number is read', () => {
    expect(readUnitAt('48×10^9/л', 2, loadLexicons('ru'))?.unit).toBe('per_nl');
  });
  it('no unit where a word follows', () => {
    expect(readUnitAt('12 mild', 2, loadLexicons('en'))).toBeNull();
  });
});
