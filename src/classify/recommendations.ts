import type { DifferentialStatus, Etiology, EvidenceItem, Recommendation, RecommendationCode } from '../schema/patient.js';
import type { Entry, PatientView } from './patient-view.js';
import { daysBetween } from './patient-view.js';

/** Days after symptom onset below which a negative spinal MRI should be repeated. */
export const REPEAT_MRI_DAYS = 42;
/** The lowest field strength (T) the table accepts for a spinal MRI. */
export const MIN_FIELD_STRENGTH_T = 1.5;

export interface RecommendationContext {
  readonly p: PatientView;
  readonly status: (etiology: Etiology) => DifferentialStatus;
}

/** What a rule found: a sentence on why it fires here, and the evidence. */
interface Fired { readonly detail: string; readonly evidence: EvidenceItem[] }

export interface RecommendationRule {
  readonly code: RecommendationCode;
  /** When it fires, as differential.md words it. */
  readonly when: string;
  /** The step recommended. */
  readonly step: string;
  readonly test: (ctx: RecommendationContext) => Fired | null;
}

const agentsWithMethotrexate = (p: PatientView): Entry[] => p.where('note.intrathecal_agents', 'methotrexate');
const mtxEvidence = (p: PatientView) => p.evs(agentsWithMethotrexate(p), 'note.intrathecal_agents', 'methotrexate');

function missingSequences(p: PatientView, e: Entry): string | null {
  const seq = p.list(e, 'mri.sequences');
  if (seq.length === 0) return null; // sequences not stated: nothing to judge
  const lacks: string[] = [];
  if (!seq.includes('t2')) lacks.push('T2');
  if (!seq.includes('stir') && !seq.includes('t2_fatsat')) lacks.push('STIR or T2 FatSat');
  return lacks.length ? `lacks ${lacks.join(' and ')}` : null;
}

const hasMep = (p: PatientView, e: Entry): boolean => p.value(e, 'enmg.central_conduction') !== null
  || (Array.isArray(p.value(e, 'enmg.measurements'))
    && (p.value(e, 'enmg.measurements') as { study?: unknown }[]).some((r) => r?.study === 'mep'));

/** The seven rules of differential.md, in its order. */
export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [
  {
    code: 'repeat_mri_6w',
    when: 'a symptom onset date is known, and the latest dated spinal MRI has cord lesion absent and was done less than 42 days after onset',
    step: 'repeat MRI 6 weeks after onset; myelopathy is often seen late (1.5 to 2.5 months)',
    test: ({ p }) => {
      const onsets = p.stating('note.symptom_onset_date');
      const onsetEntry = onsets[onsets.length - 1];
      const mri = p.spinalMris().filter((e) => e.date !== null).at(-1);
      if (!onsetEntry || !mri || !p.is(mri, 'mri.cord_lesion', 'absent') || mri.date === null) return null;
      const onset = String(p.value(onsetEntry, 'note.symptom_onset_date'));
      const days = daysBetween(onset, mri.date);
      if (days === null || days < 0 || days >= REPEAT_MRI_DAYS) return null;
      return {
        detail: `the latest spinal MRI (${mri.id}, ${mri.date}) shows no cord lesion ${days} days after onset (${onset})`,
        evidence: [p.ev(onsetEntry, 'note.symptom_onset_date'), p.ev(mri, 'mri.cord_lesion')],
      };
    },
  },
  {
    code: 'mri_protocol',
    when: 'a spinal MRI below 1.5 T, or one whose stated sequences lack T2 or lack both STIR and T2 FatSat',
    step: 'MRI at 1.5 T or more, with T2 and STIR or T2 FatSat',
    test: ({ p }) => {
      const details: string[] = [];
      const evidence: EvidenceItem[] = [];
      for (const e of p.spinalMris()) {
        const t = p.num(e, 'mri.field_strength_t');
        if (t !== null && t < MIN_FIELD_STRENGTH_T) {
          details.push(`${e.id} was done at ${t} T`);
          evidence.push(p.ev(e, 'mri.field_strength_t'));
        }
        const lacks = missingSequences(p, e);
        if (lacks) {
          details.push(`${e.id} ${lacks}`);
          evidence.push(p.ev(e, 'mri.sequences'));
        }
      }
      return details.length ? { detail: details.join('; '), evidence } : null;
    },
  },
  {
    code: 'check_b12',
    when: 'methotrexate among the intrathecal agents and no B12 value',
    step: 'measure vitamin B12: deficiency explains sensory-ataxic myelopathy in about 30%',
    test: ({ p }) => (agentsWithMethotrexate(p).length > 0 && p.stating('lab.b12_pmol_l').length === 0
      ? { detail: 'intrathecal methotrexate was given and no B12 value is on record', evidence: mtxEvidence(p) }
      : null),
  },
  {
    code: 'check_folate_homocysteine',
    when: 'methotrexate among the intrathecal agents and no folate value or no homocysteine value',
    step: 'measure folate and homocysteine',
    test: ({ p }) => {
      if (agentsWithMethotrexate(p).length === 0) return null;
      const missing = [['folate', 'lab.folate_nmol_l'], ['homocysteine', 'lab.homocysteine_umol_l']]
        .filter(([, f]) => p.stating(f as string).length === 0).map(([name]) => name);
      if (missing.length === 0) return null;
      return { detail: `intrathecal methotrexate was given and no ${missing.join(' or ')} value is on record`, evidence: mtxEvidence(p) };
    },
  },
  {
    code: 'lumbar_puncture',
    when: 'no CSF on record',
    step: 'lumbar puncture with search for blasts; give the intrathecal triplet only after infection is excluded',
    test: ({ p }) => (p.csfs().length === 0 ? { detail: 'no CSF is on record', evidence: [] } : null),
  },
  {
    code: 'paraneoplastic_panel',
    when: 'no antibody result, and paraneoplastic is not unlikely',
    step: 'onconeural antibody panel',
    test: ({ p, status }) => {
      const results = [...p.where('lab.paraneoplastic_antibodies', 'present'), ...p.where('lab.paraneoplastic_antibodies', 'absent')];
      const s = status('paraneoplastic');
      if (results.length > 0 || s === 'unlikely') return null;
      const lesions = p.lesions().filter((e) => p.axial(e).includes('central_gray'));
      return {
        detail: `no onconeural antibody result is on record (paraneoplastic: ${s})`,
        evidence: lesions.map((e) => p.ev(e, 'mri.cord_lesion_axial', 'central_gray')),
      };
    },
  },
  {
    code: 'enmg_mep',
    when: 'a lesion, an ENMG on record, and no ENMG with motor evoked potentials (central conduction or an mep row)',
    step: 'magnetic stimulation with motor evoked potentials, the most sensitive test for cord damage',
    test: ({ p }) => {
      const lesions = p.lesions();
      const enmgs = p.enmgs();
      if (lesions.length === 0 || enmgs.length === 0 || enmgs.some((e) => hasMep(p, e))) return null;
      return {
        detail: `a cord lesion is on record (${lesions.map((e) => e.id).join(', ')}) and no ENMG (${enmgs.map((e) => e.id).join(', ')}) has motor evoked potentials`,
        evidence: [...p.evs(lesions, 'mri.cord_lesion'), ...enmgs.map((e) => p.ev(e, 'report.type', 'enmg'))],
      };
    },
  },
];

/** The recommendations that fire for a patient, each with why and evidence. */
export function recommend(ctx: RecommendationContext): Recommendation[] {
  const out: Recommendation[] = [];
  for (const rule of RECOMMENDATION_RULES) {
    const fired = rule.test(ctx);
    if (!fired) continue;
    out.push({
      code: rule.code,
      why: `${fired.detail}: ${rule.step}.`,
      evidence: fired.evidence.map((i) => ({ ...i, criterion: rule.code })),
    });
  }
  return out;
}
