import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { MyelexError } from '../errors.js';
import type { Language } from '../schema/enums.js';
import { LexiconFile } from '../schema/lexicon.js';
import { compileLexicon, type Matcher } from './compile.js';

/** The package root: the nearest folder up from this module with a lexicons/ folder. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'lexicons')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new MyelexError('E_LEXICON_INVALID', 'cannot find the lexicons/ folder');
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot();
export const LEXICON_DIR = join(PACKAGE_ROOT, 'lexicons');

export interface LexiconSet {
  readonly lang: Language;
  /** The compiled matcher of concept `group/concept`; throws for an unknown id (a programming error). */
  get(id: string): Matcher;
  has(id: string): boolean;
  ids(): string[];
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(p));
    else if (entry.name.endsWith('.yaml')) out.push(p);
  }
  return out.sort();
}

export function formatZodPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

/** Read and validate one lexicon file; errors name the file, the YAML path and the issue. */
export function readLexiconFile(path: string): LexiconFile {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new MyelexError('E_LEXICON_INVALID', `${path}: ${(err as Error).message}`);
  }
  const parsed = LexiconFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MyelexError('E_LEXICON_INVALID', `${path}: ${formatZodPath(issue?.path ?? [])}: ${issue?.message}`);
  }
  return parsed.data;
}

const cache = new Map<string, LexiconSet>();

export function loadLexicons(lang: Language, dir: string = LEXICON_DIR): LexiconSet {
  const key = `${lang}:${dir}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const files = new Map<string, string>();
  for (const path of listYaml(dir)) {
    const m = /^(.+)\.(en|ru)\.yaml$/.exec(relative(dir, path).split(sep).join('/'));
    if (m && m[2] === lang) files.set(m[1]!, path);
  }
  const compiled = new Map<string, Matcher>();
  const set: LexiconSet = {
    lang,
    get(id) {
      let matcher = compiled.get(id);
      if (!matcher) {
        const path = files.get(id);
        if (!path) throw new MyelexError('E_LEXICON_INVALID', `no lexicon ${id}.${lang}.yaml in ${dir}`);
        matcher = compileLexicon(id, readLexiconFile(path));
        compiled.set(id, matcher);
      }
      return matcher;
    },
    has: (id) => files.has(id),
    ids: () => [...files.keys()],
  };
  cache.set(key, set);
  return set;
}
