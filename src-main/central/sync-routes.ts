// The kiosk sync API, /sync/v1. Every request names its protocol version (Frontdesk-Sync);
// Central serves its own minor version and the one before, and says in words which side needs
// an update otherwise. Enrollment takes a one-time code; every other call takes a device
// credential, which is checked here, in one place, and becomes the call's DeviceActor: the
// device and site of everything the kiosk sends come from it. Account sessions and API tokens
// are not accepted here, and device credentials are not accepted anywhere else.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  EnrollRequestSchema,
  formatProtocol,
  HeartbeatRequestSchema,
  parseProtocol,
  PinAttemptRequestSchema,
  PinClearRequestSchema,
  PushRequestSchema,
  SYNC_PROTOCOL,
  SYNC_VERSION_HEADER,
  SyncPunchSchema,
  VerifyRequestSchema,
} from '../../shared/contract/sync-api.js';
import { describeIssues } from '../../shared/contract/issue-words.js';
import { judgeProtocol } from '../../shared/domain/fleet.js';
import { describeFailure, isUnreachable, rootFailure } from '../../shared/domain/retry-policy.js';
import { AppError } from '../../shared/errors.js';
import { createLogger } from '../log.js';
import {
  authenticateDevice,
  dayIdsForDevice,
  enrollKiosk,
  heartbeatFromDevice,
  isDeviceCredential,
  pushFromDevice,
  refuseRevoked,
  requireOwnSiteEmployee,
  rosterForDevice,
  type DeviceActor,
} from '../services/fleet/device-sync.js';
import { clearPinCountOnCentral, countPinAttemptOnCentral } from '../services/punches/shared-lockout.js';
import { BatchWideRefusal } from '../services/sync/push-batch.js';
import type { ServerContext } from './server.js';
import { sendBadInput, sendError } from './server.js';

const log = createLogger('sync-api');

const bearer = (req: FastifyRequest): string | null => {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
};

/** The push body: the envelope strictly, each punch on its own (one bad punch must not refuse its batch). */
const PushEnvelopeSchema = PushRequestSchema.extend({ punches: z.array(z.unknown()).min(1).max(5000) });

/** Which failure the kiosk hears: a typed refusal as it is, central away as UNAVAILABLE, anything else INTERNAL. */
function sendFailure(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof AppError) return sendError(reply, err.toBody());
  if (err instanceof BatchWideRefusal) return sendError(reply, { code: 'UNAVAILABLE', message: err.message });
  const code = rootFailure(err).code;
  // A value the kiosk sent that PostgreSQL cannot take: the request's fault, not Central's.
  if (typeof code === 'string' && code.startsWith('22'))
    return sendError(reply, { code: 'BAD_INPUT', message: 'Central cannot store a value in this request.' });
  if (isUnreachable(err)) return sendError(reply, { code: 'UNAVAILABLE', message: describeFailure(err) });
  log.error('sync call failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  return sendError(reply, {
    code: 'UNAVAILABLE',
    message: `Central could not finish this sync call; the kiosk keeps its punches and retries. ${describeFailure(err)}`.slice(0, 400),
  });
}

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const central = formatProtocol(SYNC_PROTOCOL);
  const now = (): Date => new Date(ctx.now());
  const devices = new WeakMap<FastifyRequest, DeviceActor>();
  const deviceOf = (req: FastifyRequest): DeviceActor => devices.get(req)!;
  // The limit is per kiosk for a credential Central knows, else per address: a new made-up
  // credential with every request must not mean a new allowance every time.
  const known = new Map<string, number>();
  const byCredential = async (req: FastifyRequest): Promise<string> => {
    const token = bearer(req);
    if (!token || !isDeviceCredential(token)) return `ip:${req.ip}`;
    const hash = createHash('sha256').update(token).digest('hex');
    const until = known.get(hash);
    if (until !== undefined && until > Date.now()) return `kiosk:${hash.slice(0, 32)}`;
    const rowCount = await ctx.app
      .pool()
      .then((pool) => pool.query('SELECT 1 FROM kiosks WHERE credential_hash = $1', [hash]))
      .then((r) => r.rowCount ?? 0)
      .catch(() => 0);
    if (!rowCount) return `ip:${req.ip}`;
    if (known.size > 50_000) known.clear();
    known.set(hash, Date.now() + 60_000);
    return `kiosk:${hash.slice(0, 32)}`;
  };

  app.addHook('onRequest', async (req, reply) => {
    void reply.header(SYNC_VERSION_HEADER, central);
    const raw = req.headers[SYNC_VERSION_HEADER];
    const spoken = parseProtocol(typeof raw === 'string' ? raw : undefined);
    if (!spoken) {
      return sendError(
        reply,
        { code: 'BAD_INPUT', message: `Send the sync protocol version in the ${SYNC_VERSION_HEADER} header (this Central speaks ${central}).` },
        400,
      );
    }
    const verdict = judgeProtocol(spoken, SYNC_PROTOCOL);
    if (verdict === 'kiosk-too-old') {
      return sendError(reply, {
        code: 'VERSION_MISMATCH',
        message: `This kiosk needs an update: it speaks sync ${formatProtocol(spoken)}, and Frontdesk Central ${central} serves ${SYNC_PROTOCOL.major}.${Math.max(0, SYNC_PROTOCOL.minor - 1)} and newer. Its punches are kept.`,
        details: { verdict, central, kiosk: formatProtocol(spoken) },
      });
    }
    if (verdict === 'central-too-old') {
      return sendError(reply, {
        code: 'VERSION_MISMATCH',
        message: `Frontdesk Central (sync ${central}) is older than this kiosk (sync ${formatProtocol(spoken)}); the kiosk keeps its punches and waits for Central's update.`,
        details: { verdict, central, kiosk: formatProtocol(spoken) },
      });
    }
  });

  /** The device credential, checked once for every call but enrollment. */
  const authenticate = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const token = bearer(req);
    if (!token || !isDeviceCredential(token)) {
      return sendError(reply, {
        code: 'UNAUTHORIZED',
        message: "The sync API takes a kiosk's device credential (Authorization: Bearer fdkiosk_…), from `frontdesk enroll`.",
      });
    }
    try {
      devices.set(req, await authenticateDevice(await ctx.app.pool(), token));
    } catch (err) {
      return sendFailure(reply, err);
    }
    return undefined;
  };

  const deviceRoute = <S extends z.ZodType>(
    method: 'GET' | 'POST',
    url: string,
    schema: S,
    handle: (device: DeviceActor, input: z.output<S>, req: FastifyRequest) => Promise<unknown>,
    max = 6000,
  ): void => {
    app.route({
      method,
      url,
      config: { rateLimit: { max, timeWindow: 60_000, keyGenerator: byCredential } },
      preHandler: authenticate,
      handler: async (req, reply) => {
        const parsed = schema.safeParse(method === 'GET' ? (req.query ?? {}) : (req.body ?? {}));
        if (!parsed.success) return sendBadInput(reply, parsed.error);
        try {
          const value = await handle(deviceOf(req), parsed.data, req);
          return reply.code(200).header('Cache-Control', 'no-store').send(value);
        } catch (err) {
          return sendFailure(reply, err);
        }
      },
    });
  };

  app.route({
    method: 'POST',
    url: '/sync/v1/enroll',
    config: { rateLimit: { max: ctx.app.config.enrollRateLimit, timeWindow: 60_000 } },
    handler: async (req, reply) => {
      const parsed = EnrollRequestSchema.safeParse(req.body ?? {});
      if (!parsed.success) return sendBadInput(reply, parsed.error);
      try {
        return reply
          .code(200)
          .header('Cache-Control', 'no-store')
          .send(await enrollKiosk(await ctx.app.pool(), parsed.data, now()));
      } catch (err) {
        return sendFailure(reply, err);
      }
    },
  });

  deviceRoute('POST', '/sync/v1/punches', PushEnvelopeSchema, async (device, input) => {
    const punches: z.output<typeof SyncPunchSchema>[] = [];
    const rejected: { id: string; reason: string }[] = [];
    for (const raw of input.punches) {
      const one = SyncPunchSchema.safeParse(raw);
      if (one.success) {
        punches.push(one.data);
        continue;
      }
      const id = z.object({ id: z.uuid() }).safeParse(raw);
      if (!id.success) throw new AppError('BAD_INPUT', 'A punch in this batch has no UUID id; nothing of the batch was stored.');
      rejected.push({ id: id.data.id, reason: `central refused this punch: ${describeIssues(one.error).message}`.slice(0, 300) });
    }
    if (punches.length === 0) return { accepted: [], rejected, clockFlagged: 0 };
    const result = await pushFromDevice(await ctx.app.pool(), device, { sentAt: input.sentAt, punches }, now(), log);
    return { ...result, rejected: [...result.rejected, ...rejected] };
  });

  deviceRoute('GET', '/sync/v1/roster', z.object({ since: z.coerce.number().int().min(0).default(0) }).strict(), async (device, input) => {
    refuseRevoked(device);
    return rosterForDevice(await ctx.app.pool(), device, input.since);
  });

  deviceRoute('POST', '/sync/v1/heartbeat', HeartbeatRequestSchema, async (device, input, req) => {
    const spoken = req.headers[SYNC_VERSION_HEADER];
    return heartbeatFromDevice(await ctx.app.pool(), device, input, typeof spoken === 'string' ? spoken : central, now());
  });

  deviceRoute('POST', '/sync/v1/pin-attempts', PinAttemptRequestSchema, async (device, input) => {
    refuseRevoked(device);
    const pool = await ctx.app.pool();
    await requireOwnSiteEmployee(pool, device, input.employeeId);
    return countPinAttemptOnCentral(pool, input.employeeId, input.purpose, ctx.now(), ctx.app.deps.policy);
  });

  deviceRoute('POST', '/sync/v1/pin-attempts/clear', PinClearRequestSchema, async (device, input) => {
    refuseRevoked(device);
    const pool = await ctx.app.pool();
    await requireOwnSiteEmployee(pool, device, input.employeeId);
    await clearPinCountOnCentral(pool, input.employeeId, input.purpose);
    return { cleared: true as const };
  });

  deviceRoute('POST', '/sync/v1/verify', VerifyRequestSchema, async (device, input) => {
    refuseRevoked(device);
    return { days: await dayIdsForDevice(await ctx.app.pool(), device, input.days) };
  });
}
