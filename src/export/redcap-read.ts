/**
 * Reads a REDCap import CSV back through the data dictionary alone: the `myelex:` tags of the
 * Field Annotation say what each variable holds; choices decode raw values to their labels (the
 * labels are the JSONL values). Used by the round-trip tests; also useful to re-read a REDCap export
 * in raw format.
 */
import { parse } from 'csv-parse/sync';

export interface RedcapReadBack {
  reports: { id: string; patient: string; date: string | null; warnings: string | null; record: Record<string, unknown> }[];
  patients: { patient: string; reports: string[]; differential: Record<string, string | null>; recommendations: string[] }[];
  errors: { id: string; patient: string; code: string; message: string; line: number | null }[];
}

interface DictField { name: string; form: string; type: string; validation: string; choices: Map<string, string>; tags: Map<string, string> }

function readDictionary(dictionary: string): DictField[] {
  const rows = parse(dictionary, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => {
    const choices = new Map<string, string>();
    for (const part of (r['Choices, Calculations, OR Slider Labels'] ?? '').split('|')) {
      const i = part.indexOf(',');
      if (i > 0) choices.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
    }
    const tags = new Map<string, string>();
    for (const t of (r['Field Annotation'] ?? '').split(/\s+/)) {
      const m = /^myelex:([a-z_]+)(?:=(.*))?$/.exec(t);
      if (m) tags.set(m[1]!, m[2] ?? '');
    }
    return {
      name: r['Variable / Field Name'] ?? '', form: r['Form Name'] ?? '', type: r['Field Type'] ?? '',
      validation: r['Text Validation Type OR Show Slider Number'] ?? '', choices, tags,
    };
  });
}

/** The JSONL value of one variable in one CSV row. */
function decode(f: DictField, row: Record<string, string>): unknown {
  if (f.type === 'checkbox') return [...f.choices].filter(([code]) => row[`${f.name}___${code}`] === '1').map(([, label]) => label);
  const raw = row[f.name] ?? '';
  if (raw === '') return null;
  switch (f.type) {
    case 'yesno': return raw === '1';
    case 'radio': case 'dropdown': {
      const label = f.choices.get(raw);
      if (label === undefined) throw new Error(`${f.name}: ${raw} is not one of its choices`);
      return label;
    }
    default:
      if (f.validation === 'number') return Number(raw);
      if (f.validation === 'integer') return Number.parseInt(raw, 10);
      return raw;
  }
}

export function readRedcapBack(csv: string, dictionary: string): RedcapReadBack {
  const dict = readDictionary(dictionary);
  const byForm = new Map<string, DictField[]>();
  for (const f of dict) byForm.set(f.form, [...(byForm.get(f.form) ?? []), f]);
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const out: RedcapReadBack = { reports: [], patients: [], errors: [] };
  const reportById = new Map<string, RedcapReadBack['reports'][number]>();
  const measurements: { report: string; row: Record<string, unknown> }[] = [];

  for (const row of rows) {
    const rid = row['record_id'] ?? '';
    const instrument = row['redcap_repeat_instrument'] ?? '';
    if (!instrument) {
      const p: RedcapReadBack['patients'][number] = { patient: rid, reports: [], differential: {}, recommendations: [] };
      for (const f of [...(byForm.get('patient') ?? []), ...(byForm.get('differential') ?? [])]) {
        const v = decode(f, row);
        if (f.tags.has('differential')) p.differential[f.tags.get('differential')!] = v as string | null;
        else if (f.tags.has('recommendations')) p.recommendations = v as string[];
        else if (f.tags.get('patient') === 'reports') p.reports = typeof v === 'string' ? v.split('\n') : [];
      }
      out.patients.push(p);
      continue;
    }
    const fields = byForm.get(instrument) ?? [];
    const tagged = (tag: string, value: string) => fields.find((f) => f.tags.get(tag) === value);
    if (fields.some((f) => f.tags.has('measurement'))) {
      const m: Record<string, unknown> = {};
      let report = '';
      for (const f of fields) {
        const key = f.tags.get('measurement');
        if (key === 'report') report = String(decode(f, row) ?? '');
        else if (key) m[key] = decode(f, row);
      }
      measurements.push({ report, row: m });
    } else if (fields.some((f) => f.tags.has('error'))) {
      const g = (k: string) => { const f = tagged('error', k); return f ? decode(f, row) : null; };
      out.errors.push({ id: String(g('id') ?? ''), patient: rid, code: String(g('code') ?? ''), message: String(g('message') ?? ''), line: (g('line') as number | null) ?? null });
    } else {
      const idField = tagged('line', 'id');
      if (!idField) throw new Error(`instrument ${instrument} is not in the dictionary`);
      const type = idField.tags.get('type') ?? '';
      const record: Record<string, unknown> = { 'report.type': type === 'other' ? null : type };
      for (const f of fields) {
        const name = f.tags.get('field');
        if (name) record[name] = decode(f, row);
      }
      if (type === 'enmg') record['enmg.measurements'] = [];
      const dateField = tagged('line', 'date');
      const warnField = tagged('line', 'warnings');
      const rep = {
        id: String(decode(idField, row) ?? ''), patient: rid,
        date: dateField ? (decode(dateField, row) as string | null) : null,
        warnings: warnField ? (decode(warnField, row) as string | null) : null, record,
      };
      out.reports.push(rep);
      reportById.set(rep.id, rep);
    }
  }
  for (const m of measurements) {
    const rep = reportById.get(m.report);
    if (!rep) throw new Error(`measurement of report ${m.report}, which is not in the file`);
    (rep.record['enmg.measurements'] as unknown[]).push(m.row);
  }
  return out;
}
