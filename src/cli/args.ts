import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A user mistake on the command line: printed with the command's usage, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function intFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number between ${min} and ${max} (got "${value}")`);
  }
  return n;
}

export function temperatureFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 2) throw new UsageError(`--temperature must be a number between 0 and 2 (got "${value}")`);
  return n;
}

/** Exit codes shared with sft-label: 0 ok, 1 error, 2 stopped but resumable. */
export const EXIT = { ok: 0, error: 1, resumable: 2 } as const;
