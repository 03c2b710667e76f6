// The SQL guard's reading of PostgreSQL's parse tree. A relation name is a CTE only where
// PostgreSQL itself would see that CTE (its own query level and the levels inside it, earlier
// siblings in a WITH list, itself when RECURSIVE) and only with the exact same name (quoted
// names keep their case); anywhere else it must be a reporting relation. Everything that could
// read outside the reporting schema is refused: other schemas, functions not allow-listed (also
// when written as `row.function`), casts to reg* types and their arrays, session values such as
// session_user, XML functions, and every statement kind but SELECT.
import { AppError } from '../../../shared/errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

/** The relations of the reporting schema (migrations 0004–0007). */
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

/** Every column of those relations (a test checks this against central's catalog). */
export const REPORTING_COLUMNS: ReadonlySet<string> = new Set([
  'active',
  'at_utc',
  'auto_closed',
  'auto_closed_sessions',
  'clamped_sessions',
  'code',
  'created_at',
  'date_text',
  'device_id',
  'elapsed_seconds',
  'employed_from',
  'employed_until',
  'employee_id',
  'grace_minutes',
  'hours',
  'id',
  'in_at',
  'in_id',
  'is_manager',
  'kind',
  'local_date',
  'name',
  'next_at',
  'next_id',
  'next_kind',
  'next_seconds',
  'next_source',
  'open_sessions',
  'out_at',
  'out_id',
  'prev_kind',
  'punch_id',
  'received_at',
  'rest_tail',
  'role',
  'seconds',
  'sessions',
  'shift_end',
  'shift_start',
  'site',
  'site_id',
  'source',
  'team',
  'team_id',
  'tz',
  'voided',
  'work_mode',
  'working_days',
]);

/** Functions a report may call: aggregates, arithmetic, text, dates. Nothing that reads files, sleeps, or changes settings. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'bool_and',
  'bool_or',
  'every',
  'string_agg',
  'array_agg',
  'percentile_cont',
  'percentile_disc',
  'mode',
  'stddev',
  'variance',
  'row_number',
  'rank',
  'dense_rank',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'ntile',
  'round',
  'floor',
  'ceil',
  'ceiling',
  'abs',
  'trunc',
  'greatest',
  'least',
  'coalesce',
  'nullif',
  'div',
  'mod',
  'sign',
  'sqrt',
  'power',
  'lower',
  'upper',
  'initcap',
  'length',
  'char_length',
  'substr',
  'substring',
  'left',
  'right',
  'trim',
  'btrim',
  'ltrim',
  'rtrim',
  'replace',
  'concat',
  'concat_ws',
  'position',
  'strpos',
  'split_part',
  'lpad',
  'rpad',
  'date_trunc',
  'date_part',
  'extract',
  'to_char',
  'to_date',
  'to_timestamp',
  'make_date',
  'make_interval',
  'age',
  'now',
  'timezone',
  'justify_hours',
  'justify_interval',
  'isodow',
  'generate_series',
  'unnest',
]);

/** Session values that are dates and times; the others (session_user, current_schema…) describe the server. */
const ALLOWED_VALUE_FUNCTIONS = new Set([
  'SVFOP_CURRENT_DATE',
  'SVFOP_CURRENT_TIME',
  'SVFOP_CURRENT_TIME_N',
  'SVFOP_CURRENT_TIMESTAMP',
  'SVFOP_CURRENT_TIMESTAMP_N',
  'SVFOP_LOCALTIME',
  'SVFOP_LOCALTIME_N',
  'SVFOP_LOCALTIMESTAMP',
  'SVFOP_LOCALTIMESTAMP_N',
]);

const REFUSED_NODES: Record<string, string> = {
  RangeTableSample: 'TABLESAMPLE is not allowed.',
  ParamRef: 'Parameters ($1) are not allowed; write the values in the query.',
  XmlExpr: 'XML functions are not allowed.',
  XmlSerialize: 'XML functions are not allowed.',
  RangeTableFunc: 'XMLTABLE is not allowed.',
};

export const refuse = (why: string): never => {
  throw new AppError('SQL_REFUSED', why);
};

const isObj = (v: Json | undefined): v is Obj => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

const PADDING = new Set(['lpad', 'rpad']);
const MAX_PAD = 1000;

/** The integer a padding length argument is written as, or null for anything else. */
function padLength(arg: Json | undefined): number | null {
  if (!isObj(arg) || !isObj(arg.A_Const)) return null;
  const ival = arg.A_Const.ival;
  if (!isObj(ival)) return null;
  // libpg-query leaves out a zero ival.
  return typeof ival.ival === 'number' ? ival.ival : 0;
}

const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
/** The exact names of a name list (the parser has already folded unquoted names to lower case). */
const strings = (v: Json | undefined): string[] => list(v).map((n) => (isObj(n) && isObj(n.String) ? str(n.String.sval) : ''));

interface Scope {
  readonly ctes: ReadonlySet<string>;
  readonly parent: Scope | null;
}

const sees = (scope: Scope | null, name: string): boolean => {
  for (let s = scope; s; s = s.parent) if (s.ctes.has(name)) return true;
  return false;
};

/**
 * Names the query itself gives to columns: `AS` aliases, CTE and alias column lists, and the
 * names of functions in FROM (whose one column takes the alias). `row.name` may use these.
 */
function definedNames(node: Json, out: Set<string>, functionAliases: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => definedNames(n, out, functionAliases));
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (!isObj(value)) {
      definedNames(value, out, functionAliases);
      continue;
    }
    if (key === 'ResTarget' && typeof value.name === 'string') out.add(value.name);
    if (key === 'CommonTableExpr') strings(value.aliascolnames).forEach((n) => out.add(n));
    if (key === 'Alias' || key === 'alias') strings(value.colnames).forEach((n) => out.add(n));
    if (key === 'RangeFunction' && isObj(value.alias) && typeof value.alias.aliasname === 'string') functionAliases.add(value.alias.aliasname);
    definedNames(value, out, functionAliases);
  }
}

interface Context {
  /** Names `row.name` may take: reporting columns, names the query defines, allowed functions. */
  fieldNames: ReadonlySet<string>;
  functionAliases: ReadonlySet<string>;
}

/** `row.name`: a column (or an allowed function), never another function in attribute notation. */
function checkField(qualifier: string | null, name: string, ctx: Context): void {
  if (REPORTING_COLUMNS.has(name) || ctx.fieldNames.has(name) || ALLOWED_FUNCTIONS.has(name)) return;
  if (qualifier !== null && qualifier === name && ctx.functionAliases.has(name)) return;
  refuse(
    `${qualifier ?? '(…)'}.${name} is not a column of the reporting relations; written this way it would call a function, which is not allowed.`,
  );
}

function checkNode(key: string, v: Obj, scope: Scope | null, ctx: Context): void {
  if (key.endsWith('Stmt') && key !== 'SelectStmt') refuse(`Only SELECT is allowed; this contains ${key.replace(/Stmt$/, '').toUpperCase()}.`);
  const refused = REFUSED_NODES[key];
  if (refused) refuse(refused);
  switch (key) {
    case 'RangeVar': {
      const schema = typeof v.schemaname === 'string' ? v.schemaname : null;
      const rel = str(v.relname);
      if (typeof v.catalogname === 'string') refuse(`Only the reporting schema can be read, not ${v.catalogname}.${schema ?? ''}.${rel}.`);
      if (schema !== null && schema !== 'reporting') refuse(`Only the reporting schema can be read, not ${schema}.${rel}.`);
      if (schema === null && sees(scope, rel)) return;
      if (!(REPORTING_RELATIONS as readonly string[]).includes(rel))
        refuse(`${rel} is not a reporting relation. These are: ${REPORTING_RELATIONS.join(', ')}.`);
      return;
    }
    case 'FuncCall': {
      const fn = strings(v.funcname);
      const qualifiedOk = fn.length === 1 || (fn.length === 2 && fn[0] === 'pg_catalog');
      if (!qualifiedOk || !ALLOWED_FUNCTIONS.has(fn.at(-1)!)) refuse(`The function ${fn.join('.')} is not allowed.`);
      if (PADDING.has(fn.at(-1)!)) {
        // A padding length is a number written in the query, at most MAX_PAD: lpad('x', 10000000)
        // fifty times over held a gigabyte of central's memory before any limit could stop it.
        const length = padLength(list(v.args)[1]);
        if (length === null || length > MAX_PAD) refuse(`${fn.at(-1)!} pads to at most ${MAX_PAD} characters, written as a number in the query.`);
      }
      return;
    }
    case 'TypeCast': {
      const type = (strings(isObj(v.typeName) ? v.typeName.names : undefined).at(-1) ?? '').replace(/^_+/, '');
      if (type.startsWith('reg') || type.startsWith('pg_')) refuse(`Casting to ${type} reads the system catalogs; it is not allowed.`);
      return;
    }
    case 'SQLValueFunction':
      if (!ALLOWED_VALUE_FUNCTIONS.has(str(v.op)))
        refuse(
          `${str(v.op)
            .replace(/^SVFOP_/, '')
            .toLowerCase()} describes the server, not attendance; it is not allowed.`,
        );
      return;
    case 'ColumnRef': {
      const fields = list(v.fields);
      if (fields.length < 2) return;
      const last = fields.at(-1);
      if (isObj(last) && isObj(last.String)) checkField(strings(fields.slice(-2, -1))[0] ?? null, str(last.String.sval), ctx);
      return;
    }
    case 'A_Indirection':
      for (const part of list(v.indirection)) if (isObj(part) && isObj(part.String)) checkField(null, str(part.String.sval), ctx);
      return;
    default:
      return;
  }
}

function walk(node: Json, scope: Scope | null, ctx: Context): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, scope, ctx));
  if (!isObj(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (!isObj(value)) {
      walk(value, scope, ctx);
      continue;
    }
    if (key === 'SelectStmt') {
      selectStmt(value, scope, ctx);
      continue;
    }
    checkNode(key, value, scope, ctx);
    walk(value, scope, ctx);
  }
}

/** One query level: its WITH list sets what its own parts (and the levels inside them) see. */
function selectStmt(stmt: Obj, outer: Scope | null, ctx: Context): void {
  if (stmt.intoClause) refuse('SELECT INTO writes a table; only plain SELECT is allowed.');
  if (stmt.lockingClause) refuse('Locking clauses (FOR UPDATE, FOR SHARE) are not allowed.');
  let scope = outer;
  if (isObj(stmt.withClause)) {
    const ctes = list(stmt.withClause.ctes).flatMap((c) => (isObj(c) && isObj(c.CommonTableExpr) ? [c.CommonTableExpr] : []));
    const names = ctes.map((c) => str(c.ctename));
    const recursive = stmt.withClause.recursive === true;
    ctes.forEach((cte, i) => walk(cte, { ctes: new Set(recursive ? names : names.slice(0, i)), parent: outer }, ctx));
    scope = { ctes: new Set(names), parent: outer };
  }
  for (const [key, value] of Object.entries(stmt)) {
    if (key === 'withClause') continue;
    if ((key === 'larg' || key === 'rarg') && isObj(value)) selectStmt(value, scope, ctx);
    else walk(value, scope, ctx);
  }
}

/** Checks one parsed SELECT statement; throws SQL_REFUSED with the reason. */
export function checkSelect(stmt: Obj): void {
  const fieldNames = new Set<string>();
  const functionAliases = new Set<string>();
  definedNames(stmt, fieldNames, functionAliases);
  walk(stmt, null, { fieldNames, functionAliases });
}
