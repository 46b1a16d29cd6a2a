import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { MyelexError, toErrorInfo } from '../errors.js';
import { ReportInput } from '../schema/report-input.js';
import type { InputItem, ReadOptions } from './types.js';

const idOf = (path: string) => basename(path, extname(path));

function invalid(source: string, id: unknown, message: string, line?: number): InputItem {
  const error: { code: string; message: string; line?: number } = { code: 'E_INPUT_LINE_INVALID', message };
  if (line !== undefined) error.line = line;
  return { kind: 'error', source, line: { id: id === undefined || id === null ? null : String(id), error } };
}

/** One report object (a JSONL line, a JSON array item, a CSV row) validated at the edge. */
export function toItem(raw: unknown, source: string, line?: number): InputItem {
  const parsed = ReportInput.safeParse(raw);
  if (parsed.success) return { kind: 'report', input: parsed.data, source };
  const issue = parsed.error.issues[0];
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return invalid(source, id, `${issue?.path.join('.') || 'line'}: ${issue?.message}`, line);
}

export async function* readTxt(path: string): AsyncGenerator<InputItem> {
  yield { kind: 'report', source: path, input: { id: idOf(path), text: await readFile(path, 'utf8') } };
}

export async function* readPdf(path: string): AsyncGenerator<InputItem> {
  const fail = (code: 'E_PDF_NO_TEXT' | 'E_PDF_UNREADABLE', message: string): InputItem => ({
    kind: 'error', source: path, line: { id: idOf(path), error: { code, message: `${path}: ${message}` } },
  });
  let text: string;
  try {
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: await readFile(path) });
    try {
      text = (await parser.getText()).text;
    } finally {
      await parser.destroy();
    }
  } catch (err) {
    yield fail('E_PDF_UNREADABLE', toErrorInfo(err).message);
    return;
  }
  // pdf-parse marks page breaks with "-- 1 of 3 --" lines: page furniture, not report text.
  text = text.replace(/^\s*--\s*\d+\s+of\s+\d+\s*--\s*$/gm, '');
  if (!/[\p{L}\p{N}]{2}/u.test(text)) {
    yield fail('E_PDF_NO_TEXT', 'the PDF has no text layer (a scan?): run OCR first');
    return;
  }
  yield { kind: 'report', source: path, input: { id: idOf(path), text } };
}

/** JSON Lines, streamed: memory stays flat however long the file. */
export async function* readJsonl(path: string, stream: NodeJS.ReadableStream = createReadStream(path)): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      yield invalid(path, null, `${path}:${n}: not valid JSON`, n);
      continue;
    }
    yield toItem(value, path, n);
  }
}

export async function* readJson(path: string): AsyncGenerator<InputItem> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    yield invalid(path, idOf(path), `${path}: not valid JSON`);
    return;
  }
  const list = Array.isArray(value) ? value : [value];
  for (let i = 0; i < list.length; i++) yield toItem(list[i], path, i + 1);
}

/** CSV with a header row; the id/text/patient/date columns can be renamed by flags. */
export async function* readCsv(path: string, opts: ReadOptions, stream: NodeJS.ReadableStream = createReadStream(path)): AsyncGenerator<InputItem> {
  const cols = { id: opts.idCol ?? 'id', text: opts.textCol ?? 'text', patient: opts.patientCol ?? 'patient', date: opts.dateCol ?? 'date' };
  const parser = stream.pipe(parseCsv({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
  let n = 1;
  let checked = false;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    n++;
    if (!checked) {
      checked = true;
      for (const need of [cols.id, cols.text]) {
        if (!(need in row)) throw new MyelexError('E_INPUT_LINE_INVALID', `${path}: no column "${need}" (columns: ${Object.keys(row).join(', ')}; name others with --id-col/--text-col)`);
      }
    }
    const raw: Record<string, unknown> = { id: row[cols.id] || undefined, text: row[cols.text] };
    if (row[cols.patient]) raw['patient'] = row[cols.patient];
    if (row[cols.date]) raw['date'] = row[cols.date];
    yield toItem(raw, path, n);
  }
}
