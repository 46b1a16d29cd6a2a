import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { toErrorInfo } from '../errors.js';
import { readCsv, readJson, readJsonl, readPdf, readTxt } from './read-files.js';
import type { InputItem, ReadOptions } from './types.js';

export type { InputItem, ReadOptions } from './types.js';

const READERS: Record<string, (path: string, opts: ReadOptions) => AsyncGenerator<InputItem>> = {
  '.txt': (p) => readTxt(p),
  '.text': (p) => readTxt(p),
  '.pdf': (p) => readPdf(p),
  '.jsonl': (p) => readJsonl(p),
  '.ndjson': (p) => readJsonl(p),
  '.json': (p) => readJson(p),
  '.csv': (p, o) => readCsv(p, o),
};

export const READABLE_EXTENSIONS = Object.keys(READERS);

const fileError = (source: string, code: string, message: string): InputItem => ({
  kind: 'error', source, line: { id: null, error: { code, message } },
});

async function listDir(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listDir(p)));
    else if (READERS[extname(e.name).toLowerCase()]) out.push(p);
  }
  return out;
}

/** Standard input: JSON Lines when it starts with '{', else one plain-text report with id "stdin". */
async function* readStdin(stream: NodeJS.ReadableStream, opts: ReadOptions): AsyncGenerator<InputItem> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  const { Readable } = await import('node:stream');
  if (/^\s*\{/.test(text)) yield* readJsonl('-', Readable.from([text]));
  else if (opts.textCol && /^[^\n]*,/.test(text)) yield* readCsv('-', opts, Readable.from([text]));
  else if (text.trim()) yield { kind: 'report', source: '-', input: { id: 'stdin', text } };
}

/**
 * Every report of the inputs, in order: files by type, directories recursively (sorted),
 * '-' for standard input. Unreadable inputs become error items; nothing is dropped silently.
 */
export async function* readInputs(paths: readonly string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(opts.stdin ?? process.stdin, opts);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch {
      yield fileError(path, 'E_INPUT_NOT_FOUND', `${path}: no such file or directory`);
      continue;
    }
    const files = isDir ? await listDir(path) : [path];
    for (const file of files) {
      const reader = READERS[extname(file).toLowerCase()];
      if (!reader) {
        yield fileError(file, 'E_INPUT_UNSUPPORTED', `${file}: not a type myelex reads (${READABLE_EXTENSIONS.join(', ')})`);
        continue;
      }
      try {
        yield* reader(file, opts);
      } catch (err) {
        const info = toErrorInfo(err);
        yield fileError(file, info.code, info.message.startsWith(file) ? info.message : `${file}: ${info.message}`);
      }
    }
  }
}

/** A quick count of the reports in the inputs, for a progress bar (lines of JSONL/CSV, one per file). */
export async function countInputs(paths: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const path of paths) {
    if (path === '-') return null;
    try {
      const files = (await stat(path)).isDirectory() ? await listDir(path) : [path];
      for (const f of files) {
        const ext = extname(f).toLowerCase();
        if (ext === '.jsonl' || ext === '.ndjson' || ext === '.csv') total += (await countLines(f)) - (ext === '.csv' ? 1 : 0);
        else total += 1;
      }
    } catch {
      total += 1;
    }
  }
  return total;
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
    last = buf[buf.length - 1] ?? last;
  }
  return last === 10 ? n : n + 1;
}
