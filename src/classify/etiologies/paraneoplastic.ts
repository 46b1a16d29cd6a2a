import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';

/** Paraneoplastic myelopathy. */
export const paraneoplastic: EtiologyDef = {
  code: 'paraneoplastic',
  cause: 'paraneoplastic myelopathy',
  criteria: [
    {
      id: 'central_gray_lesion',
      role: 'strong',
      text: 'a lesion with central_gray',
      test: (p) => holds(p.lesions()
        .filter((e) => p.axial(e).includes('central_gray'))
        .flatMap((e) => [p.ev(e, 'mri.cord_lesion'), p.ev(e, 'mri.cord_lesion_axial', 'central_gray')])),
    },
    {
      id: 'antibodies_present',
      role: 'strong',
      text: 'antibodies present',
      test: (p) => holds(p.evs(p.where('lab.paraneoplastic_antibodies', 'present'), 'lab.paraneoplastic_antibodies')),
    },
    {
      id: 'antibodies_negative',
      role: 'against',
      text: 'antibodies absent and never present',
      test: (p) => (p.where('lab.paraneoplastic_antibodies', 'present').length > 0
        ? null
        : holds(p.evs(p.where('lab.paraneoplastic_antibodies', 'absent'), 'lab.paraneoplastic_antibodies'))),
    },
  ],
};
