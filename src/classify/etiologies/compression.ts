import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';

/** Volumetric mass, vertebrogenic compression. */
export const compression: EtiologyDef = {
  code: 'compression',
  cause: 'volumetric mass, vertebrogenic compression',
  criteria: [
    {
      id: 'cord_compression',
      role: 'strong',
      text: 'cord compression present on a spinal MRI',
      test: (p) => holds(p.evs(p.where('mri.cord_compression', 'present', p.spinalMris()), 'mri.cord_compression')),
    },
    {
      id: 'mass',
      role: 'weak',
      text: 'mass present on a spinal MRI',
      test: (p) => holds(p.evs(p.where('mri.mass', 'present', p.spinalMris()), 'mri.mass')),
    },
    {
      id: 'no_mass_no_compression',
      role: 'against',
      text: 'neither present on any spinal MRI, mass absent on one and compression absent on one',
      test: (p) => {
        const spinal = p.spinalMris();
        if (p.where('mri.mass', 'present', spinal).length || p.where('mri.cord_compression', 'present', spinal).length) return null;
        const noMass = p.where('mri.mass', 'absent', spinal);
        const noCompression = p.where('mri.cord_compression', 'absent', spinal);
        if (noMass.length === 0 || noCompression.length === 0) return null;
        return [...p.evs(noMass, 'mri.mass'), ...p.evs(noCompression, 'mri.cord_compression')];
      },
    },
  ],
};
