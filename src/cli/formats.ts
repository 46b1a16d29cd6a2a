import type { OutputLine } from '../schema/output.js';
import type { PatientLine } from '../schema/patient.js';

/** Registry export formats; their writers live in src/export/ (loaded on demand). */
export const OTHER_FORMATS: readonly string[] = ['redcap', 'fhir', 'omop'];

export async function formatOther(format: string, lines: OutputLine[], patients?: PatientLine[]): Promise<string> {
  const path = '../export/index.js';
  const mod = (await import(path)) as {
    formatOutput: (format: string, lines: OutputLine[], opts: { patients?: PatientLine[] }) => string;
  };
  return mod.formatOutput(format, lines, patients ? { patients } : {});
}
