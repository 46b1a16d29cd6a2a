import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyPatient, classifyRecords, parseOutputJsonl, PatientLine, summaryCsv, SUMMARY_COLUMNS,
} from '../../src/classify/index.js';
import type { OutputLine, RecordLine } from '../../src/schema/output.js';
import { caseLine } from './case-helpers.js';
import type { CaseReport } from './case-helpers.js';
import { CORPUS, goldPatients, goldRecordLines } from './gold-helpers.js';

const lines = (reports: CaseReport[], patient = 'p1'): RecordLine[] => reports.map((r) => caseLine(r, patient));
const statusOf = (p: PatientLine, etiology: string) => p.differential.find((d) => d.etiology === etiology)?.status;
const codes = (p: PatientLine) => p.recommendations.map((r) => r.code);

describe("the article's own case (patient seed, dev-en)", () => {
  const dir = join(CORPUS, 'dev-en');
  const seedLines = goldRecordLines(dir).filter((l) => l.patient === 'seed');
  const seed = classifyPatient(seedLines);

  it('gives the statuses of the last section of differential.md', () => {
    expect(statusOf(seed, 'toxic_intrathecal')).toBe('supported');
    expect(statusOf(seed, 'dysmetabolic')).toBe('supported');
    expect(statusOf(seed, 'neuroleukemia')).toBe('possible');
    expect(statusOf(seed, 'paraneoplastic')).toBe('unlikely');
    expect(statusOf(seed, 'polyradiculoneuropathy')).toBe('supported');
  });

  it('recommends exactly check_folate_homocysteine and enmg_mep', () => {
    expect(codes(seed).sort()).toEqual(['check_folate_homocysteine', 'enmg_mep']);
  });

  it('agrees with the gold patient line on all nine etiologies, in any input order', () => {
    const gold = goldPatients(dir).find((g) => g.patient === 'seed')!;
    const reversed = classifyPatient([...seedLines].reverse());
    for (const p of [seed, reversed]) {
      expect(Object.fromEntries(p.differential.map((d) => [d.etiology, d.status]))).toEqual(gold.differential);
    }
    expect(reversed.reports).toEqual(seed.reports);
  });

  it('is a valid PatientLine whose evidence names reports, dates, fields and values', () => {
    expect(PatientLine.parse(seed)).toEqual(seed);
    const folate = seed.differential.find((d) => d.etiology === 'dysmetabolic')!.evidence;
    expect(folate).toContainEqual(expect.objectContaining({
      report: 'den-seed-lab', date: '2019-06-06', field: 'lab.folate_nmol_l', value: 5.2, role: 'strong',
    }));
    for (const d of seed.differential) {
      if (d.status === 'insufficient_data') expect(d.evidence).toEqual([]);
      else expect(d.evidence.length).toBeGreaterThan(0);
    }
    for (const r of seed.recommendations) expect(r.evidence.length).toBeGreaterThan(0);
  });
});

describe('time rules', () => {
  const onset = (date: string) => ({ id: 'n1', date: '2021-03-12', 'note.symptom_onset_date': date });
  const mri = (id: string, date: string, lesion: string, region = 'thoracic') =>
    ({ id, date, 'mri.region': [region], 'mri.cord_lesion': lesion, 'mri.field_strength_t': 1.5, 'mri.sequences': ['t2', 'stir'] });

  it('repeat_mri_6w fires for a negative spinal MRI less than 42 days after onset', () => {
    const p = classifyPatient(lines([onset('2021-03-01'), mri('m1', '2021-04-11', 'absent')]));
    expect(codes(p)).toContain('repeat_mri_6w');
    const r = p.recommendations.find((x) => x.code === 'repeat_mri_6w')!;
    expect(r.why).toContain('41 days');
    expect(r.evidence.map((e) => e.field)).toEqual(['note.symptom_onset_date', 'mri.cord_lesion']);
  });

  it('repeat_mri_6w does not fire at 42 days, nor before onset', () => {
    expect(codes(classifyPatient(lines([onset('2021-03-01'), mri('m1', '2021-04-12', 'absent')])))).not.toContain('repeat_mri_6w');
    expect(codes(classifyPatient(lines([onset('2021-03-01'), mri('m1', '2021-02-20', 'absent')])))).not.toContain('repeat_mri_6w');
  });

  it('repeat_mri_6w looks at the latest dated spinal MRI only (brain MRIs do not count)', () => {
    const early = mri('m1', '2021-03-10', 'absent');
    expect(codes(classifyPatient(lines([mri('m2', '2021-05-20', 'absent'), onset('2021-03-01'), early])))).not.toContain('repeat_mri_6w');
    expect(codes(classifyPatient(lines([mri('m2', '2021-04-01', 'present'), onset('2021-03-01'), early])))).not.toContain('repeat_mri_6w');
    expect(codes(classifyPatient(lines([mri('b1', '2021-05-20', 'absent', 'brain'), onset('2021-03-01'), early])))).toContain('repeat_mri_6w');
    expect(codes(classifyPatient(lines([mri('m1', '2021-03-10', 'absent')])))).not.toContain('repeat_mri_6w');
  });

  it('sorts by report.date, else the line date', () => {
    const a = caseLine({ id: 'a', 'note.radiation': 'absent' }, 'p1');
    a.date = '2020-01-05';
    const b = caseLine({ id: 'b', date: '2020-01-03', 'note.radiation': 'absent' }, 'p1');
    b.date = '2020-02-01'; // record's report.date (2020-01-03) wins over the line date
    const c = caseLine({ id: 'c', 'note.radiation': 'absent' }, 'p1');
    const p = classifyPatient([c, a, b]);
    expect(p.reports).toEqual(['b', 'a', 'c']);
    expect(p.warnings.map((w) => w.code)).toEqual(['undated_report']);
  });

  it('a newer blast-free CSF does not erase an older CSF with blasts', () => {
    const reports: CaseReport[] = [
      { id: 'c1', date: '2021-01-01', 'csf.blasts': 'present' },
      { id: 'c2', date: '2021-03-01', 'csf.blasts': 'absent' },
      { id: 'c3', date: '2021-05-01', 'csf.blasts': 'absent' },
    ];
    const p = classifyPatient(lines(reports));
    const d = p.differential.find((x) => x.etiology === 'neuroleukemia')!;
    expect(d.status).toBe('possible');
    expect(d.evidence.map((e) => `${e.report}:${e.value}`)).toEqual(['c1:present', 'c2:absent', 'c3:absent']);
    // with a single newer blast-free CSF, the table's "against" (two or more) does not hold
    expect(statusOf(classifyPatient(lines(reports.slice(0, 2))), 'neuroleukemia')).toBe('supported');
  });
});

describe('evidence', () => {
  it('carries span and text from the matching Finding', () => {
    const line = caseLine({ id: 'l1', date: '2022-01-01', 'lab.b12_pmol_l': 98 }, 'p1');
    line.findings = [
      { field: 'lab.folate_nmol_l', value: 20, assertion: 'affirmed', section: 'body', span: [0, 10], text: 'folate 20', ruleId: 'r' },
      { field: 'lab.b12_pmol_l', value: 98, assertion: 'affirmed', section: 'body', span: [12, 24], text: 'B12 98 pmol/l', ruleId: 'r' },
    ];
    const p = classifyPatient([line]);
    const ev = p.differential.find((d) => d.etiology === 'dysmetabolic')!.evidence;
    expect(ev).toEqual([{
      report: 'l1', date: '2022-01-01', field: 'lab.b12_pmol_l', value: 98, span: [12, 24], text: 'B12 98 pmol/l',
      criterion: 'b12_low', role: 'strong',
    }]);
  });
});

describe('recommendations', () => {
  it('mri_protocol fires below 1.5 T or without STIR/T2 FatSat, not when sequences are unstated', () => {
    const m = (extra: Record<string, unknown>) => classifyPatient(lines([{ id: 'm1', date: '2021-01-01', 'mri.region': ['lumbar'], ...extra }]));
    expect(codes(m({ 'mri.field_strength_t': 1.0 }))).toContain('mri_protocol');
    expect(codes(m({ 'mri.field_strength_t': 3, 'mri.sequences': ['t1', 't2'] }))).toContain('mri_protocol');
    expect(codes(m({ 'mri.field_strength_t': 3, 'mri.sequences': ['t1', 'stir'] }))).toContain('mri_protocol');
    expect(codes(m({ 'mri.field_strength_t': 1.5, 'mri.sequences': ['t2', 't2_fatsat'] }))).not.toContain('mri_protocol');
    expect(codes(m({ 'mri.field_strength_t': 1.5 }))).not.toContain('mri_protocol');
    expect(codes(classifyPatient(lines([{ id: 'b', date: '2021-01-01', 'mri.region': ['brain'], 'mri.field_strength_t': 1 }])))).not.toContain('mri_protocol');
  });

  it('methotrexate checks, lumbar puncture and panel follow what is on record', () => {
    const mtx = { id: 'n1', date: '2021-01-01', 'note.intrathecal_chemo': 'present', 'note.intrathecal_agents': ['methotrexate'] };
    expect(codes(classifyPatient(lines([mtx])))).toEqual(['check_b12', 'check_folate_homocysteine', 'lumbar_puncture', 'paraneoplastic_panel']);
    const labs = { id: 'l1', date: '2021-01-02', 'lab.b12_pmol_l': 300, 'lab.folate_nmol_l': 20, 'lab.homocysteine_umol_l': 9, 'csf.blasts': 'absent', 'report.type': 'lab', 'lab.paraneoplastic_antibodies': 'absent' };
    expect(codes(classifyPatient(lines([mtx, labs])))).toEqual([]);
    const cytarabine = { ...mtx, 'note.intrathecal_agents': ['cytarabine'] };
    expect(codes(classifyPatient(lines([cytarabine, { ...labs, 'lab.paraneoplastic_antibodies': 'uncertain' }])))).toEqual(['paraneoplastic_panel']);
  });

  it('a CSF report with no values still counts as a CSF on record, but not as a bland CSF', () => {
    const empty = caseLine({ id: 'c1', date: '2021-01-01', 'report.type': 'csf' }, 'p1');
    const tract = caseLine({ id: 'm1', date: '2021-01-02', 'mri.region': ['cervical'], 'mri.cord_lesion': 'present', 'mri.cord_lesion_tract_specific': true }, 'p1');
    const p = classifyPatient([empty, tract]);
    expect(codes(p)).not.toContain('lumbar_puncture');
    expect(statusOf(p, 'dysmetabolic')).toBe('possible');
  });

  it('enmg_mep needs a lesion, an ENMG, and no MEP anywhere', () => {
    const lesion = { id: 'm1', date: '2021-01-01', 'mri.region': ['thoracic'], 'mri.cord_lesion': 'present' };
    const enmg = { id: 'e1', date: '2021-01-05', 'enmg.polyneuropathy': 'absent' };
    expect(codes(classifyPatient(lines([lesion, enmg])))).toContain('enmg_mep');
    expect(codes(classifyPatient(lines([lesion])))).not.toContain('enmg_mep');
    const mep = { id: 'e2', date: '2021-02-05', 'enmg.measurements': [{ nerve: null, side: 'left', study: 'mep', param: 'central_conduction_time', value: 9, value_max: null, unit: 'ms' }] };
    expect(codes(classifyPatient(lines([lesion, enmg, mep])))).not.toContain('enmg_mep');
    expect(codes(classifyPatient(lines([lesion, { ...enmg, 'enmg.central_conduction': 'normal' }])))).not.toContain('enmg_mep');
  });
});

describe('classifyRecords, errors and the CSV summary', () => {
  const input: OutputLine[] = [
    ...lines([{ id: 'a1', date: '2021-01-01', 'csf.blasts': 'present' }], 'p1'),
    caseLine({ id: 'x1', date: '2021-01-01', 'lab.paraneoplastic_antibodies': 'present' }, 'unused'),
    { id: 'bad', patient: 'p1', error: { code: 'unreadable_pdf', message: 'no text layer' } },
    ...lines([{ id: 'a2', date: '2020-01-01', 'note.radiation': 'absent' }], 'p1'),
  ];
  (input[1] as RecordLine).patient = null;

  it('groups by patient; a report without patient is a patient of its own, keyed by its id', () => {
    const out = classifyRecords(input);
    expect(out.map((p) => p.patient)).toEqual(['p1', 'x1']);
    expect(out[0]!.reports).toEqual(['a2', 'a1']);
    expect(statusOf(out[0]!, 'neuroleukemia')).toBe('supported');
    expect(statusOf(out[1]!, 'paraneoplastic')).toBe('supported');
  });

  it('skips error lines and reports them as warnings', () => {
    const p1 = classifyRecords(input)[0]!;
    expect(p1.warnings).toEqual([{ code: 'skipped_error_line', message: expect.stringContaining('bad') }]);
    expect(p1.reports).not.toContain('bad');
  });

  it('reads JSONL leniently and turns bad lines into error lines', () => {
    const text = [
      JSON.stringify({ id: 'g1', patient: 'p9', record: { 'report.type': 'csf', 'csf.blasts': 'absent' } }),
      '{not json',
      JSON.stringify({ id: 'g2', patient: 'p9', record: { 'mri.cord_lesion': 'maybe' } }),
      '',
    ].join('\n');
    const parsed = parseOutputJsonl(text);
    expect(parsed).toHaveLength(3);
    const out = classifyRecords(parsed);
    expect(out.map((p) => p.patient)).toEqual(['p9', '(unknown)']);
    expect(out[0]!.warnings.map((w) => w.code)).toEqual(['skipped_error_line', 'undated_report']);
    expect(out[0]!.reports).toEqual(['g1']);
  });

  it('writes one CSV row per patient, one column per etiology plus recommendations', () => {
    const csv = summaryCsv(classifyRecords(input)).trim().split('\n');
    expect(csv[0]).toBe(SUMMARY_COLUMNS.join(','));
    expect(csv).toHaveLength(3);
    expect(csv[1]!.split(',')).toHaveLength(SUMMARY_COLUMNS.length);
    expect(csv[1]!.startsWith('p1,insufficient_data,supported,')).toBe(true);
  });
});
