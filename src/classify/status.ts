import type { CriterionRole, DifferentialStatus } from '../schema/patient.js';

/** A criterion that holds for a patient, as the status algebra sees it. */
export interface HeldItem {
  readonly role: CriterionRole;
  /** A "for" item that counts only when another "for" item holds (e.g. a bland CSF for dysmetabolic). */
  readonly onlyWithOther?: boolean;
}

const isFor = (i: HeldItem): boolean => i.role !== 'against';

/** The held items that count: an onlyWithOther item is dropped unless another "for" item holds. */
export function countingItems<T extends HeldItem>(held: readonly T[]): T[] {
  return held.filter((i) => !i.onlyWithOther || held.some((o) => o !== i && isFor(o) && !o.onlyWithOther));
}

/**
 * The status algebra of differential.md, in its order:
 * 1. a "for" item and an "against" item both hold: possible;
 * 2. at least one strong item, or at least two weak items: supported;
 * 3. one weak item: possible;
 * 4. an "against" item alone: unlikely;
 * 5. otherwise insufficient_data.
 * Only items that hold are passed; `present` is the only value that makes a finding hold
 * (the criteria see to that), `uncertain` counts for nothing.
 */
export function statusOf(held: readonly HeldItem[]): DifferentialStatus {
  const items = countingItems(held);
  const strong = items.filter((i) => i.role === 'strong').length;
  const weak = items.filter((i) => i.role === 'weak').length;
  const against = items.filter((i) => i.role === 'against').length;
  if (strong + weak > 0 && against > 0) return 'possible';
  if (strong >= 1 || weak >= 2) return 'supported';
  if (weak === 1) return 'possible';
  if (against > 0) return 'unlikely';
  return 'insufficient_data';
}
