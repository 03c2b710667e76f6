// Frontdesk Central's HTTP server, on Fastify and its plugins (cookies, security headers, rate
// limits, static files, CORS): the manager console at `/` with its sign-in and `/rpc` calls, the
// REST API under `/api/v1` with its OpenAPI document, and a JSON error for everything else.
// Only the Host names of the public URL (and the listening address) are served, which stops DNS
// rebinding; X-Forwarded-* headers count only when the proxy is trusted. The routes are thin:
// every call goes through Central's one dispatch.
import path from 'node:path';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import cors from '@fastify/cors';
import type { Envelope } from '../../shared/contract/index.js';
import type { ErrorBody } from '../../shared/errors.js';
import type { z } from 'zod';
import { describeFailure, isUnreachable } from '../../shared/domain/retry-policy.js';
import { describeIssues } from '../../shared/contract/issue-words.js';
import { createLogger } from '../log.js';
import { rendererDir } from '../paths.js';
import type { CentralApp } from './central-app.js';
import { publicUrlOf } from './config.js';
import { statusOf } from './http-status.js';
import { consoleRoutes } from './console-routes.js';
import { apiRoutes } from './api-routes.js';
import { syncRoutes } from './sync-routes.js';
import { pgRateStore, pruneRateLimits } from './rate-store.js';

const log = createLogger('http');

export interface CentralServer {
  url: string;
  publicUrl: URL;
  fastify: FastifyInstance;
  close(): Promise<void>;
}

export interface ServerContext {
  app: CentralApp;
  /** Filled in once the server listens (the port may be chosen by the system). */
  publicUrl: URL;
  now: () => number;
}

/** Sends an envelope with the status that fits it; Retry-After when the error says when to come back. */
export function sendEnvelope(reply: FastifyReply, env: Envelope<unknown>, status?: number): FastifyReply {
  if (env.ok)
    return reply
      .code(status ?? 200)
      .header('Cache-Control', 'no-store')
      .send(env);
  const retry = env.error.details?.retryAfterSeconds;
  if (typeof retry === 'number') void reply.header('Retry-After', String(Math.max(1, Math.ceil(retry))));
  return reply
    .code(status ?? statusOf(env.error.code))
    .header('Cache-Control', 'no-store')
    .send(env);
}

/** An error envelope, with the status that fits its code unless one is given. */
export const sendError = (reply: FastifyReply, error: ErrorBody, status?: number): FastifyReply => sendEnvelope(reply, { ok: false, error }, status);

/** A zod refusal in words, as the dispatch words it. */
export function sendBadInput(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const { message, issues } = describeIssues(error);
  return sendError(reply, { code: 'BAD_INPUT', message, details: { issues } });
}

/** The CSP of the console (the same renderer as the kiosk). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

export async function startCentralServer(app: CentralApp, opts: { staticDir?: string } = {}): Promise<CentralServer> {
  const config = app.config;
  const ctx: ServerContext = { app, publicUrl: publicUrlOf(config, config.port), now: () => app.deps.clock.now() };
  const fastify = Fastify({
    logger: false,
    trustProxy: config.trustProxy,
    bodyLimit: 8 * 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // The router's own refusals (a malformed % escape in the path, say) answer in the same
    // JSON shape as every other error.
    frameworkErrors: (err, _req, reply) => {
      const message = err.code === 'FST_ERR_BAD_URL' ? 'The address has a malformed % escape.' : 'The request could not be read.';
      void sendError(reply, { code: 'BAD_INPUT', message }, 400);
    },
  });

  // Host names this server answers to: the public URL's, and the address it listens on.
  let allowedHosts = new Set<string>();
  fastify.addHook('onRequest', async (req, reply) => {
    const host = (config.trustProxy ? req.host : (req.headers.host ?? '')).toLowerCase();
    if (!allowedHosts.has(host)) {
      return sendError(
        reply,
        { code: 'FORBIDDEN', message: `This server does not answer to the host name ${JSON.stringify(host.slice(0, 100))}.` },
        421,
      );
    }
  });
  fastify.addHook('onResponse', async (req, reply) => {
    log.info('request', {
      method: req.method,
      path: req.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ip: req.ip,
    });
  });

  await fastify.register(cookie);
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    hsts: ctx.publicUrl.protocol === 'https:' ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  if (config.corsOrigins.length > 0) {
    await fastify.register(cors, {
      origin: config.corsOrigins.map((o) => new URL(o).origin),
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Idempotency-Key'],
      exposedHeaders: ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      credentials: false,
      maxAge: 600,
    });
  }
  await fastify.register(rateLimit, {
    global: false,
    store: pgRateStore(app.pool, ctx.now),
    // The database being down is reported by the call itself, in words; the limit does not hide it.
    skipOnError: true,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      },
    }),
  });

  fastify.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    // The rate limit's refusal (errorResponseBuilder) arrives here as the object it built.
    const built = (err as unknown as { error?: ErrorBody }).error;
    if (status === 429 && built && typeof built === 'object') return sendError(reply, built);
    if (status === 413) return sendError(reply, { code: 'BAD_INPUT', message: 'The request body is larger than 8 MB; nothing was done.' }, 413);
    if (status === 415) return sendError(reply, { code: 'BAD_INPUT', message: 'Send the body as JSON (Content-Type: application/json).' }, 415);
    if (status >= 400 && status < 500) {
      const message =
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'The request body is not valid JSON.' : err.message;
      return sendError(reply, { code: 'BAD_INPUT', message }, status === 404 ? 404 : 400);
    }
    // The token check and the rate count run before the dispatch, which words such failures itself.
    if (isUnreachable(err)) return sendError(reply, { code: 'UNAVAILABLE', message: describeFailure(err) });
    log.error('request failed', { method: req.method, path: req.url.split('?')[0], error: err.stack ?? String(err) });
    return sendError(reply, { code: 'INTERNAL', message: 'Something went wrong inside Frontdesk Central; please try again.' });
  });

  await fastify.register((scope, _opts, done) => {
    consoleRoutes(scope, ctx);
    done();
  });
  await fastify.register((scope, _opts, done) => {
    apiRoutes(scope, ctx);
    done();
  });
  await fastify.register((scope, _opts, done) => {
    syncRoutes(scope, ctx);
    done();
  });

  const staticDir = path.resolve(opts.staticDir ?? rendererDir());
  if (existsSync(staticDir)) {
    await fastify.register(fastifyStatic, {
      root: staticDir,
      index: ['index.html'],
      wildcard: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        void res.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  fastify.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const p = req.url.split('?')[0] ?? '/';
    if (
      req.method === 'GET' &&
      !p.startsWith('/api/') &&
      !p.startsWith('/rpc/') &&
      !p.startsWith('/auth/') &&
      !p.startsWith('/sync/') &&
      !path.extname(p)
    ) {
      if (!existsSync(path.join(staticDir, 'index.html'))) {
        return sendError(reply, { code: 'INTERNAL', message: 'The console is not built: run `npm run build`.' }, 500);
      }
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', staticDir);
    }
    return sendError(reply, { code: 'NOT_FOUND', message: `There is nothing at ${req.method} ${p.slice(0, 200)}.` }, 404);
  });

  await fastify.listen({ host: config.host, port: config.port });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  ctx.publicUrl = publicUrlOf(config, port);
  const listenHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  allowedHosts = new Set(
    [
      ctx.publicUrl.host,
      `${listenHost}:${port}`,
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      ...(ctx.publicUrl.port === '' ? [ctx.publicUrl.hostname] : []),
    ].map((h) => h.toLowerCase()),
  );
  const url = `http://${listenHost === '0.0.0.0' ? '127.0.0.1' : listenHost}:${port}`;
  // Old rate-limit windows are of no use to anyone.
  void app
    .pool()
    .then((pool) => pruneRateLimits(pool, ctx.now()))
    .catch(() => undefined);
  log.info('central listening', { url, publicUrl: ctx.publicUrl.toString() });
  return {
    url,
    publicUrl: ctx.publicUrl,
    fastify,
    close: () => fastify.close(),
  };
}
