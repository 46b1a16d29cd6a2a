import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';

/** Complication of intrathecal (endolumbar) chemotherapy. */
export const toxicIntrathecal: EtiologyDef = {
  code: 'toxic_intrathecal',
  cause: 'complication of intrathecal (endolumbar) chemotherapy',
  criteria: [
    {
      id: 'it_chemo_given',
      role: 'weak',
      text: 'intrathecal chemo present in a note',
      test: (p) => holds(p.evs(p.where('note.intrathecal_chemo', 'present'), 'note.intrathecal_chemo')),
    },
    {
      id: 'dorsal_lesion',
      role: 'weak',
      text: 'a lesion with dorsal and not diffuse',
      test: (p) => holds(p.lesions()
        .filter((e) => p.axial(e).includes('dorsal') && !p.axial(e).includes('diffuse'))
        .flatMap((e) => [p.ev(e, 'mri.cord_lesion'), p.ev(e, 'mri.cord_lesion_axial', 'dorsal')])),
    },
    {
      id: 'it_chemo_never',
      role: 'against',
      text: 'intrathecal chemo absent in a note and present in none',
      test: (p) => (p.where('note.intrathecal_chemo', 'present').length > 0
        ? null
        : holds(p.evs(p.where('note.intrathecal_chemo', 'absent'), 'note.intrathecal_chemo'))),
    },
  ],
};
