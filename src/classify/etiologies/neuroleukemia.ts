import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';
import type { PatientView } from '../patient-view.js';

const diffuseLesions = (p: PatientView) => p.lesions().filter((e) => p.axial(e).includes('diffuse'));

/** Root involvement: MRI root_involvement present or ENMG radiculopathy present. */
const rootEvidence = (p: PatientView) => [
  ...p.evs(p.where('mri.root_involvement', 'present'), 'mri.root_involvement'),
  ...p.evs(p.where('enmg.radiculopathy', 'present'), 'enmg.radiculopathy'),
];

/** Progression of the leukemia: infiltration of cord and roots. */
export const neuroleukemia: EtiologyDef = {
  code: 'neuroleukemia',
  cause: 'progression of the leukemia: infiltration of cord and roots',
  criteria: [
    {
      id: 'csf_blasts',
      role: 'strong',
      text: 'CSF blasts present',
      test: (p) => holds(p.evs(p.where('csf.blasts', 'present', p.csfs()), 'csf.blasts')),
    },
    {
      id: 'diffuse_lesion',
      role: 'strong',
      text: 'a lesion with diffuse',
      test: (p) => holds(diffuseLesions(p)
        .flatMap((e) => [p.ev(e, 'mri.cord_lesion'), p.ev(e, 'mri.cord_lesion_axial', 'diffuse')])),
    },
    {
      id: 'roots_with_lesion',
      role: 'weak',
      text: 'root involvement (MRI root_involvement present or ENMG radiculopathy present) together with a lesion',
      test: (p) => {
        const roots = rootEvidence(p);
        const lesions = p.lesions();
        if (roots.length === 0 || lesions.length === 0) return null;
        return [...roots, ...p.evs(lesions, 'mri.cord_lesion')];
      },
    },
    {
      id: 'blast_free_csfs',
      role: 'against',
      text: 'two or more CSFs with blasts absent, no diffuse lesion and no root involvement',
      test: (p) => {
        const clean = p.where('csf.blasts', 'absent', p.csfs());
        if (clean.length < 2 || diffuseLesions(p).length > 0 || rootEvidence(p).length > 0) return null;
        return p.evs(clean, 'csf.blasts');
      },
    },
  ],
};
