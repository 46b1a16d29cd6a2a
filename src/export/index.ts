/**
 * Registry exports: `formatOutput(format, lines, {patients, texts})` for redcap, fhir and omop
 * (jsonl and csv are written by the CLI itself). Error lines are never dropped silently: REDCap
 * writes them as report_error instances, FHIR as OperationOutcome entries, OMOP skips them (they
 * have no findings) and counts them; every such case is also returned as a warning.
 */
import { isErrorLine, type OutputLine } from '../schema/output.js';
import type { PatientLine } from '../schema/patient.js';
import { fhirNdjson, toFhirBundles } from './fhir.js';
import { omopNoteNlp, type OmopOptions } from './omop.js';
import { recordsToRedcap } from './redcap.js';
import type { ExportWarning } from './warnings.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'redcap', 'fhir', 'omop'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats this module writes (jsonl and csv are the CLI's own). */
export const REGISTRY_FORMATS = ['redcap', 'fhir', 'omop'] as const;
export type RegistryFormat = (typeof REGISTRY_FORMATS)[number];
export const isRegistryFormat = (f: string): f is RegistryFormat => (REGISTRY_FORMATS as readonly string[]).includes(f);

export interface FormatOptions {
  patients?: PatientLine[];
  /** Original report text by id (OMOP snippets); never written anywhere else. */
  texts?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Called once per warning (error lines, fields that could not be carried, assigned note ids). */
  onWarning?: (w: ExportWarning) => void;
  /** OMOP: NOTE.note_id per report id, nlp_system, nlp_date. */
  omop?: Omit<OmopOptions, 'texts'>;
}

export interface ExportResult { text: string; warnings: ExportWarning[] }

/** The export and its warnings. */
export function exportOutput(format: RegistryFormat, lines: readonly OutputLine[], opts: FormatOptions = {}): ExportResult {
  const warnings: ExportWarning[] = [];
  const errors = lines.filter(isErrorLine);
  let text: string;
  switch (format) {
    case 'redcap':
      text = recordsToRedcap(lines, opts.patients ?? [], { warnings });
      for (const e of errors) warnings.push({ code: 'error_line', id: e.id, message: `${e.error.code}: written as a report_error instance` });
      break;
    case 'fhir':
      text = fhirNdjson(toFhirBundles(lines, opts.patients ?? []));
      for (const e of errors) warnings.push({ code: 'error_line', id: e.id, message: `${e.error.code}: written as an OperationOutcome entry` });
      break;
    case 'omop': {
      const r = omopNoteNlp(lines, { ...(opts.omop ?? {}), ...(opts.texts ? { texts: opts.texts } : {}) });
      text = r.csv;
      warnings.push(...r.warnings);
      break;
    }
    default: throw new Error(`unknown export format ${String(format)}`);
  }
  for (const w of warnings) opts.onWarning?.(w);
  return { text, warnings };
}

/**
 * The export as a string: REDCap import CSV, FHIR NDJSON (one transaction Bundle per line),
 * or OMOP NOTE_NLP CSV. Pass `onWarning` to hear about error lines and anything not carried.
 */
export function formatOutput(format: string, lines: readonly OutputLine[], opts: FormatOptions = {}): string {
  if (!isRegistryFormat(format)) throw new Error(`--format ${format}: formatOutput writes ${REGISTRY_FORMATS.join(', ')} (jsonl and csv are written by the CLI)`);
  return exportOutput(format, lines, opts).text;
}

/** One line for stderr: how many warnings of each code (no report text). */
export function summarizeWarnings(warnings: readonly ExportWarning[]): string {
  const by = new Map<string, number>();
  for (const w of warnings) by.set(w.code, (by.get(w.code) ?? 0) + 1);
  return [...by].map(([c, n]) => `${n} ${c}`).join(', ');
}

export { redcapDictionary, recordsToRedcap, readRedcapBack } from './redcap.js';
export type { RedcapReadBack } from './redcap.js';
export { toFhirBundles, fhirNdjson } from './fhir.js';
export type { FhirBundle } from './fhir.js';
export { omopNoteNlp, NOTE_NLP_COLUMNS } from './omop.js';
export type { NoteNlpRow, OmopOptions, OmopResult } from './omop.js';
export type { ExportWarning } from './warnings.js';
