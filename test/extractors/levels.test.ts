import { describe, expect, it } from 'vitest';
import {
  expandRange, findLevelRanges, findLevels, levelOrdinal, parseLevel, parseLevelRange, parseRootLevel,
  segmentCount, spanOfRanges,
} from '../../extractors/common/levels.js';
import { normalizeText } from '../../src/text/normalize.js';

const norm = (s: string): string => normalizeText(s).norm;
const ranges = (s: string) => findLevelRanges(norm(s)).map((r) => `${r.upper}-${r.lower}`);
const levels = (s: string) => findLevels(norm(s)).map((l) => l.level);

describe('parseLevel', () => {
  it.each([
    ['C5', 'C5'], ['Th10', 'T10'], ['T10', 'T10'], ['D10', 'T10'], ['Т10', 'T10'], ['Тh12', 'T12'],
    ['L3', 'L3'], ['S1', 'S1'], ['th 11', 'T11'], ['Д7', 'T7'], ['С4', 'C4'],
  ])('%s → %s', (token, level) => expect(parseLevel(token)).toBe(level));

  it.each(['C8', 'T13', 'L6', 'S6', 'X5', 'T0', 'weighted'])('%s is no vertebral level', (token) => {
    expect(parseLevel(token)).toBeNull();
  });

  it('C8 is a root level', () => {
    expect(parseRootLevel('C8')).toBe('C8');
    expect(parseRootLevel('L5')).toBe('L5');
    expect(parseRootLevel('C9')).toBeNull();
  });
});

describe('ordinals and segments', () => {
  it('orders levels cranio-caudally', () => {
    expect(levelOrdinal('C1')).toBe(0);
    expect(levelOrdinal('T1')).toBeGreaterThan(levelOrdinal('C7'));
    expect(levelOrdinal('L1')).toBeGreaterThan(levelOrdinal('T12'));
    expect(levelOrdinal('X1')).toBe(-1);
  });
  it('counts both ends', () => {
    expect(segmentCount('T10', 'L3')).toBe(6);
    expect(segmentCount('C2', 'C4')).toBe(3);
    expect(segmentCount('T5', 'T5')).toBe(1);
    expect(segmentCount('L3', 'T10')).toBe(6);
    expect(expandRange('T11', 'L1')).toEqual(['T11', 'T12', 'L1']);
    expect(spanOfRanges([{ upper: 'T11', lower: 'T12' }, { upper: 'T9', lower: 'T10' }])).toEqual({ upper: 'T9', lower: 'T12' });
  });
});

describe('findLevelRanges', () => {
  it.each([
    ['signal change Th10-L3', ['T10-L3']],
    ['signal change T10–L3', ['T10-L3']],
    ['from T10 to L3', ['T10-L3']],
    ['extending from T10 to the L3 vertebra', ['T10-L3']],
    ['from the upper border of the scan (Th10) to the L3 vertebra', ['T10-L3']],
    ['на уровне тел Th11–L1', ['T11-L1']],
    ['на уровне Th11-12', ['T11-T12']],
    ['очаг от Th10 до L3', ['T10-L3']],
    ['на протяжении Th9-Th12', ['T9-T12']],
    ['C2–C4 segments', ['C2-C4']],
    ['axial T2 L1-S1', ['L1-S1']],
    ['с Т8 по Т11', ['T8-T11']],
    ['lesion at D10', ['T10-T10']],
    ['disc bulges at C5-6 and C6-7', ['C5-C6', 'C6-C7']],
    ['written backwards L1-T11', ['T11-L1']],
    ['protrusion 3-4 mm at L4-5', ['L4-L5']],
    ['C7/T1 level', ['C7-T1']],
    ['на уровне тел 4-7 грудных позвонков', ['T4-T7']],
    ['тело 12 грудного позвонка', ['T12-T12']],
    ['from T4 through T7', ['T4-T7']],
  ])('%s', (text, expected) => expect(ranges(text)).toEqual(expected));

  it('a measure after a dash is not a level', () => {
    expect(ranges('T10-2 mm')).toEqual(['T10-T10']);
  });

  it('keeps offsets into the string', () => {
    const text = 'Lesion from Th10 to L3.';
    const [r] = findLevelRanges(text);
    expect(text.slice(r!.start, r!.end)).toBe('from Th10 to L3');
  });

  it('parses one range', () => {
    expect(parseLevelRange('Th11-12')).toEqual({ upper: 'T11', lower: 'T12' });
    expect(parseLevelRange('от Th10 до L3')).toEqual({ upper: 'T10', lower: 'L3' });
    expect(parseLevelRange('C5')).toEqual({ upper: 'C5', lower: 'C5' });
    expect(parseLevelRange('T2-weighted')).toBeNull();
  });

  it('root ranges allow C8', () => {
    expect(findLevelRanges('radiculopathy C7-C8', 0, 19, { roots: true }).map((r) => `${r.upper}-${r.lower}`)).toEqual(['C7-C8']);
    expect(findLevelRanges('radiculopathy L5-S1', 0, 19, { roots: true }).map((r) => `${r.upper}-${r.lower}`)).toEqual(['L5-S1']);
  });
});

describe('sequences are not levels', () => {
  it.each([
    'T2-weighted images', 'T2 weighted', 'T2 WI', 'T1 post-contrast', 'T2-ВИ', 'Т1 ВИ', 'Т2-ВИ', 'T1 FS', 'T2*',
    'T2 hyperintense focus', 'hyperintense on T2', 'в режиме T2', 'sagittal T1 and T2', 'STIR/T2', 'T1+C',
    'T1 and T2 weighted images', 'гиперинтенсивный на Т2', 'сагиттальные Т1, Т2', 'T2 signal', 'T1 TSE',
  ])('%s', (text) => expect(levels(text)).toEqual([]));

  it.each([
    ['at the T2 level', ['T2']],
    ['T1 vertebral body', ['T1']],
    ['from C7 to T2', ['C7', 'T2']],
    ['на уровне Т2', ['T2']],
    ['тело Т1 позвонка', ['T1']],
    ['T2 hyperintense lesion at T1-T3', ['T1', 'T3']],
  ])('%s is a level', (text, expected) => expect(levels(text)).toEqual(expected));
});
