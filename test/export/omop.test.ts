import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { NOTE_NLP_COLUMNS, omopNoteNlp } from '../../src/export/omop.js';
import { isErrorLine, type OutputLine } from '../../src/schema/output.js';
import { CORPORA, corpusLines, corpusPresent, corpusTitle, fixtureLines, fixtureTexts } from './helpers.js';

/** Rows whose snippet is not the note text at its (code point) offset. */
function snippetMismatches(csv: string, texts: Map<string, string>, noteToReport: Map<number, string>): string[] {
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const bad: string[] = [];
  for (const r of rows) {
    const text = texts.get(noteToReport.get(Number(r['note_id'])) ?? '') ?? '';
    const cps = Array.from(text);
    const snippet = r['snippet'] ?? '';
    const at = cps.slice(Number(r['offset']), Number(r['offset']) + Array.from(snippet).length).join('');
    if (at !== snippet) bad.push(`${r['note_nlp_id']}`);
  }
  return bad;
}

function noteIds(lines: OutputLine[]): { ids: Map<string, number>; back: Map<number, string> } {
  const ids = new Map(lines.filter((l) => !isErrorLine(l)).map((l, i) => [l.id as string, 1000 + i]));
  return { ids, back: new Map([...ids].map(([k, v]) => [v, k])) };
}

describe('OMOP NOTE_NLP (fixtures, English and Russian)', () => {
  const lines = fixtureLines();
  const texts = fixtureTexts();
  const { ids, back } = noteIds(lines);
  const r = omopNoteNlp(lines, { texts, noteIds: ids, nlpDate: '2024-01-02' });

  it('has the CDM columns, one row per finding, snippets equal to the text at their offset', () => {
    const rows = parse(r.csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...NOTE_NLP_COLUMNS]);
    const findings = lines.reduce((n, l) => n + (isErrorLine(l) ? 0 : l.findings.length), 0);
    expect(rows.length).toBe(findings);
    expect(snippetMismatches(r.csv, texts, back)).toEqual([]);
    expect(rows.some((x) => /[а-я]/i.test(x['snippet'] ?? ''))).toBe(true);
    expect(rows.every((x) => x['nlp_date'] === '2024-01-02' && x['nlp_system'] === 'myelex')).toBe(true);
  });

  it('term_exists is N for negated and hypothetical findings, term_temporal past for historical', () => {
    const rows = parse(r.csv, { columns: true }) as Record<string, string>[];
    const by = (a: string) => rows.filter((x) => (x['term_modifiers'] ?? '').startsWith(`assertion=${a};`));
    expect(by('negated').length).toBeGreaterThan(0);
    expect(by('negated').every((x) => x['term_exists'] === 'N')).toBe(true);
    expect(by('hypothetical').map((x) => x['term_exists'])).toEqual(['N']);
    expect(by('affirmed').every((x) => x['term_exists'] === 'Y' && x['term_temporal'] === 'present')).toBe(true);
    expect(by('historical').map((x) => [x['term_exists'], x['term_temporal']])).toEqual([['Y', 'past']]);
  });

  it('skips the error line but counts it and says so', () => {
    expect(r.skippedErrorLines).toBe(1);
    expect(r.warnings.filter((w) => w.code === 'error_line').map((w) => w.id)).toEqual(['fx-en-bad']);
  });

  it('without texts: snippet is finding.text, note ids assigned with a warning', () => {
    const x = omopNoteNlp(lines, { nlpDate: '2024-01-02' });
    const rows = parse(x.csv, { columns: true }) as Record<string, string>[];
    expect(rows[0]?.['snippet']).toBe('intramedullary T2 hyperintensity');
    expect(x.warnings.map((w) => w.code)).toContain('note_id_assigned');
    expect(x.warnings.map((w) => w.code)).toContain('no_report_text');
    expect(new Set(rows.map((q) => q['note_id'])).size).toBe(4);
  });

  it('offsets count code points, as SQL does', () => {
    const text = '😀 no haemorrhage';
    const l: OutputLine = { id: '7', patient: null, date: null, record: {}, warnings: [], findings: [{ field: 'mri.hemorrhage', value: 'absent', assertion: 'negated', section: 's', span: [6, 17], text: 'haemorrhage', ruleId: 't' }] };
    const x = omopNoteNlp([l], { texts: { '7': text }, nlpDate: '2024-01-02' });
    expect(x.rows[0]).toMatchObject({ note_id: 7, offset: '5', snippet: 'haemorrhage', term_exists: 'N' });
  });
});

describe.each(CORPORA)('OMOP NOTE_NLP of %s', (name) => {
  it.skipIf(!corpusPresent(name))(corpusTitle(name, "every row's snippet equals the text at its offset"), () => {
    const { lines, texts } = corpusLines(name);
    const { ids, back } = noteIds(lines);
    const r = omopNoteNlp(lines, { texts, noteIds: ids, nlpDate: '2024-01-02' });
    const bad = snippetMismatches(r.csv, texts, back);
    console.log(`omop ${name}: ${r.rows.length} rows, ${r.rows.filter((x) => x.term_exists === 'N').length} with term_exists N, ${bad.length} snippet mismatches`);
    expect(r.rows.length).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });
});
