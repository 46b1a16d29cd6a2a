import type { EtiologyDef } from '../criteria.js';
import { compression } from './compression.js';
import { dysmetabolic } from './dysmetabolic.js';
import { hemorrhage } from './hemorrhage.js';
import { neuroleukemia } from './neuroleukemia.js';
import { paraneoplastic } from './paraneoplastic.js';
import { polyradiculoneuropathy } from './polyradiculoneuropathy.js';
import { radiation } from './radiation.js';
import { toxicIntrathecal } from './toxic-intrathecal.js';
import { vascularIschemia } from './vascular-ischemia.js';

/** The nine etiologies, in the order of differential.md. */
export const ETIOLOGY_DEFS: readonly EtiologyDef[] = [
  toxicIntrathecal, neuroleukemia, paraneoplastic, dysmetabolic, radiation,
  compression, hemorrhage, vascularIschemia, polyradiculoneuropathy,
];

export {
  compression, dysmetabolic, hemorrhage, neuroleukemia, paraneoplastic, polyradiculoneuropathy, radiation,
  toxicIntrathecal, vascularIschemia,
};
