import type { RecordLine } from '../schema/output.js';
import type { Finding } from '../schema/evidence.js';
import type { EvidenceItem } from '../schema/patient.js';

/** One report of a patient, as the classifier sees it. */
export interface Entry {
  readonly line: RecordLine;
  readonly id: string;
  /** record['report.date'], else the line's date; null when neither is known. */
  readonly date: string | null;
  readonly type: string | null;
}

const SPINAL_REGIONS = ['cervical', 'thoracic', 'lumbar', 'sacral'];

const isStated = (v: unknown): boolean => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The Finding behind a field value: same field and value, else same field holding the value, else same field. */
function findingFor(findings: readonly Finding[], field: string, value: unknown): Finding | undefined {
  const ofField = findings.filter((f) => f.field === field);
  return ofField.find((f) => sameValue(f.value, value))
    ?? ofField.find((f) => Array.isArray(f.value) && f.value.some((x) => sameValue(x, value)))
    ?? ofField.find((f) => Array.isArray(value) && value.some((x) => sameValue(x, f.value)))
    ?? ofField[0];
}

/** Date of a record line: the record's report.date, else the line's date. */
export function lineDate(line: RecordLine): string | null {
  const d = (line.record as Record<string, unknown>)['report.date'];
  if (typeof d === 'string' && d) return d;
  return line.date ?? null;
}

/** Whole days from a to b (ISO dates); null when either does not parse. */
export function daysBetween(a: string, b: string): number | null {
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.round((tb - ta) / 86_400_000);
}

/**
 * A patient's record lines in date order (undated last, input order kept among equals),
 * with the words of differential.md as small queries. Absent fields read as null.
 */
export class PatientView {
  readonly entries: readonly Entry[];

  constructor(lines: readonly RecordLine[]) {
    const entries = lines.map((line, order) => ({
      order,
      entry: { line, id: line.id, date: lineDate(line), type: typeOf(line) } satisfies Entry,
    }));
    entries.sort((x, y) => {
      const a = x.entry.date, b = y.entry.date;
      if (a !== b) {
        if (a === null) return 1;
        if (b === null) return -1;
        return a < b ? -1 : 1;
      }
      return x.order - y.order;
    });
    this.entries = entries.map((x) => x.entry);
  }

  /** A field's value; undefined reads as null. */
  value(e: Entry, field: string): unknown {
    const v = (e.line.record as Record<string, unknown>)[field];
    return v === undefined ? null : v;
  }

  /** A field's value as a string list (a set field; a scalar becomes a one-element list). */
  list(e: Entry, field: string): string[] {
    const v = this.value(e, field);
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    return typeof v === 'string' ? [v] : [];
  }

  num(e: Entry, field: string): number | null {
    const v = this.value(e, field);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }

  is(e: Entry, field: string, status: 'present' | 'absent' | 'uncertain'): boolean {
    return this.value(e, field) === status;
  }

  /** Entries whose field has the given value (a status, or an element of a set). */
  where(field: string, value: unknown, among: readonly Entry[] = this.entries): Entry[] {
    return among.filter((e) => {
      const v = this.value(e, field);
      return Array.isArray(v) ? v.some((x) => sameValue(x, value)) : sameValue(v, value);
    });
  }

  /** Entries that state the field (non-null, non-empty). */
  stating(field: string, among: readonly Entry[] = this.entries): Entry[] {
    return among.filter((e) => isStated(this.value(e, field)));
  }

  private ofGroup(group: string, type: string): Entry[] {
    const prefix = `${group}.`;
    return this.entries.filter((e) => e.type === type
      || Object.entries(e.line.record).some(([k, v]) => k.startsWith(prefix) && isStated(v)));
  }

  mris(): Entry[] { return this.ofGroup('mri', 'mri'); }
  enmgs(): Entry[] { return this.ofGroup('enmg', 'enmg'); }
  notes(): Entry[] { return this.ofGroup('note', 'note'); }
  /** A CSF: a CSF report, or any record with a csf.* value (e.g. a lab report with CSF values). */
  csfs(): Entry[] { return this.ofGroup('csf', 'csf'); }
  /** A spinal MRI: an MRI with a region among cervical, thoracic, lumbar, sacral. */
  spinalMris(): Entry[] {
    return this.mris().filter((e) => this.list(e, 'mri.region').some((r) => SPINAL_REGIONS.includes(r)));
  }
  /** A lesion: an MRI with mri.cord_lesion present. */
  lesions(): Entry[] { return this.where('mri.cord_lesion', 'present', this.mris()); }
  axial(e: Entry): string[] { return this.list(e, 'mri.cord_lesion_axial'); }

  /** An evidence item for a field of a report; value defaults to the record's value. */
  ev(e: Entry, field: string, value: unknown = this.value(e, field)): EvidenceItem {
    const item: EvidenceItem = { report: e.id, date: e.date, field, value };
    const f = findingFor(e.line.findings, field, value);
    if (f) {
      item.span = f.span;
      item.text = f.text;
    }
    return item;
  }

  /** Evidence items for a field over several entries. */
  evs(entries: readonly Entry[], field: string, value?: unknown): EvidenceItem[] {
    return entries.map((e) => (value === undefined ? this.ev(e, field) : this.ev(e, field, value)));
  }
}

function typeOf(line: RecordLine): string | null {
  const t = (line.record as Record<string, unknown>)['report.type'];
  return typeof t === 'string' ? t : null;
}
