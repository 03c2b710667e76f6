// Command-line parsing. Every command accepts the global options; each command declares its own.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './output.js';

export const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  'no-demo': { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export interface GlobalFlags {
  data: string | undefined;
  json: boolean;
  noDemo: boolean;
  /** --demo: demo data even with a central named by DATABASE_URL (only an empty one). */
  demo: boolean;
  help: boolean;
}

export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    const parsed = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
    const v = parsed.values as Record<string, unknown>;
    const globals: GlobalFlags = {
      data: v.data as string | undefined,
      json: v.json === true,
      noDemo: v['no-demo'] === true,
      demo: v.demo === true,
      help: v.help === true,
    };
    return { values: parsed.values, positionals: parsed.positionals, globals };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function requireOption(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}
