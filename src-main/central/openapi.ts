// The OpenAPI 3.1 document of /api/v1, written from the route table and its zod schemas (zod's
// own JSON Schema output, which is OpenAPI 3.1's dialect), never by hand; and a readable API
// reference page made from that document on the server (no script: the CSP allows none inline).
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/errors.js';
import { appVersion } from '../paths.js';
import type { ApiRoute } from './api-routes.js';

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

const ERROR_SCHEMA = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...ERROR_CODES] },
        message: { type: 'string', description: 'What went wrong, in words a person understands' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operation(route: ApiRoute): Json {
  const params: Json[] = [];
  if (route.query) {
    const js = schemaOf(route.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...schema } = prop;
      params.push({ name, in: 'query', required: js.required?.includes(name) ?? false, schema, ...(description ? { description } : {}) });
    }
  }
  if (route.idempotent) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', maxLength: 200 },
      description: 'Sent again with the same key, the request records nothing new and answers with the first event',
    });
  }
  const success: Json = {
    description: 'OK',
    content: {
      'application/json': { schema: schemaOf(route.response, 'output') },
      ...(route.csv ? { 'text/csv': { schema: { type: 'string', description: 'with Accept: text/csv' } } } : {}),
    },
  };
  const status = String(route.successStatus ?? 200);
  return {
    operationId: `${route.method.toLowerCase()}${route.path
      .replace('/api/v1', '')
      .split(/[/-]/)
      .filter(Boolean)
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join('')}`,
    summary: route.summary,
    tags: [route.tag],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    ...(route.open ? { security: [] } : {}),
    responses: {
      [status]: success,
      ...(status !== '200' && route.idempotent ? { '200': { ...success, description: 'The same event was already recorded' } } : {}),
      '400': errorResponse('The request is not right (the message says what)'),
      ...(route.open
        ? {}
        : { '401': errorResponse('No token, or an unknown or revoked one'), '403': errorResponse("The token's scope or role does not allow this") }),
      '429': errorResponse('Too many requests; Retry-After says when to come back'),
      '503': errorResponse('The database is unreachable'),
    },
  };
}

export function buildOpenApi(routes: readonly ApiRoute[], publicUrl: URL): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Frontdesk Central API',
      version: appVersion(),
      description:
        'Attendance for programs: employees, IN/OUT events, daily and work-hours summaries, trends, plain-language summaries and questions. ' +
        'Send an API token as Authorization: Bearer. Errors are JSON with a closed set of codes.',
    },
    servers: [{ url: publicUrl.origin }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token made by an admin (frontdesk central tokens create)' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A plain HTML reference of the document: each endpoint with its parameters and answers. */
export function apiReferencePage(doc: unknown): string {
  const d = doc as { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, Json>> };
  const sections = Object.entries(d.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const o = op as {
        summary: string;
        parameters?: Json[];
        requestBody?: Json;
        responses: Record<string, { description: string }>;
        security?: unknown[];
      };
      const params = (o.parameters ?? [])
        .map((x) => {
          const param = x as { name: string; in: string; required: boolean; description?: string; schema: Json };
          return `<tr><td><code>${escape(param.name)}</code></td><td>${param.in}</td><td>${param.required ? 'yes' : ''}</td><td>${escape(param.description ?? '')}</td><td><code>${escape(JSON.stringify(param.schema))}</code></td></tr>`;
        })
        .join('');
      const body = o.requestBody
        ? `<p>Body (JSON):</p><pre>${escape(JSON.stringify((o.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json']!.schema, null, 2))}</pre>`
        : '';
      const answers = Object.entries(o.responses)
        .map(([code, r]) => `<li><code>${code}</code> ${escape(r.description)}</li>`)
        .join('');
      return `<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escape(p)}</code></h2><p>${escape(o.summary)}${o.security ? ' <em>(no token)</em>' : ''}</p>${
        params ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Meaning</th><th>Schema</th></tr>${params}</table>` : ''
      }${body}<ul>${answers}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(d.info.title)}</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1b2430}
h1{margin-bottom:.2rem}section{border-top:1px solid #d5dbe3;padding:.6rem 0}h2{font-size:1.05rem}
.m{display:inline-block;min-width:3.5rem;background:#1f5fa8;color:#fff;border-radius:4px;padding:0 .4rem;text-align:center}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #d5dbe3;padding:.2rem .4rem;text-align:left;vertical-align:top}
pre{background:#f3f5f8;padding:.5rem;overflow:auto;font-size:12px}code{font-size:12px}
</style></head><body><h1>${escape(d.info.title)}</h1><p>Version ${escape(d.info.version)}. ${escape(d.info.description)}
The machine-readable document is <a href="openapi.json">openapi.json</a>.</p>${sections.join('')}</body></html>`;
}
