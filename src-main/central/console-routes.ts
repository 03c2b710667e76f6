// The console's routes: sign-in with an account (a cookie session), the session, sign-out and
// password change under /auth, and every contract call the screens make under /rpc/<method>.
// Every POST must come from the console's own origin (Origin checked when the browser sends
// it) as JSON, and, once signed in, carry the session's CSRF token in X-CSRF-Token.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordInputSchema, SignInAccountInputSchema } from '../../shared/contract/accounts.js';
import { AppError } from '../../shared/errors.js';
import { resolveSession, closeSession, tokenHash, type ResolvedSession } from '../services/accounts/sessions.js';
import { signIn, signOut } from '../services/accounts/sign-in.js';
import { changeOwnPassword } from '../services/accounts/users.js';
import type { ServerContext } from './server.js';
import { sendBadInput, sendEnvelope, sendError } from './server.js';

export const SESSION_COOKIE = 'fd_session';

const sameBytes = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Runs a route body; an AppError becomes its envelope, anything else a logged INTERNAL. */
async function guarded(reply: FastifyReply, fn: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) return sendError(reply, err.toBody());
    throw err;
  }
}

export function consoleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const secure = (): boolean => ctx.publicUrl.protocol === 'https:';
  const now = (): Date => new Date(ctx.now());

  /** A state-changing request from another site is refused before anything else. */
  const foreignOrigin = (req: FastifyRequest): boolean => {
    const origin = req.headers.origin;
    return typeof origin === 'string' && origin !== ctx.publicUrl.origin && origin !== `http://${req.headers.host ?? ''}`;
  };

  const session = async (req: FastifyRequest): Promise<ResolvedSession | null> => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return null;
    return resolveSession(await ctx.app.pool(), token, now(), ctx.app.sessions);
  };

  /** The session of a state-changing call, with its CSRF token checked; or the refusal already sent. */
  const signedIn = async (req: FastifyRequest, reply: FastifyReply): Promise<ResolvedSession | FastifyReply> => {
    if (foreignOrigin(req)) return sendError(reply, { code: 'FORBIDDEN', message: 'A request from another site is not accepted.' });
    const found = await session(req);
    if (!found) {
      return sendError(reply, { code: 'UNAUTHORIZED', message: 'You are not signed in, or your session ended. Sign in again.' });
    }
    const csrf = req.headers['x-csrf-token'];
    if (typeof csrf !== 'string' || !sameBytes(csrf, found.info.csrfToken)) {
      return sendError(reply, { code: 'FORBIDDEN', message: 'This request has no valid CSRF token; reload the console and try again.' });
    }
    return found;
  };

  const setSessionCookie = (reply: FastifyReply, token: string, maxAgeSeconds: number): void => {
    void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure(), path: '/', maxAge: maxAgeSeconds });
  };

  app.post('/auth/sign-in', async (req, reply) =>
    guarded(reply, async () => {
      if (foreignOrigin(req)) return sendError(reply, { code: 'FORBIDDEN', message: 'A sign-in from another site is not accepted.' });
      const parsed = SignInAccountInputSchema.safeParse(req.body);
      if (!parsed.success) return sendBadInput(reply, parsed.error);
      const { session: opened, resolved } = await signIn(await ctx.app.pool(), parsed.data, req.ip, now(), ctx.app.sessions);
      setSessionCookie(reply, opened.token, ctx.app.sessions.absoluteHours * 3600);
      return sendEnvelope(reply, { ok: true, value: resolved.info });
    }),
  );

  app.get('/auth/session', async (req, reply) =>
    guarded(reply, async () => {
      const found = await session(req);
      if (!found) return sendError(reply, { code: 'UNAUTHORIZED', message: 'You are not signed in, or your session ended. Sign in again.' });
      return sendEnvelope(reply, { ok: true, value: found.info });
    }),
  );

  app.post('/auth/sign-out', async (req, reply) =>
    guarded(reply, async () => {
      const found = await signedIn(req, reply);
      if (!('actor' in found)) return found;
      await closeSession(await ctx.app.pool(), req.cookies[SESSION_COOKIE]!);
      await signOut(await ctx.app.pool(), found.actor.label, found.actor.username, now());
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return sendEnvelope(reply, { ok: true, value: { signedOut: true } });
    }),
  );

  app.post('/auth/password', async (req, reply) =>
    guarded(reply, async () => {
      const found = await signedIn(req, reply);
      if (!('actor' in found)) return found;
      const parsed = ChangePasswordInputSchema.safeParse(req.body);
      if (!parsed.success) return sendBadInput(reply, parsed.error);
      const token = req.cookies[SESSION_COOKIE]!;
      await changeOwnPassword(await ctx.app.pool(), found.actor.userId!, parsed.data, tokenHash(token), now());
      return sendEnvelope(reply, { ok: true, value: { changed: true } });
    }),
  );

  app.post<{ Params: { method: string } }>('/rpc/:method', async (req, reply) =>
    guarded(reply, async () => {
      const found = await signedIn(req, reply);
      if (!('actor' in found)) return found;
      return sendEnvelope(reply, await ctx.app.dispatch(req.params.method, req.body ?? {}, { origin: 'central', actor: found.actor }));
    }),
  );
}
