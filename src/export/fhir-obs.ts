/**
 * FHIR R4 resources of one report: its DocumentReference (the source), DiagnosticReport and one
 * Observation per abstracted value (set fields: one per member; ENMG measurements: one per
 * study, nerve and side, a component per parameter). Plain JSON objects; validated in the tests
 * against the R4 structure definitions.
 */
import { createHash } from 'node:crypto';
import type { RecordLine } from '../schema/output.js';
import { fieldsForType, type FieldName, type MeasurementRow } from '../schema/record.js';
import { ENMG_UCUM, FIELD_META, REPORT_TYPE_LABELS } from './fields-meta.js';

export type Json = Record<string, unknown>;
export interface Entry { fullUrl: string; resource: Json & { resourceType: string }; request: { method: 'POST'; url: string; ifNoneExist?: string } }

export const SYS = {
  patient: 'urn:myelex:patient',
  report: 'urn:myelex:report',
  reportType: 'urn:myelex:report-type',
  field: 'urn:myelex:field',
  status: 'urn:myelex:status',
  level: 'urn:myelex:vertebral-level',
  rootLevel: 'urn:myelex:root-level',
  nerve: 'urn:myelex:nerve',
  study: 'urn:myelex:enmg-study',
  param: 'urn:myelex:enmg-param',
  etiology: 'urn:myelex:etiology',
  dxStatus: 'urn:myelex:differential-status',
  recommendation: 'urn:myelex:recommendation',
  valueOf: (field: string) => `urn:myelex:value:${field}`,
} as const;
export const UCUM = 'http://unitsofmeasure.org';
const SNOMED = 'http://snomed.info/sct';
const LATERALITY_EXT = 'http://hl7.org/fhir/StructureDefinition/observation-structureLaterality';
const LATERALITY: Record<string, [string, string]> = { left: ['7771000', 'Left'], right: ['24028007', 'Right'], bilateral: ['51440002', 'Right and left'] };
const V2_0074 = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const SECTION: Record<string, [string, string]> = { mri: ['RAD', 'Radiology'], enmg: ['EN', 'Electroneuro (EEG, EMG,EP,PSG)'], csf: ['LAB', 'Laboratory'], lab: ['LAB', 'Laboratory'], note: ['PHY', 'Physician (Hx. Dx, admission note, etc.)'] };
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const OBS_CAT: Record<string, string> = { mri: 'imaging', enmg: 'procedure', csf: 'laboratory', lab: 'laboratory', note: 'exam' };

/** A stable UUID (v5 layout) from a name, so the same input gives the same bundle. */
export function uuidFrom(name: string): string {
  const h = createHash('sha1').update(`myelex:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
export const ref = (e: Entry): Json => ({ reference: e.fullUrl });
export const cc = (system: string, code: string, display?: string): Json => ({ coding: [{ system, code, ...(display ? { display } : {}) }], text: display ?? code });
export const entry = (key: string, resource: Entry['resource'], ifNoneExist?: string): Entry => ({
  fullUrl: uuidFrom(key), resource, request: { method: 'POST', url: resource.resourceType, ...(ifNoneExist ? { ifNoneExist } : {}) },
});
const isoDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

function laterality(side: string | null | undefined): Json[] {
  const l = side ? LATERALITY[side] : undefined;
  return l ? [{ url: LATERALITY_EXT, valueCodeableConcept: cc(SNOMED, l[0], l[1]) }] : [];
}
function levelSite(levels: readonly string[], root: boolean, side?: string | null): Json {
  const ext = laterality(side);
  return {
    ...(ext.length ? { extension: ext } : {}),
    ...(levels.length === 1 ? { coding: [{ system: root ? SYS.rootLevel : SYS.level, code: levels[0] }] } : {}),
    text: `${levels.join(' to ')} (${root ? 'root level' : 'vertebral level'}${levels.length > 1 ? 's' : ''})${side ? `, ${side}` : ''}`,
  };
}

/** The value[x] of one field value. */
function valueOf(field: FieldName, v: unknown): Json {
  const m = FIELD_META[field];
  switch (m.kind) {
    case 'number': return { valueQuantity: { value: v, unit: m.unit?.text, system: UCUM, code: m.unit?.ucum } };
    case 'integer': return { valueInteger: v };
    case 'boolean': return { valueBoolean: v };
    case 'date': return { valueDateTime: v };
    default: {
      const s = String(v);
      if (field === 'enmg.radiculopathy_side') {
        const l = LATERALITY[s];
        return { valueCodeableConcept: { coding: [{ system: SYS.valueOf(field), code: s }, ...(l ? [{ system: SNOMED, code: l[0], display: l[1] }] : [])], text: s } };
      }
      const system = m.levels ? (field === 'enmg.radiculopathy_levels' ? SYS.rootLevel : SYS.level) : m.choices === FIELD_META['mri.cord_lesion'].choices ? SYS.status : SYS.valueOf(field);
      return { valueCodeableConcept: cc(system, s) };
    }
  }
}

/** Body site of a field, where it applies: vertebral levels (and laterality for roots). */
function bodySiteOf(field: FieldName, v: unknown, rec: RecordLine['record']): Json | null {
  const m = FIELD_META[field];
  const side = rec['enmg.radiculopathy_side'] ?? null;
  if (m.levels) return levelSite([String(v)], field === 'enmg.radiculopathy_levels', field === 'enmg.radiculopathy_levels' ? side : null);
  const range = (a: string | null | undefined, b: string | null | undefined) => [...new Set([a, b].filter((x): x is string => !!x))];
  if (field === 'mri.cord_lesion' && v === 'present') { const r = range(rec['mri.cord_lesion_upper'], rec['mri.cord_lesion_lower']); return r.length ? levelSite(r, false) : null; }
  if (field === 'mri.marrow_infiltration' && v === 'present') { const r = range(rec['mri.marrow_infiltration_upper'], rec['mri.marrow_infiltration_lower']); return r.length ? levelSite(r, false) : null; }
  if (field === 'enmg.radiculopathy' && v === 'present') { const lv = rec['enmg.radiculopathy_levels'] ?? []; return lv.length || side ? levelSite(lv, true, side) : null; }
  return null;
}

const quantity = (value: number, unit: string): Json => ({ value, unit, system: UCUM, code: ENMG_UCUM[unit] ?? unit });

function enmgObservations(rows: readonly MeasurementRow[], base: Json, key: string): Entry[] {
  const groups = new Map<string, MeasurementRow[]>();
  for (const r of rows) { const k = `${r.study}|${r.nerve ?? ''}|${r.side ?? ''}`; groups.set(k, [...(groups.get(k) ?? []), r]); }
  return [...groups].map(([k, rs]) => {
    const r0 = rs[0]!;
    const ext = laterality(r0.side);
    const site = r0.nerve || r0.side ? { ...(ext.length ? { extension: ext } : {}), ...(r0.nerve ? { coding: [{ system: SYS.nerve, code: r0.nerve }] } : {}), text: [r0.side, r0.nerve ?? 'nerve not stated'].filter(Boolean).join(' ') } : null;
    return entry(`${key}|enmg|${k}`, {
      resourceType: 'Observation', ...base, code: cc(SYS.study, r0.study, `ENMG ${r0.study.replace('_', ' ')} study`),
      ...(site ? { bodySite: site } : {}),
      component: rs.map((r) => ({
        code: cc(SYS.param, r.param),
        ...(r.value_max === null ? { valueQuantity: quantity(r.value, r.unit) } : { valueRange: { low: quantity(r.value, r.unit), high: quantity(r.value_max, r.unit) } }),
      })),
    });
  });
}

export interface ReportResources {
  doc: Entry;
  report: Entry;
  observations: Entry[];
  /** Observation entries by `field` and by `field|value` (set members, values), for evidence references. */
  byField: Map<string, Entry[]>;
}

export function reportResources(l: RecordLine, patient: Entry | null): ReportResources {
  const type = l.record['report.type'] ?? null;
  const key = `report:${l.id}`;
  const subject = patient ? { subject: ref(patient) } : {};
  const date = isoDate(l.record['report.date']) ? l.record['report.date'] : isoDate(l.date) ? l.date : null;
  const lang = l.record['report.language'];
  const doc = entry(`${key}|doc`, {
    resourceType: 'DocumentReference', status: 'current', identifier: [{ system: SYS.report, value: l.id }], ...subject,
    description: `${type ? REPORT_TYPE_LABELS[type] : 'Report'} ${l.id}`,
    content: [{ attachment: { contentType: 'text/plain', ...(lang ? { language: lang } : {}), title: l.id } }],
  }, `identifier=${encodeURIComponent(`${SYS.report}|${l.id}`)}`);
  const base: Json = {
    status: 'final', ...(type ? { category: [cc(OBS_CATEGORY, OBS_CAT[type] ?? 'exam')] } : {}), ...subject,
    ...(date ? { effectiveDateTime: date } : {}), derivedFrom: [ref(doc)],
  };
  const observations: Entry[] = [];
  const byField = new Map<string, Entry[]>();
  const add = (k: string, e: Entry) => byField.set(k, [...(byField.get(k) ?? []), e]);
  for (const f of fieldsForType(type)) {
    if (f.startsWith('report.')) continue;
    const v = l.record[f];
    if (v === null || v === undefined) continue;
    if (f === 'enmg.measurements') {
      for (const e of enmgObservations(v as MeasurementRow[], base, key)) { observations.push(e); add(f, e); }
      continue;
    }
    for (const item of Array.isArray(v) ? v : [v]) {
      const site = bodySiteOf(f, item, l.record);
      const e = entry(`${key}|${f}|${String(item)}`, {
        resourceType: 'Observation', ...base, code: cc(SYS.field, f, FIELD_META[f].label), ...(site ? { bodySite: site } : {}), ...valueOf(f, item),
      });
      observations.push(e); add(f, e); add(`${f}|${String(item)}`, e);
    }
  }
  const section = type ? SECTION[type] : undefined;
  const report = entry(`${key}|report`, {
    resourceType: 'DiagnosticReport', identifier: [{ system: SYS.report, value: l.id }], status: 'final',
    ...(section ? { category: [cc(V2_0074, section[0], section[1])] } : {}),
    code: type ? cc(SYS.reportType, type, REPORT_TYPE_LABELS[type]) : { text: 'Report of unknown type' }, ...subject,
    ...(date ? { effectiveDateTime: date } : {}), result: observations.map(ref),
  });
  doc.resource['context'] = { related: [ref(report)] };
  return { doc, report, observations, byField };
}
