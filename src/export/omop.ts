/**
 * OMOP CDM 5.4 NOTE_NLP: one row per finding, the columns of the CDM table in its order, CSV with a
 * header (load with `\copy note_nlp FROM 'note_nlp.csv' CSV HEADER`).
 *   snippet       the original report text at the finding's span (finding.text when no text is given)
 *   offset        where the snippet starts in the note, in characters (code points, as SQL counts)
 *   term_exists   'N' for negated and hypothetical findings (the OMOP convention), else 'Y'
 *   term_temporal 'past' for historical findings, else 'present'
 *   term_modifiers assertion, field, value, section, rule (and unit, flag) as key=value;...
 * section_concept_id, note_nlp_concept_id and note_nlp_source_concept_id are 0 (no standard
 * concept mapped); the section name is in term_modifiers. Error lines have no findings: they are
 * skipped, counted and reported as warnings.
 */
import { stringify } from 'csv-stringify/sync';
import { isErrorLine, type OutputLine } from '../schema/output.js';
import type { Finding } from '../schema/evidence.js';
import type { ExportWarning } from './warnings.js';

export const NOTE_NLP_COLUMNS = [
  'note_nlp_id', 'note_id', 'section_concept_id', 'snippet', 'offset', 'lexical_variant', 'note_nlp_concept_id',
  'note_nlp_source_concept_id', 'nlp_system', 'nlp_date', 'nlp_datetime', 'term_exists', 'term_temporal', 'term_modifiers',
] as const;
export type NoteNlpRow = Record<(typeof NOTE_NLP_COLUMNS)[number], string | number>;

export interface OmopOptions {
  /** Original report text by report id: snippets and offsets come from it. */
  texts?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** NOTE.note_id (an integer) of each report id. Otherwise a numeric report id is used as is, else 1, 2, ... in order (with a warning). */
  noteIds?: ReadonlyMap<string, number>;
  nlpSystem?: string;
  /** YYYY-MM-DD; default today. */
  nlpDate?: string;
  /** First note_nlp_id (default 1). */
  firstId?: number;
}

export interface OmopResult { csv: string; rows: NoteNlpRow[]; warnings: ExportWarning[]; skippedErrorLines: number }

const MAX = 250; // varchar(250) of snippet and lexical_variant
const NOT_EXISTS = new Set(['negated', 'hypothetical']);

const textOf = (texts: OmopOptions['texts'], id: string): string | undefined =>
  !texts ? undefined : texts instanceof Map ? texts.get(id) : (texts as Record<string, string>)[id];

const cut = (s: string): string => { const cps = Array.from(s); return cps.length > MAX ? cps.slice(0, MAX).join('') : s; };
const cpOffset = (text: string, utf16: number): number => Array.from(text.slice(0, utf16)).length;

function modifiers(f: Finding): string {
  const v = typeof f.value === 'string' ? f.value : JSON.stringify(f.value ?? null);
  const parts = [`assertion=${f.assertion}`, `field=${f.field}`, `value=${v}`, `section=${f.section}`, `rule=${f.ruleId}`];
  if (f.unit) parts.push(`unit=${f.unit}`);
  if (f.flag) parts.push(`flag=${f.flag}`);
  if (f.implied) parts.push('implied=true');
  return parts.join(';');
}

export function omopNoteNlp(lines: readonly OutputLine[], opts: OmopOptions = {}): OmopResult {
  const warnings: ExportWarning[] = [];
  const rows: NoteNlpRow[] = [];
  const nlpDate = opts.nlpDate ?? new Date().toISOString().slice(0, 10);
  const system = opts.nlpSystem ?? 'myelex';
  const assigned = new Map<string, number>();
  let nextNote = 1;
  let id = opts.firstId ?? 1;
  let skipped = 0;
  let noText = 0;
  const noteId = (rid: string): number => {
    const given = opts.noteIds?.get(rid);
    if (given !== undefined) return given;
    if (/^\d{1,15}$/.test(rid)) return Number(rid);
    let n = assigned.get(rid);
    if (n === undefined) {
      n = nextNote++;
      assigned.set(rid, n);
      warnings.push({ code: 'note_id_assigned', id: rid, message: `report ${rid} has no numeric note_id: ${n} assigned (pass noteIds to use NOTE.note_id)` });
    }
    return n;
  };
  for (const l of lines) {
    if (isErrorLine(l)) {
      skipped++;
      warnings.push({ code: 'error_line', id: l.id, message: `report ${l.id ?? '(no id)'} failed (${l.error.code}): no NOTE_NLP rows` });
      continue;
    }
    const text = textOf(opts.texts, l.id);
    if (text === undefined && l.findings.length) noText++;
    for (const f of l.findings) {
      const [start, end] = f.span;
      let snippet: string;
      let offset: number;
      if (text !== undefined) {
        if (end > text.length || start > end) {
          warnings.push({ code: 'span_out_of_text', id: l.id, message: `finding ${f.field} has span [${start}, ${end}) outside the text (length ${text.length}): finding.text used` });
          snippet = f.text; offset = start;
        } else {
          snippet = text.slice(start, end); offset = cpOffset(text, start);
        }
      } else {
        snippet = f.text; offset = start;
      }
      rows.push({
        note_nlp_id: id++, note_id: noteId(l.id), section_concept_id: 0, snippet: cut(snippet), offset: String(offset),
        lexical_variant: cut(f.text), note_nlp_concept_id: 0, note_nlp_source_concept_id: 0, nlp_system: system,
        nlp_date: nlpDate, nlp_datetime: '', term_exists: NOT_EXISTS.has(f.assertion) ? 'N' : 'Y',
        term_temporal: f.assertion === 'historical' ? 'past' : 'present', term_modifiers: modifiers(f),
      });
    }
  }
  if (noText) warnings.push({ code: 'no_report_text', message: `${noText} report(s) without their text: snippet is finding.text and offset its UTF-16 span start` });
  const csv = stringify([[...NOTE_NLP_COLUMNS], ...rows.map((r) => NOTE_NLP_COLUMNS.map((c) => r[c]))]);
  return { csv, rows, warnings, skippedErrorLines: skipped };
}
