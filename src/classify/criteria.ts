import type { CriterionRole, DifferentialStatus, Etiology, EvidenceItem } from '../schema/patient.js';
import type { PatientView } from './patient-view.js';
import { countingItems, statusOf } from './status.js';

/** One row item of Table 1: a predicate over the patient's dated records. */
export interface Criterion {
  /** Stable id, e.g. 'csf_blasts'; appears on evidence items. */
  readonly id: string;
  readonly role: CriterionRole;
  /** The item as differential.md words it. */
  readonly text: string;
  readonly onlyWithOther?: boolean;
  /** The evidence when the item holds (may be empty for an item resting on absence), else null. */
  readonly test: (p: PatientView) => EvidenceItem[] | null;
}

export interface EtiologyDef {
  readonly code: Etiology;
  readonly cause: string;
  readonly criteria: readonly Criterion[];
}

export interface EtiologyResult {
  readonly etiology: Etiology;
  readonly status: DifferentialStatus;
  /** Ids of the items that hold and count. */
  readonly held: readonly string[];
  readonly evidence: EvidenceItem[];
}

const key = (i: EvidenceItem): string => `${i.criterion ?? ''}|${i.report}|${i.field}|${JSON.stringify(i.value)}`;

/** Evaluates one etiology for a patient: which items hold, the status, and their evidence. */
export function evaluateEtiology(def: EtiologyDef, p: PatientView): EtiologyResult {
  const held: { role: CriterionRole; onlyWithOther?: boolean; c: Criterion; ev: EvidenceItem[] }[] = [];
  for (const c of def.criteria) {
    const ev = c.test(p);
    if (ev === null) continue;
    held.push({ role: c.role, ...(c.onlyWithOther ? { onlyWithOther: true } : {}), c, ev });
  }
  const counting = countingItems(held);
  const status = statusOf(held);
  const seen = new Set<string>();
  const evidence: EvidenceItem[] = [];
  for (const h of counting) {
    for (const item of h.ev) {
      const tagged: EvidenceItem = { ...item, criterion: h.c.id, role: h.c.role };
      if (seen.has(key(tagged))) continue;
      seen.add(key(tagged));
      evidence.push(tagged);
    }
  }
  evidence.sort((a, b) => (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0);
  return { etiology: def.code, status, held: counting.map((h) => h.c.id), evidence };
}

/** Helper for predicates: the evidence if non-empty, else null (the item does not hold). */
export const holds = (items: EvidenceItem[]): EvidenceItem[] | null => (items.length > 0 ? items : null);
