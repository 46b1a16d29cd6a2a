import { classifyRecords } from '../classify/index.js';
import { countInputs, readInputs } from '../io/read-inputs.js';
import { recordCsvHeader, recordCsvRow } from '../io/records-csv.js';
import { runBulk } from '../bulk/run-bulk.js';
import { isErrorLine, type OutputLine } from '../schema/output.js';
import { parseCommand, positiveInt, str, UsageError } from './args.js';
import { formatOther, OTHER_FORMATS } from './formats.js';
import { Progress } from './progress.js';
import { Sink } from './sink.js';

export const EXTRACT_HELP = `Usage: myelex extract INPUT... [options]

Abstracts every report of the inputs into one record line each.
INPUT: .txt, .pdf (text layer), .jsonl/.json ({"id","text","patient"?,"date"?}), .csv (header row),
       a directory (read recursively), or - for standard input.

Options:
  --format F        jsonl (default), csv, ${OTHER_FORMATS.join(', ')}
  --out FILE        write there instead of standard output
  --patients FILE   also classify each patient's reports and write the patient lines there
  --threads N       worker threads (default: all cores; 1 = in this thread)
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
  const keep = Boolean(values.patients) || format !== 'jsonl' && format !== 'csv';
  const kept: OutputLine[] = [];
  if (format === 'csv') await sink.write(recordCsvHeader());
  for await (const line of runBulk(readInputs(positionals, readOpts), threads ? { threads } : {})) {
    progress.tick(isErrorLine(line));
    if (keep) kept.push(line);
    if (format === 'jsonl') await sink.write(`${JSON.stringify(line)}\n`);
    else if (format === 'csv') await sink.write(recordCsvRow(line));
  }
  let patientCount = 0;
  const patientLines = values.patients ? classifyRecords(kept) : undefined;
  if (format !== 'jsonl' && format !== 'csv') await sink.write(await formatOther(format, kept, patientLines));
  await sink.close();
  if (patientLines) {
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
