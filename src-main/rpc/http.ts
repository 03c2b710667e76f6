// The web host: the same contract over HTTP on 127.0.0.1, serving the same renderer build.
//   POST /rpc/<method>   JSON body → envelope (Authorization: Bearer <session token>)
//   GET  /events         server-sent events (token in the query: EventSource sends no headers)
//   GET  /health         liveness, no token
//   GET  /*              the renderer's static files
// Only Host headers naming this server are served, which stops DNS-rebinding pages.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { EVENT_NAMES } from '../../shared/contract/events.js';
import type { ErrorBody } from '../../shared/errors.js';
import type { EventBus } from '../events.js';
import { createLogger } from '../log.js';
import { SECURITY_HEADERS } from '../security/policy.js';
import type { Dispatch } from './dispatch.js';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  staticDir: string;
  token: string;
  host: string;
  port: number;
  /** Largest request body accepted (an import file is the biggest). */
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  /** The URL to open: it carries the session token in the fragment, never sent to the server. */
  openUrl: string;
  close(): Promise<void>;
}

const log = createLogger('http');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: ErrorBody): void {
  send(res, status, { ok: false, error });
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads the body, or resolves null once it passes `limit`. The rest of an oversized body is
 * read and dropped (up to a ceiling), so the client gets the 413 answer instead of a reset
 * connection, which a screen can only report as "the kiosk service is not answering".
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!over && size <= limit) {
        chunks.push(chunk);
        return;
      }
      if (!over) {
        over = true;
        chunks.length = 0;
        resolve(null);
      }
      if (size > limit * 4 + DRAIN_CEILING_BYTES) req.destroy();
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const DRAIN_CEILING_BYTES = 16 * 1024 * 1024;

/** decodeURIComponent that answers a malformed % escape with null instead of throwing. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function serveStatic(staticDir: string, urlPath: string, res: ServerResponse): void {
  const decoded = decodePath(urlPath);
  if (decoded === null) return sendError(res, 400, { code: 'BAD_INPUT', message: 'The address has a malformed % escape.' });
  const resolved = path.resolve(staticDir, '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded));
  const inside = resolved === staticDir || resolved.startsWith(staticDir + path.sep);
  let file = inside ? resolved : '';
  const isFile = (f: string): boolean => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  };
  if (!file || !isFile(file)) {
    if (path.extname(decoded)) return sendError(res, 404, { code: 'NOT_FOUND', message: 'No such file.' });
    file = path.join(staticDir, 'index.html');
    if (!isFile(file)) {
      return sendError(res, 500, { code: 'INTERNAL', message: 'The renderer is not built: run `npm run build`.' });
    }
  }
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const staticDir = path.resolve(opts.staticDir);
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const sseClients = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();

  const unsubscribe = opts.events.onAny((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return sendError(res, 421, { code: 'FORBIDDEN', message: 'This host name is not served here.' });
    }
    if (url.pathname === '/health') return send(res, 200, { ok: true, value: { status: 'up' } });

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return sendError(res, 405, { code: 'BAD_INPUT', message: 'Use POST for calls.' });
      const auth = req.headers.authorization;
      if (!tokenMatches(auth?.startsWith('Bearer ') ? auth.slice(7) : null, opts.token)) {
        return sendError(res, 401, {
          code: 'UNAUTHORIZED',
          message: 'This page has no valid session key. Open the link that frontdesk serve printed on the kiosk machine; it carries the key.',
        });
      }
      const body = await readBody(req, maxBody);
      if (body === null) {
        return send(
          res,
          413,
          {
            ok: false,
            error: {
              code: 'BAD_INPUT',
              message: `The request is larger than ${Math.round(maxBody / 1024 / 1024)} MB, the most this kiosk accepts; nothing was done.`,
            },
          },
          { Connection: 'close' },
        );
      }
      let input: unknown;
      try {
        input = body.trim() === '' ? undefined : JSON.parse(body);
      } catch {
        return sendError(res, 400, { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' });
      }
      const method = decodePath(url.pathname.slice('/rpc/'.length));
      if (method === null) return sendError(res, 400, { code: 'BAD_INPUT', message: 'The address has a malformed % escape.' });
      const managerToken = req.headers['x-frontdesk-manager'];
      return send(
        res,
        200,
        await opts.dispatch(method, input, { origin: 'http', managerToken: typeof managerToken === 'string' ? managerToken : undefined }),
      );
    }

    if (url.pathname === '/events') {
      if (!tokenMatches(url.searchParams.get('token'), opts.token)) {
        return sendError(res, 401, { code: 'UNAUTHORIZED', message: 'A session token is required.' });
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ events: EVENT_NAMES })}\n\n`);
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, { code: 'BAD_INPUT', message: 'Method not allowed.' });
    }
    return serveStatic(staticDir, url.pathname, res);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error('request failed', { error: String(err) });
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'The request failed.' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const { port } = server.address() as AddressInfo;
      const hostPart = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      allowedHosts = new Set([`${hostPart}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`].map((h) => h.toLowerCase()));
      const url = `http://${hostPart}:${port}`;
      log.info('web host listening', { url });
      resolve({
        url,
        openUrl: `${url}/#token=${opts.token}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const client of sseClients) client.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
