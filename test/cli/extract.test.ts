import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/lexicon/load.js';
import { FIELD_NAMES } from '../../src/schema/record.js';

const SAMPLES = join(PACKAGE_ROOT, 'samples');
let dir: string;
let stderr: string;
let stdout: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'myelex-cli-'));
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const jsonl = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('myelex extract', () => {
  it('abstracts the samples folder: one line per report, a summary, exit 0', async () => {
    const out = join(dir, 'out.jsonl');
    expect(await main(['extract', SAMPLES, '--out', out])).toBe(0);
    const lines = jsonl(out);
    expect(lines.length).toBe(10);
    expect(lines.every((l) => 'record' in l && 'findings' in l)).toBe(true);
    expect(stderr).toMatch(/myelex extract: 10 reports, 0 errors, [\d.]+ s/);
    const types = lines.map((l) => (l['record'] as Record<string, unknown>)['report.type']);
    expect(new Set(types)).toEqual(new Set(['mri', 'enmg', 'csf', 'lab', 'note']));
  });
  it('keeps going past a bad input, writes its error line, and exits 1', async () => {
    const bad = join(dir, 'in.jsonl');
    writeFileSync(bad, '{"id":"ok","text":"MRI LUMBAR SPINE. Findings: normal."}\n{"id":"empty","text":""}\n');
    const out = join(dir, 'out.jsonl');
    expect(await main(['extract', bad, join(dir, 'missing.txt'), '--out', out])).toBe(1);
    const lines = jsonl(out);
    expect(lines.map((l) => l['id'])).toEqual(['ok', 'empty', null]);
    expect((lines[1]!['error'] as { code: string }).code).toBe('E_INPUT_NO_TEXT');
    expect((lines[2]!['error'] as { code: string }).code).toBe('E_INPUT_NOT_FOUND');
    expect(stderr).toMatch(/3 reports, 2 errors/);
  });
  it('writes CSV: one row per report, one column per field', async () => {
    const out = join(dir, 'out.csv');
    expect(await main(['extract', join(SAMPLES, 'patient-demo.jsonl'), '--format', 'csv', '--out', out])).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(4);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'patient', 'date', 'error_code', 'error_message', ...FIELD_NAMES]);
    expect(rows[0]!['patient']).toBe('demo-1');
  });
  it('classifies patients in the same run with --patients', async () => {
    const out = join(dir, 'out.jsonl');
    const pats = join(dir, 'patients.jsonl');
    expect(await main(['extract', join(SAMPLES, 'patient-demo.jsonl'), '--out', out, '--patients', pats])).toBe(0);
    const [patient] = jsonl(pats);
    expect(patient!['patient']).toBe('demo-1');
    expect(Array.isArray(patient!['differential'])).toBe(true);
  });
  it('writes JSON Lines to stdout without --out', async () => {
    expect(await main(['extract', join(SAMPLES, 'lab-en.txt'), '--quiet'])).toBe(0);
    expect(JSON.parse(stdout.trim())).toMatchObject({ id: 'lab-en' });
    expect(stderr).toBe('');
  });
  it.each([
    [['extract'], /no input given/],
    [['extract', 'x', '--format', 'xml'], /--format is one of/],
    [['extract', 'x', '--threads', '0'], /positive whole number/],
    [['extract', 'x', '--bogus'], /Unknown option/],
    [['frobnicate'], /unknown command/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(stderr).toMatch(message);
  });
  it('prints help', async () => {
    expect(await main(['extract', '--help'])).toBe(0);
    expect(stdout).toMatch(/Usage: myelex extract INPUT/);
    expect(await main(['--help'])).toBe(0);
    expect(stdout).toMatch(/not a diagnosis/);
  });
});

describe('myelex classify', () => {
  it('reads extract output and writes one line per patient, or a CSV summary', async () => {
    const out = join(dir, 'out.jsonl');
    await main(['extract', join(SAMPLES, 'patient-demo.jsonl'), '--out', out, '--quiet']);
    const pats = join(dir, 'p.jsonl');
    expect(await main(['classify', out, '--out', pats])).toBe(0);
    expect(jsonl(pats).map((p) => p['patient'])).toEqual(['demo-1']);
    const csv = join(dir, 'p.csv');
    expect(await main(['classify', out, '--format', 'csv', '--out', csv])).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^patient,/);
  });
});
