/**
 * The REDCap project layout: instruments (forms), their fields and choices. The data dictionary,
 * the import CSV and the reader are all derived from this one list.
 *
 * Instruments:
 *   patient            (record_id = the patient)             not repeating
 *   differential       nine etiology statuses + recommendations not repeating
 *   <type>_report      one per report type (mri, enmg, csf, lab, note, other)   repeating
 *   enmg_measurement   one instance per ENMG measurement row                     repeating
 *   report_error       one instance per report that failed (an error line)       repeating
 * Field Annotation carries `myelex:` tags naming what each variable holds, so the reader needs
 * nothing but the dictionary.
 */
import { EnmgUnit, Nerve, Param, ReportType, Study } from '../schema/enums.js';
import { DIFFERENTIAL_STATUSES, ETIOLOGIES, RECOMMENDATION_CODES } from '../schema/patient.js';
import { fieldsForType, type FieldName } from '../schema/record.js';
import { ETIOLOGY_LABELS, FIELD_META, RECOMMENDATION_LABELS, REPORT_TYPE_LABELS } from './fields-meta.js';

export type RcType = 'text' | 'notes' | 'radio' | 'dropdown' | 'checkbox' | 'yesno';
export interface RcChoice { code: string; label: string }
export interface RcField {
  name: string;
  form: string;
  type: RcType;
  label: string;
  choices?: RcChoice[];
  validation?: 'number' | 'integer' | 'date_ymd';
  note?: string;
  section?: string;
  annotation: string;
}

export const REPEATING_FORMS = ['mri_report', 'enmg_report', 'csf_report', 'lab_report', 'note_report', 'other_report', 'enmg_measurement', 'report_error'] as const;
export const OTHER = 'other';
export type FormType = (typeof ReportType.options)[number] | typeof OTHER;
export const REPORT_FORM_TYPES: readonly FormType[] = [...ReportType.options, OTHER];
export const reportForm = (t: FormType): string => `${t}_report`;

/** A REDCap raw value for an enum value: lower case letters, digits, underscores. */
export function choiceCode(value: string): string {
  if (value === '%') return 'pct';
  return value.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
}
const choices = (values: readonly string[]): RcChoice[] => values.map((v) => ({ code: choiceCode(v), label: v }));

/** Variable name of a record field in the form of a report type. */
export function variableName(t: FormType, field: FieldName): string {
  const dot = field.indexOf('.');
  const group = field.slice(0, dot);
  const rest = field.slice(dot + 1);
  if (group === 'report') return `${t}_report_${rest}`;
  return group === t ? `${group}_${rest}` : `${t}_${group}_${rest}`;
}

/** Record fields a report form holds (report.type is the form itself; measurements have their own). */
export function formFields(t: FormType): FieldName[] {
  return fieldsForType(t === OTHER ? null : t).filter((f) => f !== 'report.type' && f !== 'enmg.measurements');
}

function recordField(t: FormType, f: FieldName, section?: string): RcField {
  const m = FIELD_META[f];
  const base = { name: variableName(t, f), form: reportForm(t), label: m.label, annotation: `myelex:field=${f}`, ...(section ? { section } : {}) };
  switch (m.kind) {
    case 'enum': return { ...base, type: (m.choices?.length ?? 0) > 6 ? 'dropdown' : 'radio', choices: choices(m.choices ?? []) };
    case 'set': return { ...base, type: 'checkbox', choices: choices(m.choices ?? []) };
    case 'boolean': return { ...base, type: 'yesno' };
    case 'date': return { ...base, type: 'text', validation: 'date_ymd' };
    case 'integer': return { ...base, type: 'text', validation: 'integer' };
    case 'number': return { ...base, type: 'text', validation: 'number', ...(m.unit ? { note: m.unit.text } : {}) };
    default: throw new Error(`no REDCap field for ${f}`);
  }
}

function reportFormFields(t: FormType): RcField[] {
  const form = reportForm(t);
  const title = t === OTHER ? 'Report of unknown type' : REPORT_TYPE_LABELS[t] ?? t;
  const out: RcField[] = [
    { name: `${t}_report_id`, form, type: 'text', label: 'Report id', section: title, annotation: `myelex:line=id myelex:type=${t}` },
    { name: `${t}_input_date`, form, type: 'text', label: 'Date given with the input (may differ from the date stated in the report)', annotation: 'myelex:line=date' },
  ];
  for (const f of formFields(t)) out.push(recordField(t, f));
  out.push({ name: `${t}_warnings`, form, type: 'notes', label: 'Extraction warnings (code: message, one per line)', annotation: 'myelex:line=warnings' });
  return out;
}

const MEAS_FORM = 'enmg_measurement';
function measurementFields(): RcField[] {
  const f = (name: string, label: string, rest: Partial<RcField>, key: string): RcField => ({ name, form: MEAS_FORM, label, type: 'text', annotation: `myelex:measurement=${key}`, ...rest });
  return [
    f('meas_report_id', 'ENMG report id this measurement belongs to', { section: 'ENMG measurement' }, 'report'),
    f('meas_study', 'Study', { type: 'dropdown', choices: choices(Study.options) }, 'study'),
    f('meas_param', 'Parameter', { type: 'dropdown', choices: choices(Param.options) }, 'param'),
    f('meas_nerve', 'Nerve (blank: not stated)', { type: 'dropdown', choices: choices(Nerve.options) }, 'nerve'),
    f('meas_side', 'Side (blank: not stated)', { type: 'radio', choices: choices(['left', 'right']) }, 'side'),
    f('meas_value', 'Value (a decrease in percent is negative)', { validation: 'number' }, 'value'),
    f('meas_value_max', 'Upper end of a range (blank: a single value)', { validation: 'number' }, 'value_max'),
    f('meas_unit', 'Unit', { type: 'radio', choices: choices(EnmgUnit.options) }, 'unit'),
  ];
}

function differentialFields(): RcField[] {
  const form = 'differential';
  const out: RcField[] = [];
  for (const [i, e] of ETIOLOGIES.entries()) {
    out.push({
      name: `dx_${e}`, form, type: 'radio', label: ETIOLOGY_LABELS[e] ?? e, choices: choices(DIFFERENTIAL_STATUSES),
      annotation: `myelex:differential=${e}`, ...(i === 0 ? { section: 'Differential (statuses of differential.md)' } : {}),
    });
    out.push({ name: `dx_${e}_evidence`, form, type: 'notes', label: `Evidence: ${e}`, annotation: `myelex:evidence=${e}` });
  }
  out.push({
    name: 'recommendations', form, type: 'checkbox', label: 'Recommendations', section: 'Recommendations',
    choices: RECOMMENDATION_CODES.map((c) => ({ code: c, label: c })), annotation: 'myelex:recommendations',
    note: RECOMMENDATION_CODES.map((c) => `${c}: ${RECOMMENDATION_LABELS[c] ?? c}`).join('; '),
  });
  for (const c of RECOMMENDATION_CODES) out.push({ name: `rec_${c}_why`, form, type: 'notes', label: `Why: ${c}`, annotation: `myelex:why=${c}` });
  out.push({ name: 'differential_warnings', form, type: 'notes', label: 'Classifier warnings', annotation: 'myelex:patient=warnings' });
  return out;
}

/** Every field of the project, in dictionary order (record_id first). */
export function redcapFields(): RcField[] {
  return [
    { name: 'record_id', form: 'patient', type: 'text', label: 'Patient id', section: 'Patient', annotation: 'myelex:patient=id' },
    { name: 'patient_reports', form: 'patient', type: 'notes', label: 'Report ids used by the classifier, in date order', annotation: 'myelex:patient=reports' },
    ...differentialFields(),
    ...REPORT_FORM_TYPES.flatMap(reportFormFields),
    ...measurementFields(),
    { name: 'error_report_id', form: 'report_error', type: 'text', label: 'Id of the report that failed', section: 'Report that could not be abstracted', annotation: 'myelex:error=id' },
    { name: 'error_code', form: 'report_error', type: 'text', label: 'Error code', annotation: 'myelex:error=code' },
    { name: 'error_message', form: 'report_error', type: 'notes', label: 'Error message', annotation: 'myelex:error=message' },
    { name: 'error_input_line', form: 'report_error', type: 'text', validation: 'integer', label: 'Line of the input file (malformed input)', annotation: 'myelex:error=line' },
  ];
}

/** Import CSV columns: checkboxes expand to field___code; each form ends with <form>_complete. */
export function importColumns(fields: readonly RcField[]): string[] {
  const cols = ['record_id', 'redcap_repeat_instrument', 'redcap_repeat_instance'];
  fields.forEach((f, i) => {
    if (f.name !== 'record_id') {
      if (f.type === 'checkbox') for (const c of f.choices ?? []) cols.push(`${f.name}___${c.code}`);
      else cols.push(f.name);
    }
    if (fields[i + 1]?.form !== f.form) cols.push(`${f.form}_complete`);
  });
  return cols;
}

export const DICTIONARY_HEADER = [
  'Variable / Field Name', 'Form Name', 'Section Header', 'Field Type', 'Field Label',
  'Choices, Calculations, OR Slider Labels', 'Field Note', 'Text Validation Type OR Show Slider Number',
  'Text Validation Min', 'Text Validation Max', 'Identifier?', 'Branching Logic (Show field only if...)',
  'Required Field?', 'Custom Alignment', 'Question Number (surveys only)', 'Matrix Group Name', 'Matrix Ranking?',
  'Field Annotation',
] as const;
