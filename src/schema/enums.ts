import { z } from 'zod';

const VERTEBRAL = [
  ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `L${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `S${i + 1}`),
] as const;

/** Vertebral levels in cranio-caudal order; the index is the ordinal used for segment counts. */
export const VERTEBRAL_LEVELS: readonly string[] = VERTEBRAL;
/** Root levels: as vertebral, plus C8 (a root with no vertebra of its own). */
export const ROOT_LEVELS: readonly string[] = [...VERTEBRAL.slice(0, 7), 'C8', ...VERTEBRAL.slice(7)];

export const Level = z.string().refine((s) => VERTEBRAL_LEVELS.includes(s), 'not a vertebral level C1..S5');
export const RootLevel = z.string().refine((s) => ROOT_LEVELS.includes(s), 'not a root level C1..C8, T1..S5');

export const Status = z.enum(['present', 'absent', 'uncertain']);
export type Status = z.infer<typeof Status>;
export const Side = z.enum(['left', 'right', 'bilateral']);
export type Side = z.infer<typeof Side>;
export const ReportType = z.enum(['mri', 'enmg', 'csf', 'lab', 'note']);
export type ReportType = z.infer<typeof ReportType>;
export const Language = z.enum(['en', 'ru']);
export type Language = z.infer<typeof Language>;
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

export const Region = z.enum(['brain', 'cervical', 'thoracic', 'lumbar', 'sacral']);
export const Sequence = z.enum(['t1', 't2', 'stir', 't2_fatsat', 'flair', 'dwi', 't1_post_contrast', 'swi', 'gre']);
export const Axial = z.enum(['dorsal', 'lateral', 'anterior', 'central_gray', 'diffuse']);
export const Nerve = z.enum(['median', 'ulnar', 'radial', 'peroneal', 'tibial', 'sural', 'superficial_peroneal', 'femoral']);
export const Study = z.enum(['motor', 'sensory', 'f_wave', 'h_reflex', 'mep']);
export const Param = z.enum([
  'amplitude', 'amplitude_change_pct', 'distal_latency', 'residual_latency', 'conduction_velocity',
  'min_latency', 'persistence_pct', 'central_conduction_time',
]);
export const EnmgUnit = z.enum(['mV', 'uV', 'ms', 'm/s', '%']);
export const CentralConduction = z.enum(['prolonged', 'normal']);
export const Agent = z.enum(['methotrexate', 'cytarabine', 'dexamethasone', 'prednisolone']);
