import type { Criterion, EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';
import type { Entry, PatientView } from '../patient-view.js';

/** The deficiency thresholds of Table 1: a value beyond `limit` in direction `out` is out of range. */
export const DEFICIENCY_LIMITS = [
  { id: 'b12_low', field: 'lab.b12_pmol_l', out: 'below', limit: 133, text: 'B12 < 133 pmol/l' },
  { id: 'folate_low', field: 'lab.folate_nmol_l', out: 'below', limit: 13.4, text: 'folate < 13.4 nmol/l' },
  { id: 'vitamin_e_low', field: 'lab.vitamin_e_umol_l', out: 'below', limit: 12, text: 'vitamin E < 12 umol/l' },
  { id: 'copper_low', field: 'lab.copper_umol_l', out: 'below', limit: 11, text: 'copper < 11 umol/l' },
  { id: 'homocysteine_high', field: 'lab.homocysteine_umol_l', out: 'above', limit: 15, text: 'homocysteine > 15 umol/l' },
] as const;

/** A bland CSF: blasts absent, protein at most 450 mg/l, cells at most 5 per uL (an unstated value passes). */
export const BLAND_CSF = { proteinMax: 450, cellsMax: 5 } as const;

const CSF_FIELDS = ['csf.blasts', 'csf.protein_mg_l', 'csf.cells_per_ul'] as const;

type Limit = (typeof DEFICIENCY_LIMITS)[number];
const outOfRange = (v: number, l: Limit): boolean => (l.out === 'below' ? v < l.limit : v > l.limit);

const tractSpecific = (p: PatientView): Entry[] => p.lesions().filter((e) => p.value(e, 'mri.cord_lesion_tract_specific') === true);

function isBland(p: PatientView, e: Entry): boolean {
  const blasts = p.value(e, 'csf.blasts');
  const protein = p.num(e, 'csf.protein_mg_l');
  const cells = p.num(e, 'csf.cells_per_ul');
  return (blasts === null || blasts === 'absent')
    && (protein === null || protein <= BLAND_CSF.proteinMax)
    && (cells === null || cells <= BLAND_CSF.cellsMax);
}

const deficiencyItems: Criterion[] = DEFICIENCY_LIMITS.map((l) => ({
  id: l.id,
  role: 'strong',
  text: l.text,
  test: (p) => holds(p.stating(l.field).filter((e) => outOfRange(p.num(e, l.field) ?? NaN, l)).map((e) => p.ev(e, l.field))),
}));

/** Deficiency myelopathy (funicular myelosis). */
export const dysmetabolic: EtiologyDef = {
  code: 'dysmetabolic',
  cause: 'deficiency myelopathy (funicular myelosis)',
  criteria: [
    ...deficiencyItems,
    {
      id: 'tract_specific_lesion',
      role: 'weak',
      text: 'a lesion that is tract-specific with enhancement not present',
      test: (p) => holds(tractSpecific(p)
        .filter((e) => !p.is(e, 'mri.cord_enhancement', 'present'))
        .flatMap((e) => [p.ev(e, 'mri.cord_lesion_tract_specific'), p.ev(e, 'mri.cord_enhancement')])),
    },
    {
      id: 'bland_csf',
      role: 'weak',
      onlyWithOther: true,
      text: 'a bland CSF, which counts only when another "for" item holds',
      test: (p) => holds(p.csfs().filter((e) => isBland(p, e))
        .flatMap((e) => CSF_FIELDS.filter((f) => p.stating(f, [e]).length > 0).map((f) => p.ev(e, f)))),
    },
    {
      id: 'levels_normal',
      role: 'against',
      text: 'at least one of those five measured, none out of range, and no tract-specific lesion',
      test: (p) => {
        const measured = DEFICIENCY_LIMITS.flatMap((l) => p.stating(l.field).map((e) => ({ e, l })));
        if (measured.length === 0 || tractSpecific(p).length > 0) return null;
        if (measured.some(({ e, l }) => outOfRange(p.num(e, l.field) ?? NaN, l))) return null;
        return measured.map(({ e, l }) => p.ev(e, l.field));
      },
    },
  ],
};
