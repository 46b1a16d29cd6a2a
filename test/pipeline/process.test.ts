import { describe, expect, it } from 'vitest';
import { defineExtractor, statusField } from '../../extractors/define.js';
import { processReport, processReportSafe } from '../../src/pipeline/process.js';
import { RecordLine } from '../../src/schema/output.js';
import { fieldsForType } from '../../src/schema/record.js';

const MRI_EN = 'CITY HOSPITAL\nMRI THORACIC SPINE\nDate of study: 03.02.2024\n\nFindings: No cord signal abnormality.\n\nImpression: Normal study.';
const MRI_RU = 'МРТ грудного отдела позвоночника\nДата: 03.02.2024\n\nОписание: очаговых изменений спинного мозга не выявлено.\n\nЗаключение: норма.';

describe('processReport', () => {
  it.each([MRI_EN, MRI_RU])('gives a valid record line with every field of its type', (text) => {
    const line = processReport({ id: 'r1', patient: 'p1', text });
    expect(RecordLine.safeParse(line).success).toBe(true);
    expect(Object.keys(line.record).sort()).toEqual([...fieldsForType('mri')].sort());
    expect(line.record['report.date']).toBe('2024-02-03');
    expect(line.date).toBe('2024-02-03');
    expect(line.patient).toBe('p1');
  });
  it('spans of every finding point at its text in the original, also after normalization', () => {
    const text = 'МРТ  грудного отдела\r\nДата: 03.02.2024\r\nОписание: сигнал на уровне Тh10–L1.';
    const line = processReport({ id: 'r', text });
    for (const f of line.findings) expect(text.slice(f.span[0], f.span[1])).toBe(f.text);
  });
  it('takes the report type from the input, or from a separate title, before the text', () => {
    const text = 'CC: numbness.\nHX: CSF showed 3 cells; cytosis normal; lumbar puncture done.';
    expect(processReport({ id: 'r', text }).record['report.type']).toBe('csf');
    expect(processReport({ id: 'r', text, title: 'MRI T-spine' }).record['report.type']).toBe('mri');
    expect(processReport({ id: 'r', text, type: 'note' }).record['report.type']).toBe('note');
  });
  it('falls back to the input date when the text has none', () => {
    const line = processReport({ id: 'r', date: '2023-05-06', text: 'MRI LUMBAR SPINE\nFindings: normal.' });
    expect(line.record['report.date']).toBe('2023-05-06');
  });
  it('a crashing extractor leaves a warning naming it, and the report goes on', () => {
    const boom = defineExtractor({
      meta: { id: 'mri/boom', fields: ['mri.hemorrhage'], reportTypes: ['mri'], description: 'throws' },
      extract: () => {
        throw new Error('boom');
      },
    });
    const line = processReport({ id: 'r', text: MRI_EN }, { extractors: [boom] });
    expect(line.warnings).toEqual([{ code: 'E_EXTRACTOR_CRASHED', message: 'mri/boom: boom' }]);
    expect(line.record['mri.hemorrhage']).toBeNull();
    expect(line.record['report.type']).toBe('mri');
  });
  it('a status field follows ConText: affirmed, negated, hedged', () => {
    const extractor = statusField({
      id: 'mri/test-hemorrhage', field: 'mri.hemorrhage', lexicon: 'report/months', reportTypes: ['mri'], description: 't',
    });
    const run = (text: string) => processReport({ id: 'r', text: `MRI SPINE\nFindings: ${text}` }, { extractors: [extractor] }).record['mri.hemorrhage'];
    expect(run('Signal change in March.')).toBe('present');
    expect(run('No signal change in March.')).toBe('absent');
  });
  it('an invalid value from an extractor is dropped with a warning, never written', () => {
    const bad = defineExtractor({
      meta: { id: 'mri/bad', fields: ['mri.cord_lesion_upper'], reportTypes: ['mri'], description: 'bad level' },
      extract: (_doc, ctx) => [ctx.finding({ field: 'mri.cord_lesion_upper', value: 'X99', start: 0, end: 3 })],
    });
    const line = processReport({ id: 'r', text: MRI_EN }, { extractors: [bad] });
    expect(line.record['mri.cord_lesion_upper']).toBeNull();
    expect(line.warnings[0]?.message).toMatch(/mri.cord_lesion_upper/);
  });
});

describe('processReportSafe', () => {
  it.each([
    [{ id: 'e1', text: '   \n ' }, 'E_INPUT_NO_TEXT'],
    [{ id: 'e2' }, 'E_INPUT_LINE_INVALID'],
    [null, 'E_INPUT_LINE_INVALID'],
    [{ id: 'e3', text: 'Η μαγνητική τομογραφία δείχνει βλάβη' }, 'E_LANGUAGE_UNSUPPORTED'],
  ])('%j -> %s', (raw, code) => {
    const line = processReportSafe(raw);
    expect('error' in line && line.error.code).toBe(code);
  });
  it('keeps the id and patient on an error line', () => {
    expect(processReportSafe({ id: 'x', patient: 'p', text: '' })).toMatchObject({ id: 'x', patient: 'p' });
  });
});
