/**
 * What the exports need to know about each record field: its kind, English label (from
 * ../shared/spec/fields.json), choices and unit (UCUM for FHIR). One table, checked against
 * FIELD_NAMES and fields.json by test/export/fields-meta.test.ts.
 */
import {
  Agent, Axial, CentralConduction, Language, Region, ReportType, ROOT_LEVELS, Sequence, Side, Status, VERTEBRAL_LEVELS,
} from '../schema/enums.js';
import type { FieldName } from '../schema/record.js';

export type FieldKind = 'enum' | 'set' | 'number' | 'integer' | 'boolean' | 'date' | 'measurements';

export interface FieldMeta {
  kind: FieldKind;
  label: string;
  /** enum and set fields: the allowed values, in order. */
  choices?: readonly string[];
  /** numbers: the unit as fields.json writes it, and its UCUM code. */
  unit?: { text: string; ucum: string };
  /** enum/set fields whose values are vertebral (or root) levels: they give a body site. */
  levels?: boolean;
}

const st = Status.options;
const lv = VERTEBRAL_LEVELS;
const e = (label: string, choices: readonly string[], levels = false): FieldMeta => (levels ? { kind: 'enum', label, choices, levels } : { kind: 'enum', label, choices });
const s = (label: string, choices: readonly string[], levels = false): FieldMeta => (levels ? { kind: 'set', label, choices, levels } : { kind: 'set', label, choices });
const num = (label: string, text: string, ucum: string): FieldMeta => ({ kind: 'number', label, unit: { text, ucum } });
const b = (label: string): FieldMeta => ({ kind: 'boolean', label });
const d = (label: string): FieldMeta => ({ kind: 'date', label });

export const FIELD_META: Record<FieldName, FieldMeta> = {
  'report.type': e('Report type', ReportType.options),
  'report.language': e('Main language of the text', Language.options),
  'report.date': d('Date of the examination stated in the report'),
  'mri.region': s('Regions imaged', Region.options),
  'mri.field_strength_t': num('Magnet field strength in tesla', 'T', 'T'),
  'mri.contrast_given': b('A gadolinium (paramagnetic) contrast agent was given in this study'),
  'mri.sequences': s('Sequences named in the report', Sequence.options),
  'mri.cord_lesion': e('Intramedullary (spinal cord) signal abnormality / myelopathic change', st),
  'mri.cord_lesion_upper': e('Most cranial vertebral level of the cord lesion', lv, true),
  'mri.cord_lesion_lower': e('Most caudal vertebral level of the cord lesion', lv, true),
  'mri.cord_lesion_segments': { kind: 'integer', label: 'Vertebral segments spanned by the cord lesion, both ends counted' },
  'mri.cord_lesion_axial': s('Where in the cross-section the cord lesion lies', Axial.options),
  'mri.cord_lesion_tract_specific': b('Symmetric, tract-specific involvement'),
  'mri.cord_enhancement': e('Contrast uptake (accumulation) in the cord or the lesion', st),
  'mri.cord_swelling': e('Cord swelling / thickening / expansion', st),
  'mri.cord_atrophy': e('Cord atrophy / thinning', st),
  'mri.root_involvement': e('Nerve roots / cauda equina thickening or enhancement, or leptomeningeal enhancement', st),
  'mri.marrow_infiltration': e('Infiltration / diffuse signal change of vertebral bone marrow', st),
  'mri.marrow_infiltration_upper': e('Most cranial vertebral body with marrow infiltration', lv, true),
  'mri.marrow_infiltration_lower': e('Most caudal vertebral body with marrow infiltration', lv, true),
  'mri.mass': e('Space-occupying (volumetric) mass', st),
  'mri.cord_compression': e('Compression of the cord or cauda equina', st),
  'mri.hemorrhage': e('Hemorrhage in or around the cord', st),
  'enmg.measurements': { kind: 'measurements', label: 'Numeric conduction values stated' },
  'enmg.radiculopathy': e('Radiculopathy (root lesion)', st),
  'enmg.radiculopathy_levels': s('Root levels named for the radiculopathy', ROOT_LEVELS, true),
  'enmg.radiculopathy_side': e('Side of the radiculopathy', Side.options),
  'enmg.polyneuropathy': e('Polyneuropathy', st),
  'enmg.demyelinating': e('Demyelinating type of lesion stated', st),
  'enmg.axonal': e('Axonal type of lesion stated', st),
  'enmg.sensory_normal': b('Sensory conduction stated to be normal/preserved (yes) or abnormal (no)'),
  'enmg.central_conduction': e('Central motor conduction time from motor evoked potentials', CentralConduction.options),
  'csf.protein_mg_l': num('CSF protein (mg/l)', 'mg/l', 'mg/L'),
  'csf.cells_per_ul': num('CSF cell count per microlitre', 'cells/uL', '/uL'),
  'csf.blasts': e('Blast cells (leukemic cells) in the CSF', st),
  'lab.b12_pmol_l': num('Vitamin B12 (cobalamin), pmol/l', 'pmol/l', 'pmol/L'),
  'lab.folate_nmol_l': num('Folate / vitamin B9, nmol/l', 'nmol/l', 'nmol/L'),
  'lab.homocysteine_umol_l': num('Homocysteine, umol/l', 'umol/l', 'umol/L'),
  'lab.vitamin_e_umol_l': num('Vitamin E (alpha-tocopherol), umol/l', 'umol/l', 'umol/L'),
  'lab.copper_umol_l': num('Serum copper, umol/l', 'umol/l', 'umol/L'),
  'lab.paraneoplastic_antibodies': e('Onconeural / paraneoplastic antibody panel (present = positive)', st),
  'note.intrathecal_chemo': e('Intrathecal (endolumbar) chemotherapy given', st),
  'note.intrathecal_agents': s('Agents given intrathecally', Agent.options),
  'note.radiation': e('Radiation therapy given', st),
  'note.radiation_spine': e('Radiation field covered the spine (craniospinal or spinal field)', st),
  'note.symptom_onset_date': d('Onset of the neurological symptoms'),
};

/** UCUM codes of the ENMG measurement units. */
export const ENMG_UCUM: Record<string, string> = { mV: 'mV', uV: 'uV', ms: 'ms', 'm/s': 'm/s', '%': '%' };

export const ETIOLOGY_LABELS: Record<string, string> = {
  toxic_intrathecal: 'Complication of intrathecal (endolumbar) chemotherapy',
  neuroleukemia: 'Progression of the leukemia: infiltration of cord and roots',
  paraneoplastic: 'Paraneoplastic myelopathy',
  dysmetabolic: 'Deficiency myelopathy (funicular myelosis)',
  radiation: 'Post-radiation myelopathy',
  compression: 'Volumetric mass, vertebrogenic compression',
  hemorrhage: 'Hemorrhagic lesion',
  vascular_ischemia: 'Spinal cord ischemia',
  polyradiculoneuropathy: 'Roots and nerves (polyradiculoneuropathy)',
};

export const RECOMMENDATION_LABELS: Record<string, string> = {
  repeat_mri_6w: 'Repeat MRI 6 weeks after onset',
  mri_protocol: 'MRI at 1.5 T or more, with T2 and STIR or T2 FatSat',
  check_b12: 'Measure vitamin B12',
  check_folate_homocysteine: 'Measure folate and homocysteine',
  lumbar_puncture: 'Lumbar puncture with search for blasts',
  paraneoplastic_panel: 'Onconeural antibody panel',
  enmg_mep: 'Magnetic stimulation with motor evoked potentials',
};

export const REPORT_TYPE_LABELS: Record<string, string> = {
  mri: 'MRI report', enmg: 'ENMG report', csf: 'CSF report', lab: 'Laboratory report', note: 'Clinical note',
};
