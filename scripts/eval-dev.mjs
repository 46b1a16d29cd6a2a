#!/usr/bin/env node
// Scores `myelex extract` + `classify` on the hand-annotated dev corpora of ../shared (not part of the package).
// Usage: npm run eval [-- --only mri. --errors 20 --corpus dev-en]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: resolve(root, '../shared') },
    corpus: { type: 'string', multiple: true },
    only: { type: 'string' },
    errors: { type: 'string', default: '0' },
  },
});
const shared = values.shared;
if (!existsSync(join(shared, 'eval/score.mjs'))) {
  console.error(`eval: no scorer at ${shared}/eval/score.mjs (pass --shared DIR)`);
  process.exit(2);
}
const corpora = values.corpus ?? ['dev-en', 'dev-ru'];
const tmp = mkdtempSync(join(tmpdir(), 'myelex-eval-'));
const cli = join(root, 'bin/myelex.js');
for (const c of corpora) {
  const gold = join(shared, 'corpus', c);
  const records = join(tmp, `${c}.jsonl`);
  const patients = join(tmp, `${c}.patients.jsonl`);
  execFileSync(process.execPath, [cli, 'extract', join(gold, 'reports.jsonl'), '--out', records, '--quiet'], { stdio: 'inherit' });
  const score = [join(shared, 'eval/score.mjs'), '--gold', gold, '--records', records, '--errors', values.errors];
  if (existsSync(join(gold, 'patients.gold.jsonl'))) {
    execFileSync(process.execPath, [cli, 'classify', records, '--out', patients], { stdio: ['ignore', 'ignore', 'ignore'] });
    score.push('--patients', patients);
  }
  if (values.only) score.push('--only', values.only);
  console.log(`\n=== ${c} ===`);
  execFileSync(process.execPath, score, { stdio: 'inherit' });
}
