/**
 * Test data for the exports: the own fixtures (test/export/fixtures) and, when ../shared is there,
 * the dev corpora as RecordLines (gold records filled to their type's fields, with findings made
 * here by finding a few terms in the report text, so that spans point into the original text).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/schema/evidence.js';
import type { OutputLine, RecordLine } from '../../src/schema/output.js';
import { emptyValue, fieldsForType, type FieldName } from '../../src/schema/record.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, 'fixtures');
export const CORPUS = join(here, '../../../shared/corpus');
export const CORPORA = ['dev-en', 'dev-ru'] as const;
export const corpusPresent = (name: string): boolean => existsSync(join(CORPUS, name, 'gold.jsonl'));
export const SKIP_REASON_TEXT = `${CORPUS} is not present (the shared gold corpora sit beside the repository): corpus round trips skipped`;

export const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

interface Report { id: string; patient?: string; date?: string; text: string }

export function fixtureLines(): OutputLine[] { return readJsonl<OutputLine>(join(FIXTURES, 'records.jsonl')); }
export function fixtureTexts(): Map<string, string> {
  return new Map(readJsonl<Report>(join(FIXTURES, 'reports.jsonl')).map((r) => [r.id, r.text]));
}

/** Terms to look for, per field: a few findings per report with spans into the original text. */
const TERMS: { field: string; value: unknown; re: RegExp }[] = [
  { field: 'mri.cord_lesion', value: 'present', re: /intramedullary|интрамедуллярн\p{L}*/iu },
  { field: 'mri.hemorrhage', value: 'absent', re: /h(a)?emorrhage|кровоизлияни\p{L}*/iu },
  { field: 'mri.cord_compression', value: 'absent', re: /compression|компресси\p{L}*/iu },
  { field: 'note.intrathecal_agents', value: 'methotrexate', re: /methotrexate|метотрексат\p{L}*/iu },
  { field: 'enmg.radiculopathy', value: 'present', re: /radiculopathy|радикулопати\p{L}*/iu },
  { field: 'enmg.polyneuropathy', value: 'present', re: /polyneuropathy|полинейропати\p{L}*/iu },
  { field: 'csf.blasts', value: 'absent', re: /blasts?|бласт\p{L}*/iu },
  { field: 'mri.cord_lesion_upper', value: 'T10', re: /\b(Th?|Т|Th)\s?10\b/u },
];
const NEG = /(?<!\p{L})(no|not|without|нет|без|не)\s+(\p{L}+\s+){0,2}$/iu;
const HYPO = /(?<!\p{L})(if|exclude|rule out|исключить|если)\s+(\p{L}+\s+){0,2}$/iu;

export function makeFindings(text: string): Finding[] {
  const out: Finding[] = [];
  for (const t of TERMS) {
    const m = t.re.exec(text);
    if (!m) continue;
    const start = m.index;
    const before = text.slice(Math.max(0, start - 30), start);
    const assertion = HYPO.test(before) ? 'hypothetical' : NEG.test(before) ? 'negated' : 'affirmed';
    out.push({ field: t.field, value: t.value, assertion, section: 'findings', span: [start, start + m[0].length], text: m[0], ruleId: 'test-term' });
  }
  return out;
}

/** A corpus as RecordLines (gold record filled per fieldsForType; findings from makeFindings) and its texts. */
export function corpusLines(name: string): { lines: RecordLine[]; texts: Map<string, string> } {
  const dir = join(CORPUS, name);
  const reports = new Map(readJsonl<Report>(join(dir, 'reports.jsonl')).map((r) => [r.id, r]));
  const lines = readJsonl<{ id: string; record: Record<string, unknown> }>(join(dir, 'gold.jsonl')).map((g): RecordLine => {
    const r = reports.get(g.id);
    const type = (g.record['report.type'] ?? null) as Parameters<typeof fieldsForType>[0];
    const record: Record<string, unknown> = {};
    for (const f of fieldsForType(type)) record[f] = f in g.record ? g.record[f] : emptyValue(f as FieldName);
    return {
      id: g.id, patient: r?.patient ?? null, date: r?.date ?? null, record: record as RecordLine['record'],
      findings: r ? makeFindings(r.text) : [], warnings: [],
    };
  });
  return { lines, texts: new Map([...reports].map(([id, r]) => [id, r.text])) };
}

/** The record of a line filled to its type's fields (null / []), as the JSONL reader should see it. */
export function filledRecord(l: RecordLine): Record<string, unknown> {
  const type = l.record['report.type'] ?? null;
  const out: Record<string, unknown> = {};
  for (const f of fieldsForType(type)) out[f] = f in l.record ? l.record[f] : emptyValue(f);
  return out;
}

/** Values compared as the scorer does: sets as sorted sets, measurement rows as sorted JSON. */
export function canonical(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  return v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]])) : String(x))).sort();
}

/** A test title that says why it is skipped when the corpus is not there. */
export const corpusTitle = (name: string, what: string): string => (corpusPresent(name) ? what : `${what} [skipped: ${SKIP_REASON_TEXT}]`);
