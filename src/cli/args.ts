import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** parseArgs with --help everywhere and usage errors that name the command. */
export function parseCommand(command: string, argv: string[], options: Options): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({
      args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true,
    });
    return { values: values as ParsedCommand['values'], positionals };
  } catch (err) {
    throw new UsageError(`myelex ${command}: ${(err as Error).message}`);
  }
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function positiveInt(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, not ${String(v)}`);
  return n;
}
