import { z } from 'zod';
import {
  Agent, Axial, CentralConduction, EnmgUnit, IsoDate, Language, Level, Nerve, Param, Region, ReportType,
  RootLevel, Sequence, Side, Status, Study,
} from './enums.js';

export const MeasurementRow = z.object({
  nerve: Nerve.nullable(),
  side: z.enum(['left', 'right']).nullable(),
  study: Study,
  param: Param,
  value: z.number(),
  value_max: z.number().nullable(),
  unit: EnmgUnit,
});
export type MeasurementRow = z.infer<typeof MeasurementRow>;

const n = <T extends z.ZodType>(t: T) => t.nullable();

/** The flat record: every key of fields.json. A record line holds report.* plus its type's group. */
export const RecordShape = {
  'report.type': n(ReportType),
  'report.language': n(Language),
  'report.date': n(IsoDate),
  'mri.region': z.array(Region),
  'mri.field_strength_t': n(z.number().positive()),
  'mri.contrast_given': n(z.boolean()),
  'mri.sequences': z.array(Sequence),
  'mri.cord_lesion': n(Status),
  'mri.cord_lesion_upper': n(Level),
  'mri.cord_lesion_lower': n(Level),
  'mri.cord_lesion_segments': n(z.number().int().positive()),
  'mri.cord_lesion_axial': z.array(Axial),
  'mri.cord_lesion_tract_specific': n(z.boolean()),
  'mri.cord_enhancement': n(Status),
  'mri.cord_swelling': n(Status),
  'mri.cord_atrophy': n(Status),
  'mri.root_involvement': n(Status),
  'mri.marrow_infiltration': n(Status),
  'mri.marrow_infiltration_upper': n(Level),
  'mri.marrow_infiltration_lower': n(Level),
  'mri.mass': n(Status),
  'mri.cord_compression': n(Status),
  'mri.hemorrhage': n(Status),
  'enmg.measurements': z.array(MeasurementRow),
  'enmg.radiculopathy': n(Status),
  'enmg.radiculopathy_levels': z.array(RootLevel),
  'enmg.radiculopathy_side': n(Side),
  'enmg.polyneuropathy': n(Status),
  'enmg.demyelinating': n(Status),
  'enmg.axonal': n(Status),
  'enmg.sensory_normal': n(z.boolean()),
  'enmg.central_conduction': n(CentralConduction),
  'csf.protein_mg_l': n(z.number().nonnegative()),
  'csf.cells_per_ul': n(z.number().nonnegative()),
  'csf.blasts': n(Status),
  'lab.b12_pmol_l': n(z.number().nonnegative()),
  'lab.folate_nmol_l': n(z.number().nonnegative()),
  'lab.homocysteine_umol_l': n(z.number().nonnegative()),
  'lab.vitamin_e_umol_l': n(z.number().nonnegative()),
  'lab.copper_umol_l': n(z.number().nonnegative()),
  'lab.paraneoplastic_antibodies': n(Status),
  'note.intrathecal_chemo': n(Status),
  'note.intrathecal_agents': z.array(Agent),
  'note.radiation': n(Status),
  'note.radiation_spine': n(Status),
  'note.symptom_onset_date': n(IsoDate),
} as const;

export type FieldName = keyof typeof RecordShape;
export const FIELD_NAMES = Object.keys(RecordShape) as FieldName[];

/** A record carries a subset of the fields (report.* and its type's groups), all optional here. */
export const RecordSchema = z.object(RecordShape).partial().strict();
export type AbstractRecord = z.infer<typeof RecordSchema>;
export type FieldValue<F extends FieldName> = z.infer<(typeof RecordShape)[F]>;

/** Which field groups a record of each type holds. A lab report may carry CSF values. */
export const GROUPS_BY_TYPE: Record<z.infer<typeof ReportType>, readonly string[]> = {
  mri: ['mri'],
  enmg: ['enmg'],
  csf: ['csf'],
  lab: ['lab', 'csf'],
  note: ['note'],
};

export function fieldsForType(type: z.infer<typeof ReportType> | null): FieldName[] {
  const groups = ['report', ...(type ? GROUPS_BY_TYPE[type] : [])];
  return FIELD_NAMES.filter((f) => groups.includes(f.slice(0, f.indexOf('.'))));
}

const arrayFields = new Set<FieldName>(FIELD_NAMES.filter((f) => RecordShape[f] instanceof z.ZodArray));

export function emptyValue(field: FieldName): null | [] {
  return arrayFields.has(field) ? [] : null;
}
