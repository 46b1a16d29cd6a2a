import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../src/lexicon/load.js';
import { FIELD_NAMES, RecordShape, type FieldName } from '../src/schema/record.js';

// The zod record must be the data dictionary of the contract, field for field and value for value.
const SPEC = join(PACKAGE_ROOT, '../shared/spec/fields.json');

interface SpecField { name: string; type: string; values?: string[] }

/** Example values of a field type, each of which the schema must accept. */
function samples(f: SpecField): unknown[] {
  switch (f.type) {
    case 'enum': case 'status': return f.values ?? ['present', 'absent', 'uncertain'];
    case 'set': return (f.values ?? []).map((v) => [v]);
    case 'level': return ['C1', 'T10', 'L3', 'S5'];
    case 'set_levels': return [['C8', 'L5', 'S1']];
    case 'date': return ['2024-03-01'];
    case 'number': return [1.5];
    case 'integer': return [6];
    case 'boolean': return [true, false];
    case 'measurements': return [[{ nerve: 'peroneal', side: 'right', study: 'motor', param: 'amplitude_change_pct', value: -51, value_max: null, unit: '%' }]];
    default: throw new Error(`unknown field type ${f.type}`);
  }
}

describe.skipIf(!existsSync(SPEC))('record schema = ../shared/spec/fields.json', () => {
  // The describe body runs while tests are collected, also when skipped: read only if present.
  const spec = (existsSync(SPEC) ? JSON.parse(readFileSync(SPEC, 'utf8')) : { fields: [] }) as { fields: SpecField[] };
  it('has exactly the fields of the dictionary, in its order', () => {
    expect(FIELD_NAMES).toEqual(spec.fields.map((f) => f.name));
  });
  it.each(spec.fields.map((f) => [f.name, f] as const))('%s accepts its values and null/[]', (_name, f) => {
    const schema = RecordShape[f.name as FieldName];
    for (const v of samples(f)) expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(true);
    expect(schema.safeParse(schema instanceof z.ZodArray ? [] : null).success).toBe(true);
    if (f.values) expect(schema.safeParse(f.type === 'set' ? ['not-a-value'] : 'not-a-value').success).toBe(false);
  });
});
