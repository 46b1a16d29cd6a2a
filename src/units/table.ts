/**
 * The unit table: for each quantity the dictionary holds, its target unit and the factor
 * from every unit a report may state it in. Factors are those of fields.json; the others
 * are exact rescalings of them (ng/l = pg/ml, ug/l = ng/ml, mg/dl = 10 mg/l, ug/dl = 10 ug/l).
 * Unit spellings live in lexicons/units/units.<lang>.yaml and map to these ids.
 */
export const UNIT_TABLE = {
  /** fields.json csf.protein_mg_l: g/l x 1000, mg/dl x 10. */
  csf_protein: { target: 'mg/l', from: { 'mg/l': 1, 'g/l': 1000, 'mg/dl': 10, 'g/dl': 10000 } },
  /** fields.json csf.cells_per_ul; 10^6/l is one per microlitre. */
  csf_cells: { target: 'per_ul', from: { per_ul: 1, per_nl: 1000 } },
  /** fields.json lab.b12_pmol_l: pg/ml x 0.738. */
  b12: { target: 'pmol/l', from: { 'pmol/l': 1, 'pg/ml': 0.738, 'ng/l': 0.738, 'nmol/l': 1000 } },
  /** fields.json lab.folate_nmol_l: ng/ml x 2.266. */
  folate: { target: 'nmol/l', from: { 'nmol/l': 1, 'ng/ml': 2.266, 'ug/l': 2.266, 'pmol/l': 0.001 } },
  /** fields.json lab.homocysteine_umol_l: reported in umol/l (= nmol/ml). */
  homocysteine: { target: 'umol/l', from: { 'umol/l': 1 } },
  /** fields.json lab.vitamin_e_umol_l: mg/l x 2.322 (alpha-tocopherol). */
  vitamin_e: { target: 'umol/l', from: { 'umol/l': 1, 'mg/l': 2.322, 'ug/ml': 2.322, 'mg/dl': 23.22 } },
  /** fields.json lab.copper_umol_l: ug/dl x 0.157. */
  copper: { target: 'umol/l', from: { 'umol/l': 1, 'ug/dl': 0.157, 'ug/l': 0.0157, 'mg/l': 15.7 } },
} as const satisfies Record<string, { target: string; from: Record<string, number> }>;

export type Quantity = keyof typeof UNIT_TABLE;

/** Every canonical unit id the spelling lexicons may give (a unit outside the table is still "known"). */
export const UNIT_IDS = [
  'mg/l', 'g/l', 'mg/dl', 'g/dl', 'pg/ml', 'ng/l', 'ng/ml', 'ug/l', 'ug/dl', 'ug/ml',
  'pmol/l', 'nmol/l', 'umol/l', 'mmol/l', 'per_ul', 'per_nl', 'percent', 'u/l',
] as const;
export type UnitId = (typeof UNIT_IDS)[number];
