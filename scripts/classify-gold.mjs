#!/usr/bin/env node
// Classifies the gold records of a corpus and scores the patient lines with the shared scorer.
// usage: node scripts/classify-gold.mjs [CORPUS_DIR ...]   (default: dev-en and dev-ru)
// Compiles src/classify to a temp dir with tsc first (no TS runner is installed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'classify-gold-'));
execFileSync(join(root, 'node_modules/.bin/tsc'), [
  join(root, 'src/classify/index.ts'), '--outDir', out, '--rootDir', root, '--module', 'nodenext',
  '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node',
], { stdio: 'inherit' });
writeFileSync(join(out, 'package.json'), '{"type":"module"}');
symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
const { classifyRecords } = await import(pathToFileURL(join(out, 'src/classify/index.js')).href);

const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['/work/shared/corpus/dev-en', '/work/shared/corpus/dev-ru'];
for (const dir of dirs) {
  const reports = new Map(readJsonl(join(dir, 'reports.jsonl')).map((r) => [r.id, r]));
  const lines = readJsonl(join(dir, 'gold.jsonl')).map((g) => ({
    id: g.id, patient: reports.get(g.id)?.patient ?? null, date: reports.get(g.id)?.date ?? null,
    record: g.record, findings: [], warnings: [],
  }));
  const name = dir.split('/').filter(Boolean).at(-1);
  const recordsPath = join(out, `${name}.records.jsonl`);
  const patientsPath = join(out, `${name}.patients.jsonl`);
  writeFileSync(recordsPath, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeFileSync(patientsPath, classifyRecords(lines).map((p) => JSON.stringify(p)).join('\n') + '\n');
  process.stdout.write(`== ${dir}\n`);
  const res = execFileSync('node', ['/work/shared/eval/score.mjs', '--gold', dir, '--records', recordsPath,
    '--patients', patientsPath, '--errors', '50'], { encoding: 'utf8' });
  process.stdout.write(res.split('\n').filter((l) => /^(patients:|  miss \S+ [a-z_]+: gold)/.test(l)).join('\n') + '\n');
}
process.stdout.write(`(patient lines kept in ${out})\n`);
