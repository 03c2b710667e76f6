// The REST API, /api/v1: one table of routes, each a REST shape (shared/contract/rest.ts) mapped
// to a contract method and called through Central's dispatch with the token's caller. The same
// table registers the routes and writes the OpenAPI document (openapi.ts). Report endpoints
// answer text/csv when asked (Accept: text/csv). Requests are limited per token.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Method, ReportJson, ReportResult } from '../../shared/contract/index.js';
import {
  AskBodySchema,
  AttendanceQuerySchema,
  ClockBodySchema,
  CreateAttendanceBodySchema,
  CreateEmployeeBodySchema,
  DailyQuerySchema,
  EmployeesQuerySchema,
  RestAttendanceCreatedSchema,
  RestAttendancePageSchema,
  RestDailyRowSchema,
  RestEmployeeSchema,
  RestRowsSchema,
  RestTeamSchema,
  RestWorkhoursRowSchema,
  SummaryQuerySchema,
  TrendsQuerySchema,
  WorkhoursQuerySchema,
  restColumns,
  restEvent,
  withEmployeeId,
} from '../../shared/contract/rest.js';
import { AskResultSchema, SummarySchema } from '../../shared/contract/ai.js';
import { CentralHealthSchema } from '../../shared/contract/central.js';
import { KioskHealthSchema } from '../../shared/contract/fleet.js';
import type { AttendanceEvent, AttendancePage } from '../../shared/contract/attendance.js';
import type { Roster } from '../../shared/contract/roster.js';
import { dailyInCounts } from '../../shared/domain/dashboard.js';
import { exportFileName, toCsv } from '../../shared/domain/report-range.js';
import { resolveToken } from '../services/accounts/tokens.js';
import type { CentralActor } from '../services/accounts/actor.js';
import type { ServerContext } from './server.js';
import { sendBadInput, sendEnvelope, sendError } from './server.js';
import { buildOpenApi, apiReferencePage } from './openapi.js';

/** What a route asks of the dispatch, and how its answer becomes the REST body. */
interface Plan {
  method: Method;
  input: unknown;
  /** The REST body of the method's value. */
  shape?: (value: never) => unknown;
  /** The rows a CSV answer holds, when the route offers CSV. */
  csv?: (value: never) => { name: string; range?: ReportResult['range']; columns: string[]; rows: Record<string, unknown>[] };
  status?: (value: never) => number;
  /** The REST body as JSON text, sent as it is (a report whose rows PostgreSQL wrote as JSON). */
  jsonText?: (value: never) => string;
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodObject;
  response: z.ZodType;
  /** No token needed. */
  open?: true;
  csv?: true;
  /** Idempotency-Key is the event's client id. */
  idempotent?: true;
  successStatus?: number;
  plan(args: { query: Record<string, unknown>; body: Record<string, unknown>; idempotencyKey: string | undefined; csv: boolean }): Plan;
}

const range = (q: Record<string, unknown>) => ({
  ...(q.days !== undefined ? { days: q.days } : {}),
  ...(q.from !== undefined ? { from: q.from } : {}),
  ...(q.to !== undefined ? { to: q.to } : {}),
  ...(q.team !== undefined ? { team: q.team } : {}),
  ...(q.tz !== undefined ? { tz: q.tz } : {}),
});

const reportCsv = (report: ReportResult) => ({
  name: report.name,
  range: report.range,
  columns: restColumns(report.columns),
  rows: withEmployeeId(report.rows),
});

/**
 * A report whose REST body is its rows: as CSV, from reports.run; as JSON, from reports.json,
 * whose rows PostgreSQL already wrote as the JSON text the API sends.
 */
const rowsReportPlan = (input: Record<string, unknown>, csv: boolean): Plan =>
  csv ? { method: 'reports.run', input, csv: reportCsv } : { method: 'reports.json', input, jsonText: (v: ReportJson) => v.rowsJson };

const recordPlan = (kind: 'IN' | 'OUT' | undefined, b: Record<string, unknown>, key: string | undefined, now: () => number): Plan => ({
  method: 'attendance.record',
  input: {
    employeeCode: b.employee_id,
    kind: kind ?? b.event_type,
    at: b.timestamp ?? new Date(now()).toISOString(),
    ...(b.work_mode !== undefined ? { workMode: b.work_mode } : {}),
    ...((b.client_id ?? key) !== undefined ? { clientId: b.client_id ?? key } : {}),
  },
  shape: (v: { event: AttendanceEvent; repeated: boolean }) => ({ ...restEvent(v.event), repeated: v.repeated }),
  status: (v: { repeated: boolean }) => (v.repeated ? 200 : 201),
});

export function apiRouteTable(now: () => number): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/health',
      summary: 'Whether Central answers and its database is reachable (no token)',
      tag: 'system',
      open: true,
      response: CentralHealthSchema,
      plan: () => ({ method: 'central.health', input: {}, status: (v: { status: string }) => (v.status === 'up' ? 200 : 503) }),
    },
    {
      method: 'GET',
      path: '/api/v1/employees',
      summary: 'Employees (of your teams, for a scoped token)',
      tag: 'employees',
      query: EmployeesQuerySchema,
      response: z.array(RestEmployeeSchema),
      plan: ({ query }) => ({
        method: 'roster.list',
        input: {},
        shape: (v: Roster) =>
          v.employees
            .filter((e) => (query.include_inactive === true || e.active) && (query.team === undefined || e.team === query.team))
            .map((e) => ({ id: e.code, code: e.code, name: e.name, team: e.team, is_manager: e.isManager, active: e.active })),
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/employees',
      summary: 'Add an employee (write scope)',
      tag: 'employees',
      body: CreateEmployeeBodySchema,
      response: RestEmployeeSchema,
      successStatus: 201,
      plan: ({ body }) => ({
        method: 'roster.addEmployee',
        input: {
          code: body.code,
          name: body.name,
          pin: body.pin,
          ...(body.team !== undefined ? { team: body.team } : {}),
          ...(body.is_manager !== undefined ? { isManager: body.is_manager } : {}),
          ...(body.badge !== undefined ? { badge: body.badge } : {}),
          ...(body.start_date !== undefined ? { startDate: body.start_date } : {}),
        },
        shape: () => ({
          id: body.code,
          code: body.code,
          name: body.name,
          team: body.team ?? null,
          is_manager: body.is_manager === true,
          active: true,
        }),
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/attendance',
      summary: 'IN/OUT events in time order, a page at a time',
      tag: 'attendance',
      query: AttendanceQuerySchema,
      response: RestAttendancePageSchema,
      plan: ({ query }) => ({
        method: 'attendance.list',
        input: {
          ...(query.employee_id !== undefined ? { employee: query.employee_id } : {}),
          ...(query.from !== undefined ? { from: query.from } : {}),
          ...(query.to !== undefined ? { to: query.to } : {}),
          ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
          ...(query.include_voided !== undefined ? { includeVoided: query.include_voided } : {}),
        },
        shape: (v: AttendancePage) => ({ items: v.items.map(restEvent), next_cursor: v.nextCursor }),
      }),
    },
    {
      method: 'POST',
      path: '/api/v1/attendance',
      summary: 'Record an IN or OUT event (idempotent with Idempotency-Key or client_id)',
      tag: 'attendance',
      body: CreateAttendanceBodySchema,
      response: RestAttendanceCreatedSchema,
      idempotent: true,
      successStatus: 201,
      plan: ({ body, idempotencyKey }) => recordPlan(undefined, body, idempotencyKey, now),
    },
    {
      method: 'POST',
      path: '/api/v1/clock-in',
      summary: 'Clock in (an IN event, now unless a timestamp is given)',
      tag: 'attendance',
      body: ClockBodySchema,
      response: RestAttendanceCreatedSchema,
      idempotent: true,
      successStatus: 201,
      plan: ({ body, idempotencyKey }) => recordPlan('IN', body, idempotencyKey, now),
    },
    {
      method: 'POST',
      path: '/api/v1/clock-out',
      summary: 'Clock out (an OUT event, now unless a timestamp is given)',
      tag: 'attendance',
      body: ClockBodySchema,
      response: RestAttendanceCreatedSchema,
      idempotent: true,
      successStatus: 201,
      plan: ({ body, idempotencyKey }) => recordPlan('OUT', body, idempotencyKey, now),
    },
    {
      method: 'GET',
      path: '/api/v1/summary/daily',
      summary: 'Per local date: employees with an IN, and IN events',
      tag: 'summary',
      query: DailyQuerySchema,
      response: z.array(RestDailyRowSchema),
      csv: true,
      plan: ({ query }) => ({
        method: 'reports.run',
        input: { name: 'daily', ...range(query), ...(query.date !== undefined ? { from: query.date, to: query.date } : {}) },
        shape: (v: ReportResult) => dailyInCounts(v.rows, v.range.from, v.range.to),
        csv: (v: ReportResult) => ({
          name: 'daily',
          range: v.range,
          columns: ['date', 'employees_in', 'in_events'],
          rows: dailyInCounts(v.rows, v.range.from, v.range.to),
        }),
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/summary/workhours',
      summary: 'Hours worked per employee per local date',
      tag: 'summary',
      query: WorkhoursQuerySchema,
      response: z.array(RestWorkhoursRowSchema),
      csv: true,
      plan: ({ query, csv }) =>
        rowsReportPlan(
          {
            name: 'workhours',
            ...range(query),
            ...(query.max_hours !== undefined ? { maxHours: query.max_hours } : {}),
            ...(query.employee_id !== undefined ? { employee: query.employee_id } : {}),
          },
          csv,
        ),
    },
    {
      method: 'GET',
      path: '/api/v1/kiosks',
      summary: 'Kiosks and their health: last heartbeat and push, backlog, clock offset, stale, drift and copy flags (admin)',
      tag: 'kiosks',
      response: z.array(KioskHealthSchema),
      plan: () => ({ method: 'kiosks.list', input: {} }),
    },
    {
      method: 'GET',
      path: '/api/v1/teams',
      summary: 'Teams with their site and shift times',
      tag: 'teams',
      response: z.array(RestTeamSchema),
      plan: () => ({
        method: 'roster.list',
        input: {},
        shape: (v: Roster) =>
          v.teams.map((t) => ({
            name: t.name,
            site: t.site,
            shift_start: t.shiftStart,
            grace_minutes: t.graceMinutes,
            shift_end: t.shiftEnd,
            employees: t.employees,
          })),
      }),
    },
    ...(['employees', 'teams'] as const).map((by): ApiRoute => ({
      method: 'GET',
      path: `/api/v1/trends/${by}`,
      summary: `Weekly attendance trends per ${by === 'employees' ? 'employee' : 'team'}: days present, hours, average first IN, late days, WFH/WFO`,
      tag: 'trends',
      query: TrendsQuerySchema,
      response: RestRowsSchema,
      csv: true,
      plan: ({ query }) => {
        const pick = (v: ReportResult) => v.rows.filter((r) => (by === 'teams' ? r.employee_code === null : r.employee_code !== null));
        return {
          method: 'reports.run',
          input: { name: 'trends', ...range(query) },
          shape: (v: ReportResult) => withEmployeeId(pick(v)),
          csv: (v: ReportResult) => ({ ...reportCsv(v), name: `trends-${by}`, rows: withEmployeeId(pick(v)) }),
        };
      },
    })),
    ...(['late', 'exceptions'] as const).map((name): ApiRoute => ({
      method: 'GET',
      path: `/api/v1/reports/${name}`,
      summary:
        name === 'late' ? 'Late arrivals, by the shift rule in force on each day' : 'Missing OUTs and INs, long sessions, automatic check-outs',
      tag: 'summary',
      query: TrendsQuerySchema,
      response: RestRowsSchema,
      csv: true,
      plan: ({ query, csv }) => rowsReportPlan({ name, ...range(query) }, csv),
    })),
    ...(['daily', 'weekly'] as const).map((period): ApiRoute => ({
      method: 'GET',
      path: `/api/v1/summaries/${period}`,
      summary: `A ${period} summary in plain language, with the numbers it uses`,
      tag: 'ask',
      query: SummaryQuerySchema,
      response: SummarySchema,
      plan: ({ query }) => ({
        method: 'ai.summary',
        input: { period: period === 'daily' ? 'day' : 'week', ...(query.date !== undefined ? { date: query.date } : {}) },
      }),
    })),
    {
      method: 'POST',
      path: '/api/v1/ask',
      summary: 'Ask a question in plain language',
      tag: 'ask',
      body: AskBodySchema,
      response: AskResultSchema,
      plan: ({ body }) => ({ method: 'ai.ask', input: { question: body.question } }),
    },
  ];
}

const bearer = (req: FastifyRequest): string | null => {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
};

/** The caller a request's token names (null: none, unknown or revoked), looked up once per request. */
const actorOfRequest = (ctx: ServerContext) => {
  const seen = new WeakMap<FastifyRequest, Promise<CentralActor | null>>();
  return (req: FastifyRequest): Promise<CentralActor | null> => {
    let actor = seen.get(req);
    if (!actor) {
      const token = bearer(req);
      actor = token ? ctx.app.pool().then((pool) => resolveToken(pool, token, new Date(ctx.now()))) : Promise.resolve(null);
      seen.set(req, actor);
    }
    return actor;
  };
};

/**
 * The rate limit's key: a live token (hashed), else the address. A made-up token counts against
 * its sender's address: a new random one per call must not mean a new allowance per call.
 */
const limitKeyOf =
  (actorOf: (req: FastifyRequest) => Promise<CentralActor | null>) =>
  async (req: FastifyRequest): Promise<string> => {
    const token = bearer(req);
    if (token && (await actorOf(req))) return `tok:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
    return `ip:${req.ip}`;
  };

const wantsCsv = (req: FastifyRequest): boolean => {
  const accept = req.headers.accept ?? '';
  return /\btext\/csv\b/i.test(accept) || (req.query as Record<string, unknown> | undefined)?.format === 'csv';
};

export function apiRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const routes = apiRouteTable(ctx.now);
  const actorOf = actorOfRequest(ctx);
  const limit = { max: ctx.app.config.apiRateLimit, timeWindow: 60_000, keyGenerator: limitKeyOf(actorOf) };

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      config: { rateLimit: limit },
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const rawQuery = { ...(req.query as Record<string, unknown>) };
        const csv = route.csv === true && wantsCsv(req);
        delete rawQuery.format;
        const query = (route.query ?? z.object({}).strict()).safeParse(rawQuery);
        if (!query.success) return sendBadInput(reply, query.error);
        let body: Record<string, unknown> = {};
        if (route.body) {
          const parsed = route.body.safeParse(req.body ?? {});
          if (!parsed.success) return sendBadInput(reply, parsed.error);
          body = parsed.data;
        }
        let actor;
        if (!route.open) {
          const token = bearer(req);
          if (!token)
            return sendError(reply, { code: 'UNAUTHORIZED', message: 'Send an API token: Authorization: Bearer fdk_… (made by an admin).' });
          actor = await actorOf(req);
          if (!actor) return sendError(reply, { code: 'UNAUTHORIZED', message: 'This API token is not valid: it is unknown or was revoked.' });
        }
        const key = req.headers['idempotency-key'];
        const idempotencyKey = route.idempotent && typeof key === 'string' && key.trim() !== '' ? key.trim().slice(0, 200) : undefined;
        const plan = route.plan({ query: query.data, body, idempotencyKey, csv });
        const env = await ctx.app.dispatch(plan.method, plan.input, { origin: 'central', actor });
        if (!env.ok) return sendEnvelope(reply, env);
        const value = env.value as never;
        if (csv && plan.csv) {
          const table = plan.csv(value);
          const name = table.range ? exportFileName(table.name, table.range) : `${table.name}.csv`;
          return reply
            .code(200)
            .header('Content-Type', 'text/csv; charset=utf-8')
            .header('Content-Disposition', `attachment; filename="${name}"`)
            .header('Cache-Control', 'no-store')
            .send(toCsv(table.columns, table.rows));
        }
        const status = plan.status ? plan.status(value) : (route.successStatus ?? 200);
        if (plan.jsonText) {
          // As bytes, encoded once: a large string would be scanned for its length, then encoded
          // again by the socket write (measured: about 3 ms of 1.3 MB).
          return reply
            .code(status)
            .header('Content-Type', 'application/json; charset=utf-8')
            .header('Cache-Control', 'no-store')
            .send(Buffer.from(plan.jsonText(value), 'utf8'));
        }
        return reply
          .code(status)
          .header('Cache-Control', 'no-store')
          .send(plan.shape ? plan.shape(value) : value);
      },
    });
  }

  let doc: unknown;
  app.get('/api/v1/openapi.json', async (_req, reply) => {
    doc ??= buildOpenApi(routes, ctx.publicUrl);
    return reply.header('Cache-Control', 'no-cache').send(doc);
  });
  app.get('/api/v1/docs', async (_req, reply) => {
    doc ??= buildOpenApi(routes, ctx.publicUrl);
    return reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(apiReferencePage(doc));
  });
}
