/**
 * FHIR R4: one transaction Bundle per patient (per report when a line names no patient; see
 * classify/group.ts). Per report a DocumentReference (the source, `derivedFrom` of every
 * Observation), a DiagnosticReport and its Observations (fhir-obs.ts). The differential is a
 * ClinicalImpression whose `problem` lists one Condition per etiology (code = the etiology,
 * verificationStatus = provisional | differential | unconfirmed with the exact status as a second
 * coding, evidence.detail = the evidence Observations); recommendations are ServiceRequests with intent `proposal`. An error line becomes an
 * OperationOutcome entry: it is never dropped.
 */
import { groupByPatient } from '../classify/group.js';
import type { ErrorLine, OutputLine, RecordLine } from '../schema/output.js';
import type { EvidenceItem, PatientLine } from '../schema/patient.js';
import { ETIOLOGY_LABELS, RECOMMENDATION_LABELS } from './fields-meta.js';
import { cc, entry, ref, reportResources, SYS, type Entry, type Json, type ReportResources } from './fhir-obs.js';

export { SYS, UCUM, uuidFrom } from './fhir-obs.js';
export type { Entry, Json } from './fhir-obs.js';

export interface FhirBundle { resourceType: 'Bundle'; type: 'transaction'; entry: Entry[] }

function patientEntry(key: string): Entry {
  return entry(`patient:${key}`, { resourceType: 'Patient', identifier: [{ system: SYS.patient, value: key }] }, `identifier=${encodeURIComponent(`${SYS.patient}|${key}`)}`);
}

function errorEntry(l: ErrorLine, n: number): Entry {
  return entry(`error:${l.id ?? ''}:${n}`, {
    resourceType: 'OperationOutcome',
    issue: [{
      severity: 'error', code: 'processing', details: { text: `${l.error.code}: ${l.error.message}` },
      diagnostics: `report ${l.id ?? '(no id)'} could not be abstracted${l.error.line !== undefined ? ` (input line ${l.error.line})` : ''}; no resources were made for it`,
    }],
  });
}

/** Condition verification status of each differential status (the exact status is a second coding). */
const VER_STATUS = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const VERIFICATION: Record<string, string> = { supported: 'provisional', possible: 'differential', unlikely: 'unconfirmed', insufficient_data: 'unconfirmed' };

const valueKey = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === undefined ? [] : [String(v)]);

/** References for evidence items: the Observations of that field and value, else the report. */
function evidenceRefs(items: readonly EvidenceItem[], reports: Map<string, ReportResources>): Json[] {
  const out = new Map<string, Json>();
  for (const it of items) {
    const r = reports.get(it.report);
    if (!r) continue;
    const values = valueKey(it.value);
    let found = values.flatMap((v) => r.byField.get(`${it.field}|${v}`) ?? []);
    if (!found.length) found = r.byField.get(it.field) ?? [];
    if (!found.length) found = [r.report];
    for (const e of found) out.set(e.fullUrl, ref(e));
  }
  return [...out.values()];
}

const evidenceText = (items: readonly EvidenceItem[]): string =>
  items.map((e) => `${e.role ? `${e.role}: ` : ''}${e.report} ${e.field} = ${typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}`).join('; ');

function differentialEntries(p: PatientLine, patient: Entry, reports: Map<string, ReportResources>): Entry[] {
  const key = `differential:${p.patient}`;
  const subject = { subject: ref(patient) };
  const conditions = p.differential.map((d) => {
    const evidence = evidenceRefs(d.evidence, reports);
    return entry(`${key}|${d.etiology}`, {
      resourceType: 'Condition', ...subject,
      verificationStatus: { coding: [{ system: VER_STATUS, code: VERIFICATION[d.status] ?? 'unconfirmed' }, { system: SYS.dxStatus, code: d.status }], text: d.status },
      code: cc(SYS.etiology, d.etiology, ETIOLOGY_LABELS[d.etiology]),
      ...(evidence.length ? { evidence: [{ detail: evidence }] } : {}),
      note: [{ text: d.evidence.length ? `${d.status}: ${evidenceText(d.evidence)}` : d.status }],
    });
  });
  const requests = p.recommendations.map((r) => {
    const support = evidenceRefs(r.evidence, reports);
    return entry(`${key}|rec|${r.code}`, {
      resourceType: 'ServiceRequest', status: 'draft', intent: 'proposal', ...subject,
      code: cc(SYS.recommendation, r.code, RECOMMENDATION_LABELS[r.code]),
      ...(support.length ? { supportingInfo: support } : {}), note: [{ text: r.why }],
    });
  });
  const investigated = p.reports.map((id) => reports.get(id)?.report).filter((e): e is Entry => !!e);
  const impression = entry(key, {
    resourceType: 'ClinicalImpression', status: 'completed', ...subject,
    description: 'Differential of myelopathy in a patient with leukemia (myelex): status of each candidate cause',
    ...(investigated.length ? { investigation: [{ code: { text: 'Reports abstracted' }, item: investigated.map(ref) }] } : {}),
    finding: p.differential.filter((d) => d.status === 'supported' || d.status === 'possible').map((d) => ({
      itemCodeableConcept: cc(SYS.etiology, d.etiology, ETIOLOGY_LABELS[d.etiology]), basis: d.status,
    })),
    problem: conditions.map(ref),
    ...(p.warnings.length ? { note: p.warnings.map((w) => ({ text: `${w.code}: ${w.message}` })) } : {}),
  });
  return [impression, ...conditions, ...requests];
}

/** One Bundle per patient key, in order of first appearance; patient lines without report lines get their own. */
export function toFhirBundles(lines: readonly OutputLine[], patients: readonly PatientLine[] = []): FhirBundle[] {
  const pByKey = new Map(patients.map((p) => [p.patient, p]));
  const groups = groupByPatient(lines);
  const seen = new Set(groups.map((g) => g.patient));
  const all = [...groups, ...patients.filter((p) => !seen.has(p.patient)).map((p) => ({ patient: p.patient, records: [] as RecordLine[], errors: [] as ErrorLine[] }))];
  return all.map((g) => {
    const pl = pByKey.get(g.patient);
    const named = g.records.some((l) => !!l.patient) || g.errors.some((l) => !!l.patient) || !!pl;
    const patient = named ? patientEntry(g.patient) : null;
    const entries: Entry[] = patient ? [patient] : [];
    const reports = new Map<string, ReportResources>();
    for (const l of g.records) {
      const r = reportResources(l, patient);
      reports.set(l.id, r);
      entries.push(r.doc, r.report, ...r.observations);
    }
    g.errors.forEach((l, i) => entries.push(errorEntry(l, i)));
    if (pl && patient) entries.push(...differentialEntries(pl, patient, reports));
    return { resourceType: 'Bundle', type: 'transaction', entry: entries };
  });
}

/** NDJSON: one Bundle per line. */
export const fhirNdjson = (bundles: readonly FhirBundle[]): string => bundles.map((b) => `${JSON.stringify(b)}\n`).join('');
