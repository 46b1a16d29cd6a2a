import type { EtiologyDef } from '../criteria.js';
import { holds } from '../criteria.js';

/** Roots and nerves: the ENMG side of the table. */
export const polyradiculoneuropathy: EtiologyDef = {
  code: 'polyradiculoneuropathy',
  cause: 'roots and nerves (the ENMG side of the table)',
  criteria: [
    {
      id: 'radiculopathy',
      role: 'weak',
      text: 'ENMG radiculopathy present',
      test: (p) => holds(p.evs(p.where('enmg.radiculopathy', 'present'), 'enmg.radiculopathy')),
    },
    {
      id: 'polyneuropathy',
      role: 'weak',
      text: 'polyneuropathy present',
      test: (p) => holds(p.evs(p.where('enmg.polyneuropathy', 'present'), 'enmg.polyneuropathy')),
    },
    {
      id: 'demyelinating_or_axonal',
      role: 'weak',
      text: 'demyelinating or axonal present',
      test: (p) => holds([
        ...p.evs(p.where('enmg.demyelinating', 'present'), 'enmg.demyelinating'),
        ...p.evs(p.where('enmg.axonal', 'present'), 'enmg.axonal'),
      ]),
    },
    {
      id: 'enmg_without_root_or_nerve_damage',
      role: 'against',
      text: 'an ENMG on record, and no ENMG with radiculopathy or polyneuropathy present',
      test: (p) => {
        const enmgs = p.enmgs();
        if (enmgs.length === 0) return null;
        if (p.where('enmg.radiculopathy', 'present').length || p.where('enmg.polyneuropathy', 'present').length) return null;
        return enmgs.flatMap((e) => {
          const stated = p.stating('enmg.radiculopathy', [e]).map((x) => p.ev(x, 'enmg.radiculopathy'))
            .concat(p.stating('enmg.polyneuropathy', [e]).map((x) => p.ev(x, 'enmg.polyneuropathy')));
          return stated.length > 0 ? stated : [p.ev(e, 'report.type', 'enmg')];
        });
      },
    },
  ],
};
