import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { classifyRecords } from '../../src/classify/index.js';
import { readRedcapBack, recordsToRedcap, redcapDictionary } from '../../src/export/redcap.js';
import { isErrorLine, type OutputLine, type RecordLine } from '../../src/schema/output.js';
import { FIELD_NAMES } from '../../src/schema/record.js';
import { canonical, CORPORA, corpusLines, corpusPresent, filledRecord, corpusTitle, fixtureLines } from './helpers.js';

const VAR = /^[a-z][a-z0-9_]*$/;

/** Compares every field of every record line with what the REDCap CSV reads back; returns counts. */
function roundTrip(lines: OutputLine[]) {
  const patients = classifyRecords(lines);
  const dict = redcapDictionary();
  const back = readRedcapBack(recordsToRedcap(lines, patients), dict);
  const byId = new Map(back.reports.map((r) => [r.id, r]));
  let compared = 0;
  const diffs: string[] = [];
  for (const l of lines.filter((x): x is RecordLine => !isErrorLine(x))) {
    const got = byId.get(l.id);
    if (!got) { diffs.push(`${l.id}: missing`); continue; }
    if (got.date !== l.date) diffs.push(`${l.id}: line date`);
    const want = filledRecord(l);
    expect(Object.keys(got.record).sort()).toEqual(Object.keys(want).sort());
    for (const [f, v] of Object.entries(want)) {
      compared++;
      if (JSON.stringify(canonical(got.record[f])) !== JSON.stringify(canonical(v))) diffs.push(`${l.id} ${f}: ${JSON.stringify(v)} -> ${JSON.stringify(got.record[f])}`);
    }
  }
  for (const p of patients) {
    const got = back.patients.find((x) => x.patient === p.patient);
    for (const d of p.differential) {
      compared++;
      if (got?.differential[d.etiology] !== d.status) diffs.push(`${p.patient} ${d.etiology}`);
    }
    compared++;
    if (JSON.stringify(got?.recommendations) !== JSON.stringify(p.recommendations.map((r) => r.code))) diffs.push(`${p.patient} recommendations`);
  }
  return { compared, diffs, back, reports: lines.length };
}

describe('REDCap data dictionary', () => {
  const rows = parse(redcapDictionary(), { columns: true }) as Record<string, string>[];
  const names = rows.map((r) => r['Variable / Field Name'] ?? '');

  it('has valid, unique variable names, record_id first, English labels', () => {
    expect(names[0]).toBe('record_id');
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) { expect(n).toMatch(VAR); expect(n.length).toBeLessThanOrEqual(100); expect(n).not.toMatch(/___/); }
    for (const r of rows) expect(r['Field Label']).toMatch(/^[\x20-\x7e]+$/);
  });

  it('carries every record field, choices for every enum, checkboxes with valid codes for sets', () => {
    const tagged = new Set(rows.flatMap((r) => /myelex:field=(\S+)/.exec(r['Field Annotation'] ?? '')?.[1] ?? []));
    for (const f of FIELD_NAMES) if (f !== 'report.type' && f !== 'enmg.measurements') expect(tagged, f).toContain(f);
    expect(names).toContain('meas_value');
    for (const r of rows) {
      const type = r['Field Type'];
      const ch = r['Choices, Calculations, OR Slider Labels'] ?? '';
      if (type === 'radio' || type === 'dropdown' || type === 'checkbox') {
        expect(ch, r['Variable / Field Name']).not.toBe('');
        for (const part of ch.split(' | ')) expect(part.split(', ')[0]).toMatch(/^[a-z0-9_]+$/);
      }
    }
    const forms = new Set(rows.map((r) => r['Form Name']));
    for (const f of ['patient', 'differential', 'mri_report', 'enmg_report', 'csf_report', 'lab_report', 'note_report', 'enmg_measurement', 'report_error']) expect(forms).toContain(f);
  });
});

describe('REDCap import CSV (fixtures, English and Russian)', () => {
  const lines = fixtureLines();

  it('reads back equal for every field, and keeps the error line as a report_error instance', () => {
    const r = roundTrip(lines);
    expect(r.diffs).toEqual([]);
    expect(r.compared).toBeGreaterThan(40);
    expect(r.back.errors).toEqual([{ id: 'fx-en-bad', patient: 'fx-p2', code: 'E_EMPTY_TEXT', message: 'the report text is empty', line: null }]);
    const enmg = r.back.reports.find((x) => x.id === 'fx-ru-enmg');
    expect((enmg?.record['enmg.measurements'] as unknown[]).length).toBe(5);
    expect(r.back.reports.find((x) => x.id === 'fx-en-note')?.warnings).toContain('fixture_warning');
  });

  it('writes repeating instruments with instances per patient, checkbox columns as field___code', () => {
    const rows = parse(recordsToRedcap(lines, classifyRecords(lines)), { columns: true }) as Record<string, string>[];
    const p2 = rows.filter((r) => r['record_id'] === 'fx-p2');
    expect(p2.map((r) => [r['redcap_repeat_instrument'], r['redcap_repeat_instance']])).toEqual([
      ['', ''], ['enmg_report', '1'], ...[1, 2, 3, 4, 5].map((i) => ['enmg_measurement', String(i)]), ['csf_report', '1'], ['report_error', '1'],
    ]);
    const enmg = p2[1]!;
    expect(enmg['enmg_radiculopathy_levels___l5']).toBe('1');
    expect(enmg['enmg_radiculopathy_levels___c8']).toBe('0');
    expect(p2[0]!['dx_neuroleukemia']).toMatch(/^(supported|possible|unlikely|insufficient_data)$/);
  });

  it('an error line with neither patient nor id is still written (record "unknown")', () => {
    const csv = recordsToRedcap([{ id: null, error: { code: 'E_JSON', message: 'malformed line', line: 3 } }]);
    const back = readRedcapBack(csv, redcapDictionary());
    expect(back.errors).toEqual([{ id: '', patient: 'unknown', code: 'E_JSON', message: 'malformed line', line: 3 }]);
  });

  it('a report of unknown type goes to other_report', () => {
    const l: RecordLine = { id: 'x1', patient: null, date: null, record: { 'report.type': null, 'report.language': 'ru', 'report.date': null }, findings: [], warnings: [] };
    const back = readRedcapBack(recordsToRedcap([l]), redcapDictionary());
    expect(back.reports[0]?.record).toEqual({ 'report.type': null, 'report.language': 'ru', 'report.date': null });
  });
});

describe.each(CORPORA)('REDCap round trip on %s', (name) => {
  it.skipIf(!corpusPresent(name))(corpusTitle(name, 'every field of every record reads back equal'), () => {
    const { lines } = corpusLines(name);
    const withError: OutputLine[] = [...lines, { id: `${name}-failed`, patient: lines[0]?.patient ?? null, error: { code: 'E_TIMEOUT', message: 'time limit' } }];
    const r = roundTrip(withError);
    expect(r.diffs).toEqual([]);
    expect(r.back.reports.length).toBe(lines.length);
    expect(r.back.errors.length).toBe(1);
    console.log(`redcap round trip ${name}: ${lines.length} reports, ${r.compared} values compared, ${r.diffs.length} differences`);
  });
});
