import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';

/** Post-radiation myelopathy. */
export const radiation: EtiologyDef = {
  code: 'radiation',
  cause: 'post-radiation myelopathy',
  criteria: [
    {
      id: 'spine_irradiated',
      role: 'weak',
      text: 'note.radiation_spine present',
      test: (p) => holds(p.evs(p.where('note.radiation_spine', 'present'), 'note.radiation_spine')),
    },
    {
      id: 'spine_not_irradiated',
      role: 'against',
      text: 'not present anywhere, and radiation or radiation_spine absent in a note',
      test: (p) => {
        if (p.where('note.radiation_spine', 'present').length > 0) return null;
        return holds([
          ...p.evs(p.where('note.radiation', 'absent'), 'note.radiation'),
          ...p.evs(p.where('note.radiation_spine', 'absent'), 'note.radiation_spine'),
        ]);
      },
    },
  ],
};
