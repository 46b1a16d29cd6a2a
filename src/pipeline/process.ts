import type { Extractor, Reducer } from '../../extractors/define.js';
import { EXTRACTORS } from '../../extractors/index.js';
import { toErrorInfo } from '../errors.js';
import type { Finding } from '../schema/evidence.js';
import type { ErrorLine, OutputLine, RecordLine } from '../schema/output.js';
import { fieldsForType, type FieldName } from '../schema/record.js';
import { ReportInput } from '../schema/report-input.js';
import { assembleRecord } from './assemble.js';
import type { ParsedReport } from './document.js';
import { ReportState } from './extract-context.js';
import { lap, parseReport, type ParseOptions } from './parse.js';

export interface ProcessOptions extends ParseOptions {
  /** The extractors to run; all registered ones by default. */
  extractors?: readonly Extractor[];
}

interface ExtractorPlan {
  fields: FieldName[];
  wanted: Set<string>;
  /** The extractors that run on such a report, in registration order, with their reducers. */
  steps: Array<{ extractor: Extractor; reducers: Array<[FieldName, Reducer]> }>;
}

// Which extractors run depends only on the report's type and language: decided once per pair
// and extractor list, not per report.
const plans = new WeakMap<readonly Extractor[], Map<string, ExtractorPlan>>();

function planFor(extractors: readonly Extractor[], type: ParsedReport['type'], lang: ParsedReport['lang']): ExtractorPlan {
  let byKey = plans.get(extractors);
  if (!byKey) plans.set(extractors, (byKey = new Map()));
  const key = `${type ?? ''}:${lang}`;
  let plan = byKey.get(key);
  if (plan) return plan;
  const fields = fieldsForType(type);
  const wanted = new Set<string>(fields);
  const steps: ExtractorPlan['steps'] = [];
  for (const extractor of extractors) {
    if (!extractor.meta.fields.some((f) => wanted.has(f))) continue;
    if (type && !extractor.meta.reportTypes.includes(type) && !extractor.meta.fields.some((f) => f.startsWith('report.'))) continue;
    if (!extractor.meta.locales.includes(lang)) continue;
    const reducers = Object.entries(extractor.reduce ?? {}).filter((e): e is [FieldName, Reducer] => !!e[1]);
    steps.push({ extractor, reducers });
  }
  plan = { fields, wanted, steps };
  byKey.set(key, plan);
  return plan;
}

/** The per-report function: one report in, one record line out. Throws MyelexError on bad input. */
export function processReport(input: ReportInput, opts: ProcessOptions = {}): RecordLine {
  const doc = parseReport(input, opts);
  const { fields, wanted, steps } = planFor(opts.extractors ?? EXTRACTORS, doc.type, doc.lang);
  const timings = opts.timings;
  const state = new ReportState(doc, timings);
  const findings: Finding[] = [];
  const reducers = new Map<FieldName, Reducer>();
  for (const { extractor, reducers: own } of steps) {
    const t0 = timings ? performance.now() : 0;
    const context0 = timings ? (timings.context ?? 0) : 0;
    try {
      for (const f of extractor.extract(doc, state.contextFor(extractor.meta.id))) if (wanted.has(f.field)) findings.push(f);
      for (const [field, reduce] of own) reducers.set(field, reduce);
    } catch (err) {
      // The report goes on without this extractor's fields; the message names no text.
      state.warnings.push({ code: 'E_EXTRACTOR_CRASHED', message: `${extractor.meta.id}: ${toErrorInfo(err).message}` });
    }
    // An extractor group's own time: the ConText work it asked for is counted under 'context'.
    if (timings) lap(timings, `extract:${extractor.meta.id.split('/')[0]}`, t0 + (timings.context ?? 0) - context0);
  }
  const t1 = timings ? performance.now() : 0;
  const record = assembleRecord(doc, fields, findings, reducers, state.warnings);
  record['report.type'] = doc.type;
  record['report.language'] = doc.lang;
  if (record['report.date'] === null && input.date && /^\d{4}-\d{2}-\d{2}$/.test(input.date)) record['report.date'] = input.date;
  findings.sort((a, b) => a.span[0] - b.span[0]);
  if (timings) lap(timings, 'assemble', t1);
  return {
    id: input.id,
    patient: input.patient ?? null,
    date: (record['report.date'] as string | null) ?? input.date ?? null,
    record,
    findings,
    warnings: state.warnings,
  };
}

/** Never throws: bad input or an internal failure becomes an error line naming its code. */
export function processReportSafe(raw: unknown, opts: ProcessOptions = {}): OutputLine {
  const parsed = ReportInput.safeParse(raw);
  if (!parsed.success) {
    const r = (raw ?? {}) as { id?: unknown; patient?: unknown };
    const issue = parsed.error.issues[0];
    return errorLine(r.id, r.patient, 'E_INPUT_LINE_INVALID', `${issue?.path.join('.') || 'input'}: ${issue?.message}`);
  }
  try {
    return processReport(parsed.data, opts);
  } catch (err) {
    const info = toErrorInfo(err);
    return errorLine(parsed.data.id, parsed.data.patient, info.code, info.message);
  }
}

function errorLine(id: unknown, patient: unknown, code: string, message: string): ErrorLine {
  const line: ErrorLine = { id: id === undefined || id === null ? null : String(id), error: { code, message } };
  if (patient !== undefined && patient !== null) line.patient = String(patient);
  return line;
}
