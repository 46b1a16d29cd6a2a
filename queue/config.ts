/** Queue configuration: environment and flags, validated by zod at the edge. */
import os from 'node:os';
import { z } from 'zod';
import { parseKey } from './crypto.js';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const QueueConfigSchema = z.object({
  redisUrl: z
    .string()
    .refine((u) => /^rediss?:\/\//.test(u), 'REDIS_URL must start with redis:// or rediss:// (TLS)')
    .refine((u) => { try { new URL(u); return true; } catch { return false; } }, 'REDIS_URL is not a valid URL'),
  /** Key prefix; the {hash tag} keeps every key of the service in one Redis Cluster slot. */
  prefix: z.string().min(1).regex(/^\S+$/, 'the prefix has no spaces'),
  queue: z.string().min(1).regex(/^[A-Za-z0-9_.-]+$/, 'the queue name is letters, digits, _ . -'),
  concurrency: int(1, 256),
  attempts: int(1, 100),
  backoffMs: int(0, 3_600_000),
  timeoutMs: int(10, 24 * 3_600_000),
  lockMs: int(1000, 3_600_000),
  keepCompletedS: int(0, 365 * 86400),
  keepFailedS: int(0, 365 * 86400),
  encryptionKey: z
    .string()
    .optional()
    .transform((k, ctx) => {
      if (k === undefined || k === '') return undefined;
      try { return parseKey(k); } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
});
export type QueueConfig = z.output<typeof QueueConfigSchema>;

export const DEFAULTS = {
  redisUrl: 'redis://127.0.0.1:6379',
  prefix: '{myelex}',
  queue: 'reports',
  attempts: 5,
  backoffMs: 1000,
  timeoutMs: 30_000,
  lockMs: 30_000,
  keepCompletedS: 3600,
  keepFailedS: 7 * 86400,
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from the environment, with flags (already parsed) taking precedence. */
export function loadConfig(
  flags: { concurrency?: string | undefined; attempts?: string | undefined; queue?: string | undefined; timeoutMs?: string | undefined } = {},
  env: NodeJS.ProcessEnv = process.env,
): QueueConfig {
  const raw = {
    redisUrl: env.REDIS_URL || DEFAULTS.redisUrl,
    prefix: env.MYELEX_QUEUE_PREFIX || DEFAULTS.prefix,
    queue: flags.queue ?? (env.MYELEX_QUEUE || DEFAULTS.queue),
    concurrency: flags.concurrency ?? (env.MYELEX_CONCURRENCY || Math.max(1, os.availableParallelism())),
    attempts: flags.attempts ?? (env.MYELEX_ATTEMPTS || DEFAULTS.attempts),
    backoffMs: env.MYELEX_BACKOFF_MS || DEFAULTS.backoffMs,
    timeoutMs: flags.timeoutMs ?? (env.MYELEX_TIMEOUT_MS || DEFAULTS.timeoutMs),
    lockMs: env.MYELEX_LOCK_MS || DEFAULTS.lockMs,
    keepCompletedS: env.MYELEX_KEEP_COMPLETED_S || DEFAULTS.keepCompletedS,
    keepFailedS: env.MYELEX_KEEP_FAILED_S || DEFAULTS.keepFailedS,
    encryptionKey: env.MYELEX_ENCRYPTION_KEY,
  };
  const parsed = QueueConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const names: Record<string, string> = {
      redisUrl: 'REDIS_URL', prefix: 'MYELEX_QUEUE_PREFIX', queue: '--queue / MYELEX_QUEUE',
      concurrency: '--concurrency / MYELEX_CONCURRENCY', attempts: '--attempts / MYELEX_ATTEMPTS',
      backoffMs: 'MYELEX_BACKOFF_MS', timeoutMs: '--timeout-ms / MYELEX_TIMEOUT_MS', lockMs: 'MYELEX_LOCK_MS',
      keepCompletedS: 'MYELEX_KEEP_COMPLETED_S', keepFailedS: 'MYELEX_KEEP_FAILED_S', encryptionKey: 'MYELEX_ENCRYPTION_KEY',
    };
    const msg = parsed.error.issues
      .map((i) => `${names[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new ConfigError(`invalid configuration: ${msg}`);
  }
  return parsed.data;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}

/** Whether the prefix carries a Redis Cluster hash tag ({...}). */
export const hasHashTag = (prefix: string): boolean => /\{[^{}]+\}/.test(prefix);
