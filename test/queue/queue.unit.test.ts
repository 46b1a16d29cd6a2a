import { describe, expect, test } from 'vitest';
import { ConfigError, hasHashTag, loadConfig, redactUrl } from '../../queue/config.js';
import { DecryptError, parseKey, seal, unseal } from '../../queue/crypto.js';
import { errorJobId, openReport, patientJobId, reportJobData, reportJobId } from '../../queue/jobs.js';
import { parseMeta } from '../../queue/store.js';
import { publicReason } from '../../queue/worker.js';

const KEY = Buffer.alloc(32, 1);

describe('crypto', () => {
  test('AES-256-GCM round trip; the sealed text hides the plain text', () => {
    const s = seal({ text: 'intramedullary lesion C3-C6' }, KEY, 'a');
    expect(s).toMatch(/^enc1:/);
    expect(s).not.toContain('intramedullary');
    expect(unseal(s, KEY, 'a')).toEqual({ text: 'intramedullary lesion C3-C6' });
  });
  test('wrong key, other place (AAD), no key, tampering: refused', () => {
    const s = seal({ x: 1 }, KEY, 'a');
    expect(() => unseal(s, Buffer.alloc(32, 2), 'a')).toThrow(DecryptError);
    expect(() => unseal(s, KEY, 'b')).toThrow(DecryptError);
    expect(() => unseal(s, undefined, 'a')).toThrow(/MYELEX_ENCRYPTION_KEY is not set/);
    const t = s.slice(0, -4) + (s.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => unseal(t, KEY, 'a')).toThrow(DecryptError);
  });
  test('without a key: plain JSON', () => {
    expect(seal({ a: 1 }, undefined, 'x')).toBe('{"a":1}');
    expect(unseal('{"a":1}', KEY, 'x')).toEqual({ a: 1 });
  });
  test('keys: 64 hex digits or base64 of 32 bytes', () => {
    expect(parseKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseKey(Buffer.alloc(32, 9).toString('base64'))).toHaveLength(32);
    expect(() => parseKey('short')).toThrow(/32 bytes/);
  });
});

describe('config', () => {
  test('defaults: hash-tagged prefix, local Redis', () => {
    const c = loadConfig({}, {});
    expect(c.prefix).toBe('{myelex}');
    expect(hasHashTag(c.prefix)).toBe(true);
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.encryptionKey).toBeUndefined();
  });
  test('flags override the environment; rediss:// and passwords accepted', () => {
    const c = loadConfig({ concurrency: '3' }, { MYELEX_CONCURRENCY: '8', REDIS_URL: 'rediss://:pw@redis.example:6380/2', MYELEX_ATTEMPTS: '7' });
    expect(c.concurrency).toBe(3);
    expect(c.attempts).toBe(7);
    expect(redactUrl(c.redisUrl)).toBe('rediss://:***@redis.example:6380/2');
  });
  test('bad values name their variable', () => {
    expect(() => loadConfig({}, { REDIS_URL: 'http://x' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { MYELEX_CONCURRENCY: '0' })).toThrow(/MYELEX_CONCURRENCY/);
    expect(() => loadConfig({}, { MYELEX_ENCRYPTION_KEY: 'nope' })).toThrow(/MYELEX_ENCRYPTION_KEY: the key must be 32 bytes/);
  });
});

describe('job ids and payloads', () => {
  test('derived from the report id and its text; valid BullMQ ids', () => {
    const a = reportJobId('R1', 'text one');
    expect(reportJobId('R1', 'text one')).toBe(a);
    expect(reportJobId('R1', 'text two')).not.toBe(a);
    expect(reportJobId('R2', 'text one')).not.toBe(a);
    expect(a).not.toContain(':');
    expect(`${parseInt(a, 10)}`).not.toBe(a);
    expect(reportJobId('R1', 'text one', KEY)).not.toBe(a);
    expect(patientJobId('P', [a, 'b'])).toBe(patientJobId('P', ['b', a]));
    expect(errorJobId('f.jsonl', { id: null, error: { code: 'E_INPUT_LINE_INVALID', message: 'm', line: 3 } })).toMatch(/^e-[0-9a-f]{40}$/);
  });
  test('payloads are sealed with the key and bound to their job', () => {
    const input = { id: 'R1', patient: 'P1', date: '2024-01-01', text: 'secret text' };
    const jobId = reportJobId(input.id, input.text, KEY);
    const data = reportJobData(input, jobId, KEY);
    expect(JSON.stringify(data)).not.toContain('secret');
    expect(openReport(data, jobId, KEY)).toEqual(input);
    expect(() => openReport(data, 'r-other', KEY)).toThrow(DecryptError);
  });
  test('failure reasons kept in clear carry a code and its registry text only', () => {
    expect(publicReason('E_TIMEOUT')).toBe('E_TIMEOUT: the report took longer than the time limit');
    expect(publicReason('E_INPUT_LINE_INVALID', 4)).toMatch(/\(line 4\)$/);
  });
  test('ledger meta entries', () => {
    expect(parseMeta('c|r-1-2|')).toEqual({ status: 'completed', jobId: 'r-1-2', code: null });
    expect(parseMeta('f|r-1-2|E_TIMEOUT')).toEqual({ status: 'failed', jobId: 'r-1-2', code: 'E_TIMEOUT' });
    expect(parseMeta(null)).toBeNull();
  });
});
