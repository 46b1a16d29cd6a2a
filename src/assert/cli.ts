import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { MyelexError, toErrorInfo } from '../errors.js';
import { assertConcept } from './assert-concept.js';

export const ASSERT_USAGE = `Usage:
  myelex assert --sentence "..." --concept "..." [--lang en|ru]
  myelex assert --sentence "..." --span START,END [--lang en|ru]
  myelex assert --batch FILE.jsonl|- [--lang en|ru]

Prints the assertion of the concept in the sentence (negated, uncertain, historical,
hypothetical or affirmed) as one JSON line, with the trigger that decided it and the
spans (character offsets into the sentence, end exclusive).
--batch reads JSON lines {"sentence": "...", "concept": "..."} (or "span": [s, e],
optionally "lang") from FILE or stdin (-) and writes one JSON line each; other keys
(an id...) are echoed back. A line that fails gives {"error": {code, message}}.
Exit status: 0 all lines answered, 1 some line failed, 2 wrong usage.
`;

type Write = (s: string) => void;

const LANGS = new Set(['en', 'ru']);

function parseSpan(value: string): [number, number] {
  const m = /^\s*(\d+)\s*[,:-]\s*(\d+)\s*$/.exec(value);
  if (!m) throw new MyelexError('E_INPUT_LINE_INVALID', `--span must be START,END, got "${value}"`);
  return [Number(m[1]), Number(m[2])];
}

function answerLine(line: string, lang: string | undefined): { out: Record<string, unknown>; ok: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { out: { error: { code: 'E_INPUT_LINE_INVALID', message: 'the line is not JSON' } }, ok: false };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { out: { error: { code: 'E_INPUT_LINE_INVALID', message: 'the line is not a JSON object' } }, ok: false };
  }
  const { sentence, concept, span, lang: lineLang, ...extra } = data as Record<string, unknown>;
  try {
    const input = { sentence, concept, span, lang: lineLang ?? lang } as Record<string, unknown>;
    for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
    const result = assertConcept(input as unknown as Parameters<typeof assertConcept>[0]);
    return { out: { ...extra, ...result }, ok: true };
  } catch (err) {
    return { out: { ...extra, error: toErrorInfo(err) }, ok: false };
  }
}

async function runBatch(source: string, lang: string | undefined, write: Write, writeErr: Write): Promise<number> {
  if (source !== '-' && !existsSync(source)) {
    writeErr(`myelex assert: E_INPUT_NOT_FOUND: ${source}\n`);
    return 2;
  }
  const stream = source === '-' ? process.stdin : createReadStream(source, 'utf8');
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let failed = 0;
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const { out, ok } = answerLine(line, lang);
    if (!ok) failed++;
    write(`${JSON.stringify(out)}\n`);
  }
  return failed ? 1 : 0;
}

/**
 * `myelex assert ...`: argv is what follows the command name (a leading "assert" is
 * skipped). Resolves to the exit status.
 */
export async function runAssertCommand(argv: string[]): Promise<number> {
  const write: Write = (s) => void process.stdout.write(s);
  const writeErr: Write = (s) => void process.stderr.write(s);
  const args = argv[0] === 'assert' ? argv.slice(1) : argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        sentence: { type: 'string', short: 's' },
        concept: { type: 'string', short: 'c' },
        span: { type: 'string' },
        lang: { type: 'string', short: 'l' },
        batch: { type: 'string', short: 'b' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    writeErr(`myelex assert: ${(err as Error).message}\n\n${ASSERT_USAGE}`);
    return 2;
  }
  if (values.help) {
    write(ASSERT_USAGE);
    return 0;
  }
  const lang = values.lang as string | undefined;
  if (lang !== undefined && !LANGS.has(lang)) {
    writeErr(`myelex assert: --lang must be en or ru, got "${lang}"\n`);
    return 2;
  }
  if (typeof values.batch === 'string') {
    if (values.sentence !== undefined || values.concept !== undefined || values.span !== undefined) {
      writeErr('myelex assert: --batch takes no --sentence, --concept or --span\n');
      return 2;
    }
    return runBatch(values.batch, lang, write, writeErr);
  }
  if (typeof values.sentence !== 'string' || (values.concept === undefined) === (values.span === undefined)) {
    writeErr(`myelex assert: give --sentence and one of --concept or --span, or --batch\n\n${ASSERT_USAGE}`);
    return 2;
  }
  try {
    const result = assertConcept({
      sentence: values.sentence,
      ...(typeof values.concept === 'string' ? { concept: values.concept } : {}),
      ...(typeof values.span === 'string' ? { span: parseSpan(values.span) } : {}),
      ...(lang ? { lang: lang as 'en' | 'ru' } : {}),
    });
    write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (err) {
    const { code, message } = toErrorInfo(err);
    writeErr(`myelex assert: ${code}: ${message}\n`);
    return 1;
  }
}
