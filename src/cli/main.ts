import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toErrorInfo } from '../errors.js';
import { PACKAGE_ROOT } from '../lexicon/load.js';
import { redcapDictionary } from '../export/index.js';
import { parseCommand, str, UsageError } from './args.js';
import { Sink } from './sink.js';
import { CLASSIFY_HELP, runClassify } from './classify.js';
import { EXTRACT_HELP, runExtract } from './extract.js';

type Command = (argv: string[]) => Promise<number>;

const queueCommand = (name: 'runWorkerCommand' | 'runEnqueueCommand' | 'runResultsCommand' | 'runStatusCommand'): Command =>
  async (argv) => (await import('../../queue/cli-commands.js'))[name](argv);

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  extract: { run: runExtract, summary: 'abstract reports into records (JSONL, CSV, REDCap, FHIR, OMOP)' },
  classify: { run: runClassify, summary: 'classify patients from record lines against the differential' },
  assert: {
    run: async (argv) => (await import('../assert/cli.js')).runAssertCommand(argv),
    summary: 'the assertion (negated, uncertain, historical) of a concept in a sentence',
  },
  'redcap-dictionary': {
    run: async (argv) => runRedcapDictionary(argv),
    summary: 'write the REDCap data dictionary CSV for the records',
  },
  worker: { run: queueCommand('runWorkerCommand'), summary: 'queue mode: process report jobs from Redis' },
  enqueue: { run: queueCommand('runEnqueueCommand'), summary: 'queue mode: add reports as jobs' },
  results: { run: queueCommand('runResultsCommand'), summary: 'queue mode: export the stored results' },
  status: { run: queueCommand('runStatusCommand'), summary: 'queue mode: job counts and failure reasons' },
};

async function runRedcapDictionary(argv: string[]): Promise<number> {
  const { values } = parseCommand('redcap-dictionary', argv, { out: { type: 'string', short: 'o' } });
  if (values.help) {
    process.stdout.write('Usage: myelex redcap-dictionary [--out FILE]\n\nWrites the REDCap data dictionary CSV for every field the records carry.\n');
    return 0;
  }
  const sink = new Sink(str(values.out));
  await sink.write(redcapDictionary());
  await sink.close();
  return 0;
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export const MAIN_HELP = `myelex ${version()}: structured abstraction of spinal MRI, ENMG, CSF, lab and clinical-note reports
(English and Russian) and the differential of leukemia-associated myelopathy.
Decision support for research abstraction, not a diagnosis.

Usage: myelex COMMAND [options]   (myelex COMMAND --help for its options)

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`).join('\n')}
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(MAIN_HELP);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[cmd];
  if (!command) {
    process.stderr.write(`myelex: unknown command "${cmd}"\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    const info = toErrorInfo(err);
    process.stderr.write(`myelex ${cmd}: ${info.code}: ${info.message}\n`);
    return 1;
  }
}

export { CLASSIFY_HELP, EXTRACT_HELP };
