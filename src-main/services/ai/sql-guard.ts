// The SQL guard, for the AI's escape hatch and the admins' reporting console. A query passes
// only if PostgreSQL's own parser (libpg-query) reads it as exactly one plain SELECT over the
// reporting relations, calling only allow-listed functions. It then runs as the read-only role,
// inside a READ ONLY transaction, with a statement timeout and a row limit. Anything else is a
// typed SQL_REFUSED error that says why.
import type pg from 'pg';
import { AppError } from '../../../shared/errors.js';

/** The relations of the reporting schema (migrations 0004–0006). */
export const REPORTING_RELATIONS = [
  'employees',
  'teams',
  'punches',
  'punch_sequence',
  'work_sessions',
  'exceptions',
  'daily_hours',
  'daily_work',
] as const;

/** Functions a report may call: aggregates, arithmetic, text, dates. Nothing that reads files, sleeps, or changes settings. */
export const ALLOWED_FUNCTIONS = new Set([
  'count', 'sum', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'every', 'string_agg', 'array_agg', 'percentile_cont', 'percentile_disc', 'mode', 'stddev', 'variance',
  'row_number', 'rank', 'dense_rank', 'lag', 'lead', 'first_value', 'last_value', 'ntile',
  'round', 'floor', 'ceil', 'ceiling', 'abs', 'trunc', 'greatest', 'least', 'coalesce', 'nullif', 'div', 'mod', 'sign', 'sqrt', 'power',
  'lower', 'upper', 'initcap', 'length', 'char_length', 'substr', 'substring', 'left', 'right', 'trim', 'btrim', 'ltrim', 'rtrim', 'replace', 'concat', 'concat_ws', 'position', 'strpos', 'split_part', 'lpad', 'rpad',
  'date_trunc', 'date_part', 'extract', 'to_char', 'to_date', 'to_timestamp', 'make_date', 'make_interval', 'age', 'now', 'timezone', 'justify_hours', 'justify_interval', 'isodow', 'generate_series', 'unnest',
]);

export const SQL_ROLE = 'frontdesk_reporting';

export interface GuardLimits {
  rowLimit: number;
  timeoutMs: number;
}

export const DEFAULT_LIMITS: GuardLimits = { rowLimit: 1000, timeoutMs: 3000 };

const refuse = (why: string): never => {
  throw new AppError('SQL_REFUSED', why);
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Parse = (sql: string) => unknown;
let loaded: Promise<Parse> | undefined;
/**
 * Loads the parser (WebAssembly) once, on first use: importing it starts compiling the module,
 * which the kiosk's start-up and its other commands never need.
 */
export function loadSqlParser(): Promise<Parse> {
  loaded ??= import('libpg-query').then(async (lib) => {
    await lib.loadModule();
    return lib.parseSync;
  });
  return loaded;
}

function names(list: Json): string[] {
  return Array.isArray(list) ? list.map((n) => ((n as { String?: { sval?: string } }).String?.sval ?? '').toLowerCase()) : [];
}

/** Every CTE name in the query: references to these are not tables. */
function cteNames(node: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => cteNames(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'CommonTableExpr' && value && typeof value === 'object' && !Array.isArray(value) && typeof value.ctename === 'string') out.add(value.ctename.toLowerCase());
      cteNames(value, out);
    }
  }
  return out;
}

function check(node: Json, ctes: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => check(n, ctes));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const v = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, Json>;
    if (key.endsWith('Stmt') && key !== 'SelectStmt') refuse(`Only SELECT is allowed; this contains ${key.replace(/Stmt$/, '').toUpperCase()}.`);
    if (key === 'SelectStmt') {
      if (v.intoClause) refuse('SELECT INTO writes a table; only plain SELECT is allowed.');
      if (v.lockingClause) refuse('Locking clauses (FOR UPDATE, FOR SHARE) are not allowed.');
    }
    if (key === 'RangeVar') {
      const schema = typeof v.schemaname === 'string' ? v.schemaname.toLowerCase() : null;
      const rel = String(v.relname ?? '').toLowerCase();
      if (schema !== null && schema !== 'reporting') refuse(`Only the reporting schema can be read, not ${schema}.${rel}.`);
      if (!(REPORTING_RELATIONS as readonly string[]).includes(rel) && !(schema === null && ctes.has(rel))) {
        refuse(`${rel} is not a reporting relation. These are: ${REPORTING_RELATIONS.join(', ')}.`);
      }
    }
    if (key === 'FuncCall') {
      const fn = names(v.funcname ?? []);
      if (fn.length !== 1 && !(fn.length === 2 && fn[0] === 'pg_catalog' && ALLOWED_FUNCTIONS.has(fn[1]!))) refuse(`The function ${fn.join('.')} is not allowed.`);
      if (!ALLOWED_FUNCTIONS.has(fn.at(-1)!)) refuse(`The function ${fn.at(-1)} is not allowed.`);
    }
    if (key === 'TypeCast') {
      const type = names((v.typeName as Record<string, Json> | undefined)?.names ?? []).at(-1) ?? '';
      if (type.startsWith('reg') || type.startsWith('pg_')) refuse(`Casting to ${type} reads the system catalogs; it is not allowed.`);
    }
    if (key === 'RangeTableSample') refuse('TABLESAMPLE is not allowed.');
    if (key === 'ParamRef') refuse('Parameters ($1) are not allowed; write the values in the query.');
    check(value, ctes);
  }
}

/**
 * Parses and checks a query; returns the statement itself (without a trailing semicolon), ready
 * to be wrapped. Throws SQL_REFUSED with the reason.
 */
export async function guardSql(sql: string): Promise<string> {
  if (sql.length > 20_000) refuse('The query is longer than 20,000 characters.');
  const parseSync = await loadSqlParser();
  let tree: { stmts?: { stmt: Json; stmt_location?: number; stmt_len?: number }[] };
  try {
    tree = parseSync(sql) as typeof tree;
  } catch (err) {
    return refuse(`PostgreSQL cannot parse this: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const stmts = tree.stmts ?? [];
  if (stmts.length !== 1) refuse(`Exactly one statement is allowed; this has ${stmts.length}.`);
  const [only] = stmts as [{ stmt: Json; stmt_location?: number; stmt_len?: number }];
  if (!only.stmt || typeof only.stmt !== 'object' || !('SelectStmt' in only.stmt)) refuse('Only a SELECT is allowed.');
  check(only.stmt, cteNames(only.stmt));
  const start = only.stmt_location ?? 0;
  return only.stmt_len ? sql.slice(start, start + only.stmt_len) : sql.slice(start);
}

export interface SqlResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
}

/**
 * Runs a guarded query on central as the read-only role. The statement is wrapped as a
 * subquery (on lines of its own, so a trailing comment cannot swallow the wrapper) with the
 * row limit, in a READ ONLY transaction that is always rolled back.
 */
export async function runGuardedSql(pool: pg.Pool, sql: string, limits: GuardLimits = DEFAULT_LIMITS): Promise<SqlResult> {
  const statement = await guardSql(sql);
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.floor(limits.timeoutMs)}`);
    try {
      await client.query(`SET LOCAL ROLE ${SQL_ROLE}`);
    } catch (err) {
      throw new AppError('UNAVAILABLE', `The read-only role ${SQL_ROLE} is not usable on this central database, so no SQL runs (${(err as Error).message}).`);
    }
    await client.query('SET LOCAL search_path = reporting');
    const res = await client.query(`SELECT * FROM (\n${statement}\n) AS guarded LIMIT ${limits.rowLimit + 1}`).catch((err: { code?: string; message?: string }) => {
      if (err.code === '57014') refuse(`The query ran longer than ${limits.timeoutMs} ms and was stopped.`);
      if (err.code === '42501') refuse(`The read-only role may not do that: ${err.message}.`);
      throw new AppError('BAD_INPUT', `PostgreSQL refused the query: ${err.message ?? 'unknown error'}.`);
    });
    const rows = res.rows as Record<string, unknown>[];
    return { columns: res.fields.map((f) => f.name), rows: rows.slice(0, limits.rowLimit), truncated: rows.length > limits.rowLimit };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
