import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';

/** Hemorrhagic lesion. */
export const hemorrhage: EtiologyDef = {
  code: 'hemorrhage',
  cause: 'hemorrhagic lesion',
  criteria: [
    {
      id: 'hemorrhage_seen',
      role: 'strong',
      text: 'hemorrhage present on a spinal MRI',
      test: (p) => holds(p.evs(p.where('mri.hemorrhage', 'present', p.spinalMris()), 'mri.hemorrhage')),
    },
    {
      id: 'no_hemorrhage',
      role: 'against',
      text: 'hemorrhage absent on a spinal MRI, present on none',
      test: (p) => {
        const spinal = p.spinalMris();
        if (p.where('mri.hemorrhage', 'present', spinal).length > 0) return null;
        return holds(p.evs(p.where('mri.hemorrhage', 'absent', spinal), 'mri.hemorrhage'));
      },
    },
  ],
};
