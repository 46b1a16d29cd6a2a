import { describe, expect, it } from 'vitest';
import { runBulk, runBulkJson } from '../../src/bulk/run-bulk.js';
import type { InputItem } from '../../src/io/types.js';

async function* inputs(): AsyncGenerator<InputItem> {
  yield { kind: 'report', input: { id: 'a', text: 'MRI THORACIC SPINE\nFindings: T2 hyperintense lesion at T4-T6.' }, source: 'test' };
  yield { kind: 'error', line: { id: null, error: { code: 'E_INPUT_LINE_INVALID', message: 'not JSON', line: 2 } }, source: 'test' };
  yield { kind: 'report', input: { id: 'b', text: ' ' }, source: 'test' };
  yield { kind: 'report', input: { id: 'c', text: 'ЭНМГ: СРВ по n. tibialis 38 м/с.' }, source: 'test' };
}

const collect = async <T>(gen: AsyncGenerator<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
};

// In this thread (a TypeScript loader runs no worker threads); tests/cli/threads covers the threads.
describe('runBulkJson', () => {
  it('gives the lines of runBulk as their JSON text, in order, with the error lines flagged', async () => {
    const objects = await collect(runBulk(inputs(), { threads: 1 }));
    const texts = await collect(runBulkJson(inputs(), { threads: 1 }));
    expect(texts.map((l) => l.json)).toEqual(objects.map((l) => JSON.stringify(l)));
    expect(texts.map((l) => l.error)).toEqual(objects.map((l) => 'error' in l));
    expect(texts.map((l) => l.error)).toEqual([false, true, true, false]);
  });
});
