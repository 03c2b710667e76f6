// The tools both engines answer with: typed wrappers around the reports, roster lookups with
// fuzzy name matching, and (for the model only) the guarded SQL. Each returns a table.
import { z } from 'zod';
import { cellText } from '../../../shared/domain/cell-text.js';
import type { Table } from '../../../shared/contract/ai.js';
import { ReportInputSchema, type ReportName } from '../../../shared/contract/reports.js';
import { matchEmployees } from '../../../shared/domain/question.js';
import type { CentralDeps } from '../deps.js';
import { reachParams, runReport } from '../reports/reports.js';
import { EVERYONE, type Reach } from '../../../shared/domain/access.js';
import { AppError } from '../../../shared/errors.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';
import { runGuardedSql } from './sql-guard.js';

export interface ToolContext {
  deps: CentralDeps;
  source: CentralSource;
  /** The caller's reach: every answer covers only these employees (everyone when absent). */
  reach?: Reach;
}

const reachOfCtx = (ctx: ToolContext): Reach => ctx.reach ?? EVERYONE;

/** Tools a caller of this reach may use: the SQL reads every team, so only callers who see every team get it. */
export const toolAllowed = (tool: Tool, reach: Reach): boolean => tool.name !== 'run_sql' || reach.all;

export interface ToolOutput {
  table: Table;
  sql?: string;
}

export interface Tool {
  name: string;
  description: string;
  input: z.ZodObject;
  /** The model may call it (the roster snapshot is for the offline interpreter's own use). */
  forModel: boolean;
  run(ctx: ToolContext, input: Record<string, unknown>): Promise<ToolOutput>;
}

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('a local date, YYYY-MM-DD');
const Range = {
  from: LocalDate.describe('first local date, inclusive'),
  to: LocalDate.describe('last local date, inclusive'),
  team: z.string().min(1).max(80).optional().describe('only this team, by its exact name'),
};
const Employee = z.string().min(1).max(40).optional().describe('only this employee, by code (look it up with find_employee)');

type Cell = Table['rows'][number][string];
const cell = (v: unknown): Cell =>
  v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'string' ? v : cellText(v);
export const toTable = (columns: string[], rows: readonly Record<string, unknown>[]): Table => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell(r[c])]))),
});

function reportTool(name: string, report: ReportName, description: string, shape: z.ZodRawShape): Tool {
  return {
    name,
    description,
    input: z.object(shape).strict(),
    forModel: true,
    async run(ctx, input) {
      const r = await runReport(ctx.deps, ctx.source, ReportInputSchema.parse({ name: report, ...input }), reachOfCtx(ctx));
      return { table: toTable(r.columns, r.rows) };
    },
  };
}

type RosterRow = {
  code: string;
  name: string;
  team: string | null;
  active: boolean;
  employed_from: string;
  employed_until: string | null;
  working_days: string;
};

async function rosterRows(ctx: ToolContext): Promise<RosterRow[]> {
  const { rows } = await withCentral(ctx.source, (c) =>
    c.pool.query<RosterRow>(
      `SELECT code, name, team, active, employed_from::text AS employed_from, employed_until::text AS employed_until,
              coalesce(working_days, '1,2,3,4,5') AS working_days
         FROM reporting.employees e
        WHERE $1::uuid[] IS NULL OR e.team_id = ANY($1::uuid[]) OR e.site_id = ANY($2::uuid[])
        ORDER BY code`,
      reachParams(reachOfCtx(ctx)),
    ),
  );
  return rows;
}

export const TOOLS: readonly Tool[] = [
  reportTool('work_hours', 'workhours', 'Hours worked per employee per local date (seconds, hours, sessions, open sessions).', {
    ...Range,
    employee: Employee,
  }),
  reportTool('days', 'days', "Each employee's days: first IN and its work mode, last OUT, and the shift in force (start, end), per local date.", {
    ...Range,
    employee: Employee,
  }),
  reportTool('presence', 'daily', 'Who punched IN on each local date (IN counts per employee per day).', Range),
  reportTool('late', 'late', "Late arrivals: the first IN of a day after the shift start plus grace (a team's or site's).", {
    ...Range,
    employee: Employee,
  }),
  reportTool(
    'trends',
    'trends',
    'Per team and per employee per week: days present, hours, average first IN, late days, WFH and WFO days. Team rows have no employee_code.',
    Range,
  ),
  reportTool('exceptions', 'exceptions', 'Missing OUTs, missing INs, sessions over max hours, and automatic check-outs.', {
    ...Range,
    employee: Employee,
  }),
  reportTool('present_now', 'present-now', 'Who is in right now: employees whose last punch is an IN within the max hours.', { team: Range.team }),
  {
    name: 'find_employee',
    description: 'Find employees by name or code, forgiving small typos. Returns code, name, team and whether they are active.',
    input: z.object({ name: z.string().min(1).max(80) }).strict(),
    forModel: true,
    async run(ctx, input) {
      const roster = await rosterRows(ctx);
      const found = new Set(matchEmployees(String(input.name), roster).map((m) => m.code));
      return {
        table: toTable(
          ['code', 'name', 'team', 'active'],
          roster.filter((r) => found.has(r.code)),
        ),
      };
    },
  },
  {
    name: 'list_teams',
    description: 'Every team with its site and shift times.',
    input: z.object({}).strict(),
    forModel: true,
    async run(ctx) {
      const { rows } = await withCentral(ctx.source, (c) =>
        c.pool.query(
          `SELECT name, site, shift_start, grace_minutes, shift_end FROM reporting.teams t
            WHERE $1::uuid[] IS NULL OR t.id = ANY($1::uuid[]) OR t.site_id = ANY($2::uuid[]) ORDER BY name`,
          reachParams(reachOfCtx(ctx)),
        ),
      );
      return { table: toTable(['name', 'site', 'shift_start', 'grace_minutes', 'shift_end'], rows) };
    },
  },
  {
    name: 'roster',
    description: 'Every employee: code, name, team, active.',
    input: z.object({}).strict(),
    forModel: false,
    async run(ctx) {
      return { table: toTable(['code', 'name', 'team', 'active', 'employed_from', 'employed_until', 'working_days'], await rosterRows(ctx)) };
    },
  },
  {
    name: 'run_sql',
    description:
      'Escape hatch: one read-only SELECT over the reporting schema (employees, teams, punches, punch_sequence, work_sessions, exceptions, daily_hours, daily_work). Use the report tools first.',
    input: z.object({ sql: z.string().min(1).max(20_000) }).strict(),
    forModel: true,
    async run(ctx, input) {
      if (!reachOfCtx(ctx).all) throw new AppError('FORBIDDEN', 'SQL reads every team; it is open only to accounts that see every team.');
      const sql = String(input.sql);
      const r = await withCentral(ctx.source, (c) => runGuardedSql(c.pool, sql));
      return { table: toTable(r.columns, r.rows), sql };
    },
  },
];

export const toolNamed = (name: string): Tool | undefined => TOOLS.find((t) => t.name === name);
