/** Redis connections: patient ones for workers (retry forever), fail-fast ones for the commands. */
import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { redactUrl, type QueueConfig } from './config.js';

/** Reconnect forever with a capped backoff: a worker resumes by itself when Redis comes back. */
export const reconnectForever = (times: number): number => Math.min(200 * times, 2000);

/** Connection options for BullMQ workers (BullMQ requires maxRetriesPerRequest: null). */
export function workerConnection(cfg: QueueConfig, name: string): BullRedisOptions {
  return {
    url: cfg.redisUrl,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: reconnectForever,
    connectionName: name,
  };
}

/**
 * A client that waits out Redis outages (for the worker's own result writes). Its commands are
 * auto-pipelined: the results of several jobs finishing in one tick go in one socket write.
 * (Only this client: BullMQ's own connections keep ioredis' defaults.)
 */
export function patientClient(cfg: QueueConfig, name: string): Redis {
  const client = new Redis(cfg.redisUrl, {
    maxRetriesPerRequest: null,
    retryStrategy: reconnectForever,
    connectionName: name,
    enableAutoPipelining: true,
  });
  client.on('error', () => { /* reported by the BullMQ worker; ioredis reconnects by itself */ });
  return client;
}

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/**
 * A connected client for enqueue/status/results: it fails fast when Redis is down
 * (no offline queue, one retry per command, a few reconnects) instead of hanging.
 */
export async function connectFailFast(cfg: QueueConfig, name: string, timeoutMs = 5000): Promise<Redis> {
  let lastError: Error | undefined;
  const client = new Redis(cfg.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: timeoutMs,
    commandTimeout: Math.max(timeoutMs, 10_000),
    retryStrategy: (times) => (times > 3 ? null : 250 * times),
    connectionName: name,
  });
  client.on('error', (e: Error) => { lastError = e; });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    const reason = (lastError ?? (e as Error)).message;
    throw new RedisUnavailableError(`cannot reach Redis at ${redactUrl(cfg.redisUrl)}: ${reason}`);
  }
  return client;
}
