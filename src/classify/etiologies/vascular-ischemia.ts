import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';

/** Spinal cord ischemia. */
export const vascularIschemia: EtiologyDef = {
  code: 'vascular_ischemia',
  cause: 'spinal cord ischemia',
  criteria: [
    {
      id: 'anterior_lesion',
      role: 'weak',
      text: 'a lesion with anterior',
      test: (p) => holds(p.lesions()
        .filter((e) => p.axial(e).includes('anterior'))
        .flatMap((e) => [p.ev(e, 'mri.cord_lesion'), p.ev(e, 'mri.cord_lesion_axial', 'anterior')])),
    },
    {
      id: 'non_anterior_lesion',
      role: 'against',
      text: 'no lesion with anterior, and a lesion with a stated axial set',
      test: (p) => {
        const lesions = p.lesions();
        if (lesions.some((e) => p.axial(e).includes('anterior'))) return null;
        return holds(p.evs(lesions.filter((e) => p.axial(e).length > 0), 'mri.cord_lesion_axial'));
      },
    },
  ],
};
