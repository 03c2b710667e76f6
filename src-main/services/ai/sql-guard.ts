// The SQL guard, for the AI's escape hatch and the admins' reporting console. A query passes
// only if PostgreSQL's own parser (libpg-query) reads it as exactly one plain SELECT over the
// reporting relations, calling only allow-listed functions. It then runs as the read-only role,
// inside a READ ONLY transaction, with a statement timeout and a row limit. Anything else is a
// typed SQL_REFUSED error that says why.
import type pg from 'pg';
import { AppError } from '../../../shared/errors.js';
import { checkSelect, refuse, type Json } from './sql-guard-tree.js';

export { ALLOWED_FUNCTIONS, REPORTING_COLUMNS, REPORTING_RELATIONS } from './sql-guard-tree.js';

export const SQL_ROLE = 'frontdesk_reporting';

export interface GuardLimits {
  rowLimit: number;
  /** The most row text (in bytes, as PostgreSQL renders it) a result may bring into Frontdesk. */
  maxBytes: number;
  timeoutMs: number;
}

export const DEFAULT_LIMITS: GuardLimits = { rowLimit: 1000, maxBytes: 4 * 1024 * 1024, timeoutMs: 3000 };

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
  if (stmts.length === 0) refuse('There is no statement here, only blanks or comments.');
  if (stmts.length !== 1) refuse(`Exactly one statement is allowed; this has ${stmts.length}.`);
  const [only] = stmts as [{ stmt: Json; stmt_location?: number; stmt_len?: number }];
  if (!only.stmt || typeof only.stmt !== 'object' || Array.isArray(only.stmt) || !('SelectStmt' in only.stmt)) refuse('Only a SELECT is allowed.');
  checkSelect(only.stmt as { [key: string]: Json });
  // The parser's locations count bytes of UTF-8, not JavaScript characters.
  const bytes = Buffer.from(sql, 'utf8');
  const start = only.stmt_location ?? 0;
  return (only.stmt_len ? bytes.subarray(start, start + only.stmt_len) : bytes.subarray(start)).toString('utf8');
}

export interface SqlResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  /** Why the result was cut: more rows than the row limit, or more text than the byte limit. */
  truncatedBy: 'rows' | 'bytes' | null;
}

const CUT_COLUMN = '__frontdesk_cut';
const CUT_MARK = 'frontdesk-cut:';

/**
 * The statement wrapped so that central sends at most `limit` rows and at most `maxBytes` of row
 * text: a running total of the rows' text is kept, and the first row that would pass the byte
 * limit stops the query on the server with an error naming its position — that row is never
 * sent, and nothing after it is computed. (The statement sits on lines of its own, so a
 * trailing comment cannot swallow the wrapper.)
 */
function capped(statement: string, limit: number, maxBytes: number): string {
  return `SELECT guarded.*,
       CASE WHEN sum(octet_length(guarded::text)) OVER w > ${Math.floor(maxBytes)}
            THEN ('${CUT_MARK}' || row_number() OVER w)::int END AS ${CUT_COLUMN}
  FROM (SELECT * FROM (
${statement}
) AS inner_query LIMIT ${Math.floor(limit)}) AS guarded
WINDOW w AS (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
}

/** The position of the row that passed the byte limit, when `err` is the wrapper's stop. */
function cutAt(err: unknown): number | null {
  const message = (err as { message?: unknown } | null)?.message;
  const match = typeof message === 'string' ? new RegExp(`"${CUT_MARK}(\\d+)"`).exec(message) : null;
  return match ? Number(match[1]) : null;
}

/** Memory and temporary disk one query may take on central (a sort or hash spills, then stops). */
const WORK_MEM = '16MB';
const TEMP_FILE_LIMIT = '64MB';

/**
 * Runs a guarded query on central as the read-only role, in a READ ONLY transaction that is
 * always rolled back, with a statement timeout, a row limit, a byte limit, and caps on the
 * memory and temporary files one query may use (`work_mem`, `temp_file_limit`). Set per
 * transaction: a role's own settings apply only at login, never after SET ROLE.
 */
export async function runGuardedSql(pool: pg.Pool, sql: string, limits: GuardLimits = DEFAULT_LIMITS): Promise<SqlResult> {
  const statement = await guardSql(sql);
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.floor(limits.timeoutMs)}`);
    await client.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    // temp_file_limit needs a superuser (or a grant of SET on it); without one the timeout still bounds the query.
    await client.query('SAVEPOINT caps');
    await client.query(`SET LOCAL temp_file_limit = '${TEMP_FILE_LIMIT}'`).then(
      () => client.query('RELEASE SAVEPOINT caps'),
      () => client.query('ROLLBACK TO SAVEPOINT caps'),
    );
    try {
      await client.query(`SET LOCAL ROLE ${SQL_ROLE}`);
    } catch (err) {
      throw new AppError(
        'UNAVAILABLE',
        `The read-only role ${SQL_ROLE} is not usable on this central database, so no SQL runs (${(err as Error).message}).`,
      );
    }
    await client.query('SET LOCAL search_path = reporting');
    const run = (limit: number): Promise<pg.QueryResult<unknown[]>> =>
      client.query<unknown[]>({ text: capped(statement, limit, limits.maxBytes), rowMode: 'array' });
    const rowLimit = Math.floor(limits.rowLimit);
    let truncatedBy: SqlResult['truncatedBy'] = null;
    await client.query('SAVEPOINT query');
    let res = await run(rowLimit + 1).catch(async (err: unknown) => {
      const at = cutAt(err);
      if (at === null) return refuseFailure(err, limits);
      // Past the byte limit at row `at`: read again only the rows before it (same snapshot).
      truncatedBy = 'bytes';
      await client.query('ROLLBACK TO SAVEPOINT query');
      return run(at - 1).catch((again: unknown) => refuseFailure(again, limits));
    });
    if (res.rows.length > rowLimit) {
      truncatedBy = 'rows';
      res = { ...res, rows: res.rows.slice(0, rowLimit) };
    }
    const columns = res.fields.slice(0, -1).map((f) => f.name);
    const rows = res.rows.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]])));
    return { columns, rows, truncated: truncatedBy !== null, truncatedBy };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** A failed guarded query as a typed refusal that says why (exported for its unit test). */
export function refuseFailure(err: unknown, limits: GuardLimits): never {
  const e = (err ?? {}) as { code?: string; message?: string };
  if (e.code === '57014') refuse(`The query ran longer than ${limits.timeoutMs} ms and was stopped.`);
  if (e.code === '53400') refuse(`The query needed more than ${TEMP_FILE_LIMIT} of temporary disk on central and was stopped.`);
  if (e.code === '53200') refuse('The query needed more memory than central allows one query, and was stopped.');
  if (e.code === '42501') refuse(e.message ? `The read-only role may not do that: ${e.message}.` : 'The read-only role may not do that.');
  throw new AppError('BAD_INPUT', `PostgreSQL refused the query: ${e.message ?? 'unknown error'}.`);
}
