import { mkdirSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import path from 'node:path';
import { REPORT_NAMES, type ReportName } from '../../../shared/contract/reports.js';
import { exportFileName, toCsv } from '../../../shared/domain/report-range.js';
import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

export const reportCommand = {
  usage: `report <${REPORT_NAMES.join('|')}> [--days N | --from YYYY-MM-DD --to YYYY-MM-DD] [--team T] [--employee CODE] [--tz ZONE] [--max-hours H] [--csv DIR]`,
  summary: 'run a report on central; --csv writes it to a file named after the report, range and zone',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, {
      days: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      team: { type: 'string' },
      employee: { type: 'string' },
      tz: { type: 'string' },
      'max-hours': { type: 'string' },
      csv: { type: 'string' },
    });
    const name = positionals[0] as ReportName | undefined;
    if (!name || !REPORT_NAMES.includes(name)) throw new UsageError(`usage: frontdesk ${this.usage}`);
    const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      // Reports read central: send what waits here first, when central answers.
      await app.sync.syncNow();
      const r = await call(
        app.dispatch,
        'reports.run',
        {
          name,
          days: num(values.days),
          from: values.from,
          to: values.to,
          team: values.team,
          employee: values.employee,
          tz: values.tz,
          maxHours: num(values['max-hours']),
        },
        { origin: 'cli' },
      );
      if (values.csv !== undefined) {
        const file = path.join(values.csv, exportFileName(r.name, r.range));
        try {
          mkdirSync(values.csv, { recursive: true });
          writeFileSync(file, toCsv(r.columns, r.rows));
        } catch (err) {
          throw new AppError('BAD_INPUT', `Could not write ${file}: ${describeFsError(err)}.`);
        }
        out.result({ file, rows: r.rows.length, range: r.range }, () => `Wrote ${r.rows.length} rows to ${file}`);
      } else {
        out.result(r, () => `${r.name}: ${r.range.from} to ${r.range.to} (${r.range.tz})\n${table(r.rows, r.columns)}`);
      }
      return 0;
    });
  },
};

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file stands where the folder should be';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the folder is read-only';
  return code ?? String(err);
}
