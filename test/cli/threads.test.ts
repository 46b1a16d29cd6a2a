import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/lexicon/load.js';

// The worker-thread runner exists only in the build (npm test builds first): run the built CLI.
const BIN = join(PACKAGE_ROOT, 'bin/myelex.js');
const built = existsSync(join(PACKAGE_ROOT, 'dist/src/bulk/thread.js'));

describe.skipIf(!built)('extract with worker threads (built CLI)', () => {
  it('gives the same lines in the same order as one thread, bad lines included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'myelex-threads-'));
    const samples = join(PACKAGE_ROOT, 'samples');
    const texts = readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(samples, f), 'utf8'));
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) {
      if (i % 97 === 5) lines.push('{"id": "broken"');
      else if (i % 101 === 7) lines.push(JSON.stringify({ id: `empty-${i}`, text: ' ' }));
      else lines.push(JSON.stringify({ id: `r${i}`, patient: `p${i % 40}`, text: `${texts[i % texts.length]}\nRef ${i}.` }));
    }
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const run = (threads: string) => {
      const out = join(dir, `out-${threads}.jsonl`);
      try {
        execFileSync(process.execPath, [BIN, 'extract', input, '--out', out, '--threads', threads, '--quiet'], { stdio: 'ignore' });
      } catch (err) {
        expect((err as { status: number }).status).toBe(1); // some lines are bad on purpose
      }
      return readFileSync(out, 'utf8');
    };
    const one = run('1');
    const two = run('2');
    expect(two).toBe(one);
    // The JSON-lines path takes a thread's error flags, not parsed lines: the counts must agree.
    const errorLines = one.trim().split('\n').filter((l) => 'error' in (JSON.parse(l) as object)).length;
    expect(errorLines).toBeGreaterThan(5);
    const summary = (threads: string, extra: string[] = []) => {
      const r = spawnSync(process.execPath, [BIN, 'extract', input, '--out', join(dir, `s-${threads}.jsonl`), '--threads', threads, ...extra], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      return /(\d+) reports, (\d+) errors/.exec(r.stderr)?.slice(1, 3);
    };
    expect(summary('2')).toEqual(['600', String(errorLines)]);
    expect(summary('1')).toEqual(['600', String(errorLines)]);
    // With --patients the lines are parsed records (runBulk): the same text, and patient lines.
    expect(summary('2', ['--patients', join(dir, 'p-2.jsonl')])).toEqual(['600', String(errorLines)]);
    expect(readFileSync(join(dir, 's-2.jsonl'), 'utf8')).toBe(one);
    expect(readFileSync(join(dir, 'p-2.jsonl'), 'utf8').trim().split('\n').length).toBeGreaterThan(30);
    const ids = one.trim().split('\n').map((l) => (JSON.parse(l) as { id: string | null }).id);
    expect(ids.length).toBe(600);
    expect(ids[5]).toBeNull();
    expect(ids[6]).toBe('r6');
  }, 120_000);
});
