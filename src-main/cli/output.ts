// How the CLI speaks: `--json` prints the call's value (or `{ "error": … }`) as one JSON
// document on stdout; otherwise short human text. Exit codes: 0 ok, 1 refused by the app,
// 2 bad usage.
import { AppError, type ErrorBody } from '../../shared/errors.js';
import { cellText } from '../../shared/domain/cell-text.js';

export class UsageError extends Error {}

export interface Out {
  json: boolean;
  result(value: unknown, human: () => string): void;
  note(text: string): void;
}

export function createOut(json: boolean): Out {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : human() + '\n');
    },
    note(text) {
      process.stderr.write(text + '\n');
    },
  };
}

export function reportFailure(err: unknown, json: boolean): number {
  let body: ErrorBody;
  let exit = 1;
  if (err instanceof UsageError) {
    body = { code: 'BAD_INPUT', message: err.message };
    exit = 2;
  } else if (err instanceof AppError) {
    body = err.toBody();
  } else {
    body = { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
  }
  if (json) process.stdout.write(JSON.stringify({ error: body }, null, 2) + '\n');
  else process.stderr.write(`frontdesk: ${body.message} [${body.code}]\n`);
  return exit;
}

export function table(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  if (rows.length === 0) return '(none)';
  const cells = rows.map((r) => columns.map((c) => cellText(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), ...cells.map(line)].join('\n');
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}h ${String(m).padStart(2, '0')}m`;
}
