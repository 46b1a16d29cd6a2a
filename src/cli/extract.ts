import { classifyRecords } from '../classify/index.js';
import { countInputs, readInputs } from '../io/read-inputs.js';
import { recordCsvHeader, recordCsvRow } from '../io/records-csv.js';
import { runBulk, runBulkJson, serializedLine } from '../bulk/run-bulk.js';
import { isErrorLine, type OutputLine } from '../schema/output.js';
import { parseCommand, positiveInt, str, UsageError } from './args.js';
import { formatOther, OTHER_FORMATS } from './formats.js';
import { Progress } from './progress.js';
import { Sink } from './sink.js';
import type { InputItem } from '../io/types.js';

async function* keepTexts(items: AsyncIterable<InputItem>, texts: Map<string, string>): AsyncGenerator<InputItem> {
  for await (const item of items) {
    if (item.kind === 'report') texts.set(item.input.id, item.input.text);
    yield item;
  }
}

export const EXTRACT_HELP = `Usage: myelex extract INPUT... [options]

Abstracts every report of the inputs into one record line each.
INPUT: .txt, .pdf (text layer), .jsonl/.json ({"id","text","patient"?,"date"?}), .csv (header row),
       a directory (read recursively), or - for standard input.

Options:
  --format F        jsonl (default), csv, ${OTHER_FORMATS.join(', ')}
  --out FILE        write there instead of standard output
  --patients FILE   also classify each patient's reports and write the patient lines there
  --threads N       worker threads (default: all cores once a run passes 3,000 reports; 1 = in this thread)
  --id-col NAME     CSV column of the report id (default id); likewise
  --text-col NAME   --patient-col NAME  --date-col NAME
  --quiet           no summary line
  -h, --help        this text

Exit status: 0 all reports abstracted, 1 some became error lines, 2 usage error.
`;

export async function runExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('extract', argv, {
    format: { type: 'string', default: 'jsonl' }, out: { type: 'string', short: 'o' }, patients: { type: 'string' },
    threads: { type: 'string' }, 'id-col': { type: 'string' }, 'text-col': { type: 'string' },
    'patient-col': { type: 'string' }, 'date-col': { type: 'string' }, quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    process.stdout.write(EXTRACT_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError(`myelex extract: no input given\n\n${EXTRACT_HELP}`);
  const format = str(values.format) ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv' && !OTHER_FORMATS.includes(format)) {
    throw new UsageError(`myelex extract: --format is one of jsonl, csv, ${OTHER_FORMATS.join(', ')}; not ${format}`);
  }
  const threads = positiveInt('threads', values.threads);
  const readOpts = {
    ...(str(values['id-col']) ? { idCol: str(values['id-col'])! } : {}),
    ...(str(values['text-col']) ? { textCol: str(values['text-col'])! } : {}),
    ...(str(values['patient-col']) ? { patientCol: str(values['patient-col'])! } : {}),
    ...(str(values['date-col']) ? { dateCol: str(values['date-col'])! } : {}),
  };
  const progress = new Progress('myelex extract', null);
  if (process.stderr.isTTY) void countInputs(positionals).then((n) => progress.setTotal(n));
  const sink = new Sink(str(values.out));
  const registry = format !== 'jsonl' && format !== 'csv';
  const keep = Boolean(values.patients) || registry;
  const kept: OutputLine[] = [];
  // OMOP snippets quote the original text at each finding's offset: keep the texts for that format only.
  const texts = format === 'omop' ? new Map<string, string>() : undefined;
  const inputs = texts ? keepTexts(readInputs(positionals, readOpts), texts) : readInputs(positionals, readOpts);
  if (format === 'csv') await sink.write(recordCsvHeader());
  const bulk = threads ? { threads } : {};
  if (format === 'jsonl' && !keep) {
    // Nothing reads the records here but the writer: their JSON text as the threads made it.
    for await (const line of runBulkJson(inputs, bulk)) {
      progress.tick(line.error);
      await sink.write(`${line.json}\n`);
    }
  } else {
    for await (const line of runBulk(inputs, bulk)) {
      progress.tick(isErrorLine(line));
      if (keep) kept.push(line);
      if (format === 'jsonl') await sink.write(`${serializedLine(line)}\n`);
      else if (format === 'csv') await sink.write(recordCsvRow(line));
    }
  }
  let patientCount = 0;
  // REDCap and FHIR carry the differential of each patient, so classify for them too.
  const patientLines = values.patients || format === 'redcap' || format === 'fhir' ? classifyRecords(kept) : undefined;
  if (registry) {
    await sink.write(formatOther('extract', format, { lines: kept, ...(patientLines ? { patients: patientLines } : {}), ...(texts ? { texts } : {}) }));
  }
  await sink.close();
  if (patientLines && values.patients) {
    const out = new Sink(str(values.patients));
    for (const p of patientLines) await out.write(`${JSON.stringify(p)}\n`);
    await out.close();
    patientCount = patientLines.length;
  }
  const { done, errors, seconds } = progress.finish();
  if (!values.quiet) {
    const rate = seconds > 0 ? Math.round(done / seconds) : done;
    const where = str(values.out) ? ` -> ${str(values.out)}` : '';
    const pats = values.patients ? `, ${patientCount} patients -> ${str(values.patients)}` : '';
    process.stderr.write(`myelex extract: ${done} reports, ${errors} errors, ${seconds.toFixed(1)} s (${rate}/s)${where}${pats}\n`);
  }
  return errors > 0 ? 1 : 0;
}
