import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAssertCommand } from '../../src/assert/index.js';

/** Run the command, capturing what it writes to stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const code = await runAssertCommand(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('myelex assert', () => {
  it('prints one JSON line for a sentence and a concept', async () => {
    const { code, out } = await run(['--sentence', 'No cord compression at C5-C6.', '--concept', 'cord compression']);
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual({
      assertion: 'negated',
      trigger: { text: 'No', span: [0, 2], category: 'negated' },
      span: [3, 19],
    });
  });

  it('skips a leading "assert", takes --lang and a span', async () => {
    const sentence = 'Миелит не исключается.';
    const { code, out } = await run(['assert', '--sentence', sentence, '--span', '0,6', '--lang', 'ru']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.assertion).toBe('uncertain');
    expect(sentence.slice(r.trigger.span[0], r.trigger.span[1])).toBe('не исключается');
  });

  it('reports a concept that is not in the sentence', async () => {
    const { code, out, err } = await run(['--sentence', 'No cord edema.', '--concept', 'syrinx']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/E_INPUT_LINE_INVALID.*syrinx/);
  });

  it('answers a JSONL batch line by line, echoing extra keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'myelex-assert-'));
    const file = join(dir, 'in.jsonl');
    const lines = [
      { id: 'a1', sentence: 'History of intrathecal methotrexate.', concept: 'intrathecal methotrexate' },
      { id: 'a2', sentence: 'Признаков стеноза нет.', concept: 'стеноза' },
      { id: 'a3', sentence: 'Cord signal is normal.', concept: 'syrinx' },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n\nnot json\n`);
    const { code, out } = await run(['--batch', file]);
    expect(code).toBe(1);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ id: 'a1', assertion: 'historical' });
    expect(rows[1]).toMatchObject({ id: 'a2', assertion: 'negated', trigger: { text: 'нет' } });
    expect(rows[2]).toMatchObject({ id: 'a3', error: { code: 'E_INPUT_LINE_INVALID' } });
    expect(rows[3]).toMatchObject({ error: { code: 'E_INPUT_LINE_INVALID' } });
  });

  it('prints help and rejects wrong usage', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/myelex assert --batch/);
    expect((await run(['--sentence', 'x'])).code).toBe(2);
    expect((await run(['--sentence', 'x', '--concept', 'x', '--lang', 'de'])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
