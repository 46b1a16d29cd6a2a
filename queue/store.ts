/**
 * The result ledger, in Redis under the queue's prefix (so one Cluster slot with a hash tag).
 * Per kind ('report' | 'patient'):
 *   accepted  hash  id -> job id            what enqueue accepted (the current version of each id)
 *   meta      hash  id -> "c|jobId|" or "f|jobId|CODE"   the final state of each id, no patient data
 *   results   hash  id -> sealed record     the result itself (AES-256-GCM with a key); removed by purge
 *   counts    hash  completed, failed, duplicates, superseded
 * Writes are one Lua script: a second delivery of the same job finds its own job id in meta and
 * adds nothing (it only bumps `duplicates`), so BullMQ's at-least-once delivery yields exactly one record.
 */
import type { Redis } from 'ioredis';
import { seal, sealJson, unseal } from './crypto.js';

export type Kind = 'report' | 'patient';
export type FinalStatus = 'completed' | 'failed';

export interface StoredRecord {
  id: string;
  status: FinalStatus;
  jobId: string;
  patient: string | null;
  attempts: number;
  finishedAt: string;
  /** The output line (a RecordLine or ErrorLine for reports, a PatientLine for patients). */
  line: unknown;
}

export interface MetaEntry { status: FinalStatus; jobId: string; code: string | null }

export interface LedgerKeys { accepted: string; meta: string; results: string; counts: string }

export function ledgerKeys(prefix: string, queue: string, kind: Kind): LedgerKeys {
  const base = `${prefix}:${queue}:myelex:${kind === 'report' ? 'r' : 'p'}`;
  return { accepted: `${base}:accepted`, meta: `${base}:meta`, results: `${base}:results`, counts: `${base}:counts` };
}

const RECORD_LUA = `
local cur = redis.call('HGET', KEYS[2], ARGV[1])
local acc = redis.call('HGET', KEYS[1], ARGV[1])
if acc and acc ~= ARGV[2] then
  redis.call('HINCRBY', KEYS[4], 'superseded', 1)
  return 2
end
if cur then
  local st, jid = string.match(cur, '^(%a)|([^|]*)|')
  if jid == ARGV[2] and not (st == 'f' and ARGV[3] == 'c') then
    redis.call('HINCRBY', KEYS[4], 'duplicates', 1)
    return 0
  end
  if st == 'c' then redis.call('HINCRBY', KEYS[4], 'completed', -1) else redis.call('HINCRBY', KEYS[4], 'failed', -1) end
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3] .. '|' .. ARGV[2] .. '|' .. ARGV[4])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
if ARGV[3] == 'c' then redis.call('HINCRBY', KEYS[4], 'completed', 1) else redis.call('HINCRBY', KEYS[4], 'failed', 1) end
if not acc then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1
`;

type RecordFn = (a: string, m: string, r: string, c: string, id: string, jobId: string, st: string, code: string, value: string) => Promise<number>;

export function parseMeta(v: string | null | undefined): MetaEntry | null {
  if (!v) return null;
  const m = /^([cf])\|([^|]*)\|(.*)$/.exec(v);
  if (!m) return null;
  return { status: m[1] === 'c' ? 'completed' : 'failed', jobId: m[2]!, code: m[3] ? m[3] : null };
}

export const resultAad = (kind: Kind, id: string): string => `myelex:${kind}:${id}`;

export type WriteOutcome = 'written' | 'duplicate' | 'superseded';

export class Ledger {
  readonly keys: LedgerKeys;
  constructor(
    readonly redis: Redis,
    prefix: string,
    queue: string,
    readonly kind: Kind,
    private readonly key: Buffer | undefined,
  ) {
    this.keys = ledgerKeys(prefix, queue, kind);
    if (!(redis as unknown as Record<string, unknown>).myelexRecord) {
      redis.defineCommand('myelexRecord', { numberOfKeys: 4, lua: RECORD_LUA });
    }
  }

  /** Writes the final record of `id` for `jobId`, once: later deliveries of the same job add nothing. */
  async record(rec: StoredRecord, code: string | null): Promise<WriteOutcome> {
    return this.write(rec, code, seal(rec, this.key, resultAad(this.kind, rec.id)));
  }

  /**
   * `record` of a record whose line is already JSON text (as a worker thread returns it): the
   * same stored bytes as `record` with the parsed line, without parsing and serializing it again.
   */
  async recordJson(rec: Omit<StoredRecord, 'line'>, lineJson: string, code: string | null): Promise<WriteOutcome> {
    const { id, status, jobId, patient, attempts, finishedAt } = rec;
    const head = JSON.stringify({ id, status, jobId, patient, attempts, finishedAt });
    const json = `${head.slice(0, -1)},"line":${lineJson}}`;
    return this.write(rec, code, sealJson(json, this.key, resultAad(this.kind, rec.id)));
  }

  private async write(rec: Omit<StoredRecord, 'line'>, code: string | null, value: string): Promise<WriteOutcome> {
    const k = this.keys;
    const fn = (this.redis as unknown as { myelexRecord: RecordFn }).myelexRecord.bind(this.redis);
    const r = await fn(k.accepted, k.meta, k.results, k.counts, rec.id, rec.jobId, rec.status === 'completed' ? 'c' : 'f', code ?? '', value);
    return r === 1 ? 'written' : r === 0 ? 'duplicate' : 'superseded';
  }

  async counts(): Promise<{ accepted: number; completed: number; failed: number; duplicates: number; superseded: number; stored: number }> {
    const [accepted, counts, stored] = await Promise.all([
      this.redis.hlen(this.keys.accepted),
      this.redis.hgetall(this.keys.counts),
      this.redis.hlen(this.keys.results),
    ]);
    const n = (f: string) => Number(counts[f] ?? 0);
    return { accepted, completed: n('completed'), failed: n('failed'), duplicates: n('duplicates'), superseded: n('superseded'), stored };
  }

  async metaOf(ids: string[]): Promise<(MetaEntry | null)[]> {
    if (ids.length === 0) return [];
    return (await this.redis.hmget(this.keys.meta, ...ids)).map(parseMeta);
  }

  async acceptedOf(ids: string[]): Promise<(string | null)[]> {
    if (ids.length === 0) return [];
    return this.redis.hmget(this.keys.accepted, ...ids);
  }

  async markAccepted(entries: [id: string, jobId: string][]): Promise<void> {
    if (entries.length === 0) return;
    await this.redis.hset(this.keys.accepted, Object.fromEntries(entries));
  }

  decode(id: string, value: string): StoredRecord {
    return unseal(value, this.key, resultAad(this.kind, id)) as StoredRecord;
  }

  async get(ids: string[]): Promise<(StoredRecord | null)[]> {
    if (ids.length === 0) return [];
    const vals = await this.redis.hmget(this.keys.results, ...ids);
    return vals.map((v, i) => (v ? this.decode(ids[i]!, v) : null));
  }

  /** Every stored result, in HSCAN batches. */
  async *scanResults(batch = 500): AsyncGenerator<StoredRecord[]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.keys.results, cursor, 'COUNT', batch);
      cursor = next;
      const out: StoredRecord[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) out.push(this.decode(flat[i]!, flat[i + 1]!));
      if (out.length) yield out;
    } while (cursor !== '0');
  }

  /** Every meta entry (id, status, job id, failure code), in HSCAN batches. */
  async *scanMeta(batch = 1000): AsyncGenerator<[string, MetaEntry][]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.keys.meta, cursor, 'COUNT', batch);
      cursor = next;
      const out: [string, MetaEntry][] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const m = parseMeta(flat[i + 1]);
        if (m) out.push([flat[i]!, m]);
      }
      if (out.length) yield out;
    } while (cursor !== '0');
  }

  /** Deletes exported results; meta stays, so re-enqueueing the same input still adds nothing. */
  async purge(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) await this.redis.hdel(this.keys.results, ...ids.slice(i, i + 1000));
  }
}
