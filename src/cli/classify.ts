import { readFile } from 'node:fs/promises';
import { classifyRecords, parseOutputJsonl, summaryCsv } from '../classify/index.js';
import { parseCommand, str, UsageError } from './args.js';
import { Sink } from './sink.js';
import { formatOther } from './formats.js';

export const CLASSIFY_HELP = `Usage: myelex classify RECORDS.jsonl... [--out FILE] [--format jsonl|csv|redcap|fhir]

Groups the record lines of \`myelex extract\` by patient and writes one line per patient:
each etiology of the differential with its status and evidence, and the recommendations.
--format csv writes a summary: one row per patient, one column per etiology; redcap and fhir
write the records with the differential in those registry formats (docs/exports.md).
Decision support for research abstraction, not a diagnosis.
`;

export async function runClassify(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('classify', argv, {
    out: { type: 'string', short: 'o' }, format: { type: 'string', default: 'jsonl' },
  });
  if (values.help) {
    process.stdout.write(CLASSIFY_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError(`myelex classify: no records file given\n\n${CLASSIFY_HELP}`);
  const format = str(values.format);
  if (format !== 'jsonl' && format !== 'csv' && format !== 'redcap' && format !== 'fhir') {
    throw new UsageError(`myelex classify: --format is jsonl, csv, redcap or fhir; not ${format}`);
  }
  const lines = [];
  for (const p of positionals) {
    const text = p === '-' ? await readStdin() : await readFile(p, 'utf8').catch(() => {
      throw new UsageError(`myelex classify: cannot read ${p}`);
    });
    lines.push(...parseOutputJsonl(text));
  }
  const patients = classifyRecords(lines);
  const sink = new Sink(str(values.out));
  if (format === 'csv') await sink.write(summaryCsv(patients));
  else if (format === 'redcap' || format === 'fhir') await sink.write(formatOther('classify', format, { lines, patients }));
  else for (const p of patients) await sink.write(`${JSON.stringify(p)}\n`);
  await sink.close();
  process.stderr.write(`myelex classify: ${lines.length} record lines, ${patients.length} patients\n`);
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
