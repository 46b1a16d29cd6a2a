import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/lexicon/load.js';
import { CorpusFile } from '../../src/schema/corpus.js';

export const EXTRACTOR_DIR = join(PACKAGE_ROOT, 'extractors');

export function listFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, suffix));
    else if (e.name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

export interface LoadedCorpus {
  path: string;
  rel: string;
  file: CorpusFile;
}

export function loadCorpora(): LoadedCorpus[] {
  return listFiles(EXTRACTOR_DIR, '.corpus.yaml').map((path) => {
    const parsed = CorpusFile.safeParse(parseYaml(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path}: ${JSON.stringify(parsed.error.issues[0])}`);
    return { path, rel: relative(EXTRACTOR_DIR, path), file: parsed.data };
  });
}

/** Deep equality with numbers within 1% and sets (arrays of scalars) order-free. */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= Math.max(Math.abs(expected) * 0.01, 1e-9);
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return false;
    const left = [...actual];
    return expected.every((e) => {
      const i = left.findIndex((a) => sameValue(a, e));
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
  }
  if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    return Object.keys(e).every((k) => sameValue(a[k] ?? null, e[k]));
  }
  return actual === expected;
}
