#!/usr/bin/env node
// Runs the NegEx/ConText test kit through the assertion engine (built into dist/ first:
// `npm run eval:negex`). The kit is read from ../shared/external/negex (or --kit DIR) at
// run time only; its sentences are never copied into the project.
//   node scripts/eval-negex.mjs [--kit DIR] [--errors N] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assertConceptDetail } from '../dist/src/assert/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { kit: { type: 'string' }, errors: { type: 'string' }, json: { type: 'boolean' } },
});
const KIT = resolve(values.kit ?? join(ROOT, '..', 'shared', 'external', 'negex'));
const ERRORS = Number(values.errors ?? 0);
const FILES = [
  { name: 'NegEx (Annotations-1-120.txt)', file: 'Annotations-1-120.txt', context: false },
  { name: 'ConText (rsAnnotations-1-120-random.txt)', file: 'rsAnnotations-1-120-random.txt', context: true },
];
if (!existsSync(KIT)) {
  console.error(`eval-negex: kit not found at ${KIT} (give --kit DIR)`);
  process.exit(2);
}

const unquote = (s) => s.trim().replace(/^"(.*)"$/s, '$1');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsPattern = (words) => words.map(escape).join('\\s+');

/** The concept's span: the kit writes it in capitals; else the longest prefix or suffix found. */
function locate(sentence, concept) {
  const words = concept.split(/\s+/).filter(Boolean);
  for (let n = words.length; n > 0; n--) {
    for (const part of n === words.length ? [words] : [words.slice(0, n), words.slice(words.length - n)]) {
      const re = new RegExp(`(?<![A-Za-z0-9])${wordsPattern(part)}(?![A-Za-z0-9])`, 'gi');
      const hits = [...sentence.matchAll(re)];
      if (!hits.length) continue;
      const isCaps = (m) => /[A-Z]/.test(m[0]) && !/[a-z]/.test(m[0]);
      const label = (m) => /^\s*:/.test(sentence.slice(m.index + m[0].length));
      const caps = hits.find((m) => isCaps(m) && !label(m)) ?? hits.find(isCaps) ?? hits[0];
      return { span: [caps.index, caps.index + caps[0].length], exact: n === words.length };
    }
  }
  return { span: [0, sentence.length], exact: false };
}

function readKit(file, context) {
  const lines = readFileSync(join(KIT, file), 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim());
  return lines.map((line) => {
    const c = line.split('\t');
    const row = { id: c[0], concept: unquote(c[1] ?? ''), sentence: unquote(c[2] ?? ''), negation: (c[3] ?? '').trim() };
    if (context) Object.assign(row, { temporality: (c[4] ?? '').trim(), experiencer: (c[5] ?? '').trim() });
    return row;
  });
}

const prf = (tp, fp, fn) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (m) =>
  `P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}  (TP ${m.tp}, FP ${m.fp}, FN ${m.fn})`;

function table(title, rows, gold, sys) {
  const gs = [...new Set(rows.map(gold))].sort();
  const ss = [...new Set(rows.map(sys))].sort();
  const w = Math.max(14, ...gs.map((g) => g.length + 2));
  const out = [`  ${title} (rows gold, columns system)`, `  ${''.padEnd(w)}${ss.map((s) => s.padStart(13)).join('')}`];
  for (const g of gs) {
    const cells = ss.map((s) => String(rows.filter((r) => gold(r) === g && sys(r) === s).length).padStart(13));
    out.push(`  ${g.padEnd(w)}${cells.join('')}`);
  }
  return out.join('\n');
}

const trig = (t) => (t ? `${t.category} "${t.text}" @${t.span[0]}` : '-');
const report = {};
for (const { name, file, context } of FILES) {
  const rows = readKit(file, context);
  for (const row of rows) {
    const { span, exact } = locate(row.sentence, row.concept);
    row.located = exact;
    row.span = span;
    row.result = assertConceptDetail({ sentence: row.sentence, span, lang: 'en' });
  }
  const isNeg = (r) => r.negation.toLowerCase() === 'negated';
  const sysNeg = (r) => r.result.assertion === 'negated';
  const neg = prf(
    rows.filter((r) => isNeg(r) && sysNeg(r)).length,
    rows.filter((r) => !isNeg(r) && sysNeg(r)).length,
    rows.filter((r) => isNeg(r) && !sysNeg(r)).length,
  );
  const entry = { rows: rows.length, notLocated: rows.filter((r) => !r.located).length, negated: neg };
  console.log(`\n${name}: ${rows.length} pairs (${entry.notLocated} concepts not found whole in their sentence)`);
  console.log(`  Negated     ${fmt(neg)}`);
  if (context) {
    const isHist = (r) => r.temporality.toLowerCase() === 'historical';
    const sysHist = (r) => Boolean(r.result.categories.historical);
    entry.historical = prf(
      rows.filter((r) => isHist(r) && sysHist(r)).length,
      rows.filter((r) => !isHist(r) && sysHist(r)).length,
      rows.filter((r) => isHist(r) && !sysHist(r)).length,
    );
    console.log(`  Historical  ${fmt(entry.historical)}`);
  }
  console.log(table('Negation', rows, (r) => r.negation, (r) => r.result.assertion));
  if (context) {
    console.log(table('Temporality', rows, (r) => r.temporality, (r) => (r.result.categories.historical ? 'historical' : r.result.categories.hypothetical ? 'hypothetical' : 'other')));
  }
  report[file] = entry;
  if (ERRORS > 0) {
    const errs = rows.filter((r) => isNeg(r) !== sysNeg(r));
    if (context) errs.push(...rows.filter((r) => (r.temporality === 'Historical') !== Boolean(r.result.categories.historical)));
    console.log(`\n  Errors (${errs.length}; first ${Math.min(ERRORS, errs.length)}):`);
    for (const r of errs.slice(0, ERRORS)) {
      const kind = isNeg(r) !== sysNeg(r) ? (isNeg(r) ? 'FN-neg' : 'FP-neg') : r.temporality === 'Historical' ? 'FN-hist' : 'FP-hist';
      const s = r.sentence.replace(/\s+/g, ' ');
      console.log(`  [${kind}] #${r.id} gold ${r.negation}${context ? '/' + r.temporality : ''}, system ${r.result.assertion}; trigger ${trig(r.result.trigger)}; hist ${trig(r.result.categories.historical)}`);
      console.log(`      concept "${r.concept}" in: ${s.length > 400 ? s.slice(0, 400) + '...' : s}`);
    }
  }
}
if (values.json) console.log(JSON.stringify(report));
