/**
 * Structured log lines on stderr. Only ids, codes, counts and timings: never report text
 * (callers pass no text; error details that might quote it go to the sealed result instead).
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  (level: Level, msg: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
}

export function makeLogger(minLevel: Level = (process.env.MYELEX_LOG_LEVEL as Level) || 'info', out: NodeJS.WritableStream = process.stderr): Logger {
  const min = ORDER[minLevel] ?? ORDER.info;
  const last = new Map<string, number>();
  return (level, msg, fields = {}) => {
    if (ORDER[level] < min) return;
    // the same warning (e.g. a Redis outage) at most every 5 s
    if (level !== 'debug' && level !== 'info') {
      const k = `${level}|${msg}|${fields.reason ?? ''}`;
      const now = Date.now();
      if ((last.get(k) ?? 0) > now - 5000) return;
      last.set(k, now);
    }
    out.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  };
}

export const silentLogger: Logger = () => {};
