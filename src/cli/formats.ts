import { exportOutput, isRegistryFormat, REGISTRY_FORMATS, summarizeWarnings } from '../export/index.js';
import type { OutputLine } from '../schema/output.js';
import type { PatientLine } from '../schema/patient.js';

/** Registry export formats (src/export/): written once the whole run is in. */
export const OTHER_FORMATS: readonly string[] = REGISTRY_FORMATS;

export interface OtherFormatInput {
  lines: readonly OutputLine[];
  patients?: PatientLine[];
  /** Original texts by report id, for OMOP snippets. */
  texts?: ReadonlyMap<string, string>;
}

/** The export text; its warnings (error lines, values not carried) are counted on stderr, without report text. */
export function formatOther(command: string, format: string, input: OtherFormatInput): string {
  if (!isRegistryFormat(format)) throw new Error(`not a registry format: ${format}`);
  const { text, warnings } = exportOutput(format, input.lines, {
    ...(input.patients ? { patients: input.patients } : {}),
    ...(input.texts ? { texts: input.texts } : {}),
  });
  if (warnings.length) process.stderr.write(`myelex ${command}: --format ${format}: ${summarizeWarnings(warnings)}\n`);
  return text;
}
