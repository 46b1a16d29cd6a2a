import { execFileSync } from 'node:child_process';
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
    const ids = one.trim().split('\n').map((l) => (JSON.parse(l) as { id: string | null }).id);
    expect(ids.length).toBe(600);
    expect(ids[5]).toBeNull();
    expect(ids[6]).toBe('r6');
  }, 120_000);
});
