import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { loadLexicons, type LexiconSet } from '../../src/lexicon/load.js';
import { LexiconFile } from '../../src/schema/lexicon.js';
import { findDates } from '../../src/text/dates.js';
import { normalizeText } from '../../src/text/normalize.js';

const isoOf = (lang: 'en' | 'ru', text: string) => findDates(normalizeText(text).norm, loadLexicons(lang)).map((d) => d.iso);

// The month-name patterns run only where the months lexicon, or a place the text index cannot
// see, shows a month name may begin: these are the places a word start does not show.
describe('findDates: month names wherever the patterns take them', () => {
  it('in figures, with no month name in the text', () => {
    expect(isoOf('en', 'MRI 2019-04-03: a 5mm lesion at T2, seen 12.03.2019.')).toEqual(['2019-04-03', '2019-03-12']);
    expect(isoOf('ru', 'МРТ от 12.03.2019: очаг 5мм на уровне Th2.')).toEqual(['2019-03-12']);
  });
  it('month names at word starts, English and Russian', () => {
    expect(isoOf('en', 'Seen 24 April 2019 and on June 22, 2019; onset March 2019.')).toEqual(['2019-04-24', '2019-06-22', '2019-03']);
    expect(isoOf('ru', 'Осмотр 5 декабря 2019 г., ухудшение с марта 2019.')).toEqual(['2019-12-05', '2019-03']);
  });
  it('a month name right after a number, which is no word start', () => {
    expect(isoOf('en', 'Visit no. 5March 24, 2019.')).toEqual(['2019-03-24']);
    // a number outside ASCII (U+00B2) before "March 2019"
    expect(isoOf('en', 'Ref \u00b2March 2019.')).toEqual(['2019-03']);
  });
  it('a month name behind a unit the index does not fold ("ſ" is s under flag iu)', () => {
    expect(isoOf('en', 'Onset \u017Feptember 2019.')).toEqual(['2019-09']);
  });
  it('no date in a month name that a letter or digit joins before', () => {
    expect(isoOf('en', 'RefXJune 22, 2019; ref XJune 2019.')).toEqual([]);
    expect(isoOf('ru', 'Шифр 125марта 2019.')).toEqual([]);
  });
  it('every place, when a month name of the lexicon begins outside ASCII and basic Cyrillic', () => {
    const en = loadLexicons('en');
    const months = compileLexicon('report/months', LexiconFile.parse({ concept: 'months', lang: 'en', values: { '12': ['\u00e9dec'] } }));
    const lex: LexiconSet = { lang: 'en', get: (id) => (id === 'report/months' ? months : en.get(id)), has: (id) => en.has(id), ids: () => en.ids() };
    expect(findDates(normalizeText('Visit 5\u00c9dec 24, 2019.').norm, lex).map((d) => d.iso)).toEqual(['2019-12-24']);
  });
});
