import { ErrorLine, RecordLine } from '../schema/output.js';
import type { OutputLine } from '../schema/output.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One parsed JSON value as an output line. A record line may omit patient, date, findings
 * and warnings (read as null / []); anything that is neither a valid record line nor an
 * error line becomes an ErrorLine with code 'invalid_line', so it is reported, not lost.
 */
export function toOutputLine(value: unknown, lineNo?: number): OutputLine {
  const at = lineNo === undefined ? {} : { line: lineNo };
  if (isObject(value) && 'error' in value) {
    const e = ErrorLine.safeParse(value);
    if (e.success) return e.data;
  }
  if (isObject(value)) {
    const r = RecordLine.safeParse({ patient: null, date: null, findings: [], warnings: [], ...value });
    if (r.success) return r.data;
    const id = typeof value.id === 'string' ? value.id : null;
    const patient = typeof value.patient === 'string' ? value.patient : null;
    const issue = r.error.issues[0];
    const message = issue ? `${issue.path.join('.') || '(line)'}: ${issue.message}` : 'not a record line';
    return { id, patient, error: { code: 'invalid_line', message, ...at } };
  }
  return { id: null, error: { code: 'invalid_line', message: 'not a JSON object', ...at } };
}

/** Parses JSON Lines output of `myelex extract` into output lines (blank lines skipped). */
export function parseOutputJsonl(text: string): OutputLine[] {
  const out: OutputLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.push({ id: null, error: { code: 'invalid_json', message: 'line is not JSON', line: i + 1 } });
      return;
    }
    out.push(toOutputLine(value, i + 1));
  });
  return out;
}
