import { describe, expect, it } from 'vitest';
import { classifyRecords } from '../../src/classify/index.js';
import { EXPORT_FORMATS, exportOutput, formatOutput, redcapDictionary, summarizeWarnings, type ExportWarning } from '../../src/export/index.js';
import { FIELD_NAMES } from '../../src/schema/record.js';
import { FIELD_META } from '../../src/export/fields-meta.js';
import { fixtureLines, fixtureTexts } from './helpers.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const lines = fixtureLines();
const patients = classifyRecords(lines);

describe('formatOutput', () => {
  it('lists the formats and refuses jsonl/csv and unknown ones', () => {
    expect(EXPORT_FORMATS).toEqual(['jsonl', 'csv', 'redcap', 'fhir', 'omop']);
    expect(() => formatOutput('jsonl', lines)).toThrow(/written by the CLI/);
    expect(() => formatOutput('xml', lines)).toThrow();
  });

  it.each(['redcap', 'fhir', 'omop'] as const)('%s: never drops the error line silently', (format) => {
    const heard: ExportWarning[] = [];
    const text = formatOutput(format, lines, { patients, texts: fixtureTexts(), onWarning: (w) => heard.push(w) });
    expect(heard.filter((w) => w.code === 'error_line').map((w) => w.id)).toEqual(['fx-en-bad']);
    if (format !== 'omop') expect(text).toContain('E_EMPTY_TEXT');
    expect(summarizeWarnings(heard)).toMatch(/1 error_line/);
  });

  it('warnings carry no report text', () => {
    const texts = fixtureTexts();
    for (const f of ['redcap', 'fhir', 'omop'] as const) {
      for (const w of exportOutput(f, lines, { patients, texts }).warnings) {
        for (const t of texts.values()) if (t) expect(t.includes(w.message)).toBe(false);
      }
    }
  });

  it('fhir is NDJSON, one Bundle per patient', () => {
    const out = formatOutput('fhir', lines, { patients }).trim().split('\n').map((l) => JSON.parse(l) as { resourceType: string });
    expect(out.map((b) => b.resourceType)).toEqual(['Bundle', 'Bundle']);
  });

  it('redcapDictionary is re-exported', () => {
    expect(redcapDictionary().split('\n')[1]).toMatch(/^record_id,patient,/);
  });
});

describe('field metadata', () => {
  it('covers every record field', () => {
    expect(Object.keys(FIELD_META).sort()).toEqual([...FIELD_NAMES].sort());
  });
  const spec = join(import.meta.dirname, '../../../shared/spec/fields.json');
  it.skipIf(!existsSync(spec))(`agrees with fields.json on kinds, choices and units${existsSync(spec) ? '' : ' [skipped: ../shared/spec/fields.json not present]'}`, () => {
    const fields = (JSON.parse(readFileSync(spec, 'utf8')) as { fields: { name: string; type: string; values?: string[]; unit?: string }[] }).fields;
    expect(fields.map((f) => f.name).sort()).toEqual([...FIELD_NAMES].sort());
    const kind: Record<string, string> = { status: 'enum', level: 'enum', enum: 'enum', set: 'set', set_levels: 'set', number: 'number', integer: 'integer', boolean: 'boolean', date: 'date', measurements: 'measurements' };
    for (const f of fields) {
      const m = FIELD_META[f.name as keyof typeof FIELD_META];
      expect(m.kind, f.name).toBe(kind[f.type]);
      if (f.values) expect(m.choices, f.name).toEqual(f.values);
      if (f.unit) expect(m.unit?.text, f.name).toBe(f.unit);
    }
  });
});
