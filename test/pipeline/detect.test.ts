import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { detectLanguage, detectReportType } from '../../src/pipeline/detect.js';

describe('detectLanguage', () => {
  it.each([
    ['MRI of the thoracic spine: T2 hyperintensity at Th10.', 'en'],
    ['МРТ грудного отдела: гиперинтенсивный на T2 STIR сигнал на уровне Th10-Th12, n. peroneus.', 'ru'],
    ['Η μαγνητική τομογραφία δείχνει βλάβη', null],
    ['12.03.2024 1.5', null],
  ])('%s -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

const cases: Array<[string, 'en' | 'ru', string]> = [
  ['CITY HOSPITAL\nMRI LUMBAR SPINE\nFindings: normal.', 'en', 'mri'],
  ['NEUROPHYSIOLOGY DEPARTMENT\nNerve conduction study\nPeroneal CMAP 2.1 mV.', 'en', 'enmg'],
  ['LABORATORY\nCEREBROSPINAL FLUID ANALYSIS\nProtein 0.4 g/l, cytosis 3/3.', 'en', 'csf'],
  ['BLOOD SCIENCES\nVitamin B12 300 pmol/l\nFolate 12 nmol/l', 'en', 'lab'],
  ['NEUROLOGY CONSULTATION\nComplaints: leg weakness. MRI of the spine showed a T2 lesion on sagittal STIR images.', 'en', 'note'],
  ['Outpatient note - seen 2023-05-02.\nAML, treated with IV cytarabine only. Plan: ENMG, B12/copper levels.', 'en', 'note'],
  ['Отделение лучевой диагностики\nМРТ шейного отдела позвоночника\nЗаключение: норма.', 'ru', 'mri'],
  ['Электронейромиография нижних конечностей\nАмплитуда М-ответа 2,1 мВ', 'ru', 'enmg'],
  ['Исследование ликвора\nЦитоз 3/3, белок 0,3 г/л', 'ru', 'csf'],
  ['Клинико-диагностическая лаборатория\nВитамин B12 300 пмоль/л', 'ru', 'lab'],
  ['Консультация невролога\nЖалобы на слабость. По МРТ: гиперинтенсивный сигнал в сагиттальной плоскости.', 'ru', 'note'],
  ['Запись невролога 03.03.2022\nС 15 февраля отмечает онемение стоп.', 'ru', 'note'],
  // Blood and CSF in one report is lab; a line ending in a count ("цитоз 5/3.") is no title.
  ['Результаты обследования 03.03.2023\nКровь: онконевральные антитела не обнаружены.\nКровь: витамин В12 — 412 пмоль/л.\nЛиквор: белок 0,52 г/л, цитоз 5/3.', 'ru', 'lab'],
];

describe('detectReportType', () => {
  it.each(cases)('%s', (text, lang, type) => {
    expect(detectReportType(text, loadLexicons(lang))).toBe(type);
  });
  it('is null without any cue', () => {
    expect(detectReportType('Hello world.', loadLexicons('en'))).toBeNull();
  });
});
