import { UNIT_TABLE, type Quantity } from './table.js';

export type Conversion =
  | { ok: true; value: number; unit: string; factor: number }
  | { ok: false; reason: 'unit_not_for_quantity' };

/** Three decimals: enough for 20/3 cells and pg/ml x 0.738, without float noise. */
export function roundValue(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** A value in `unit` (a canonical id from the units lexicon) as the dictionary's unit for `quantity`. */
export function convert(value: number, unit: string, quantity: Quantity): Conversion {
  const row = UNIT_TABLE[quantity];
  const factor = (row.from as Record<string, number>)[unit];
  if (factor === undefined) return { ok: false, reason: 'unit_not_for_quantity' };
  return { ok: true, value: roundValue(value * factor), unit: row.target, factor };
}

export function targetUnit(quantity: Quantity): string {
  return UNIT_TABLE[quantity].target;
}
