// Central's configuration, from the environment and the serve command's flags, validated once.
// Every key is in the README's Central configuration table.
import { z } from 'zod';
import { isValidTimeZone } from '../../shared/domain/local-time.js';
import { DEFAULT_MAX_HOURS } from '../../shared/domain/work-hours.js';
import { AutoCheckoutRuleSchema } from '../../shared/contract/corrections.js';
import { issueSentence } from '../../shared/contract/issue-words.js';
import { AppError } from '../../shared/errors.js';
import { defaultDataDir } from '../config.js';

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const CentralConfigSchema = z
  .object({
    host: z.string().min(1),
    port: intFrom(0, 65535),
    /** The address people and programs use (behind a proxy, the proxy's). Its Host is the one accepted. */
    publicUrl: z.url({ protocol: /^https?$/, error: 'FRONTDESK_PUBLIC_URL must be an http:// or https:// URL' }).optional(),
    /** Believe X-Forwarded-Proto/-For/-Host (only behind a proxy that sets them). */
    trustProxy: z.boolean(),
    /** Origins allowed to call /api/v1 from a browser; none by default. */
    corsOrigins: z.array(z.url()).default([]),
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
      .optional(),
    /** Holds the built-in PostgreSQL when no DATABASE_URL is given. */
    dataDir: z.string().min(1),
    tz: z.string().refine(isValidTimeZone, 'FRONTDESK_TZ is not an IANA time zone'),
    maxHours: intFrom(1, 48),
    duplicateWindowSeconds: intFrom(0, 3600),
    autoCheckout: AutoCheckoutRuleSchema,
    sessionIdleMinutes: intFrom(1, 24 * 60),
    sessionMaxHours: intFrom(1, 24 * 30),
    /** API requests per minute per token (or per address without one). */
    apiRateLimit: intFrom(1, 1_000_000),
    /** Enrollment attempts a minute per client address (codes cannot be guessed; this stops floods). */
    enrollRateLimit: intFrom(1, 1_000_000),
    dbPoolSize: intFrom(1, 200),
  })
  .strict();

export type CentralConfig = z.output<typeof CentralConfigSchema>;
export type CentralOverrides = Partial<z.input<typeof CentralConfigSchema>>;

const NAMES: Record<string, string> = {
  host: 'FRONTDESK_CENTRAL_HOST (--host)',
  port: 'FRONTDESK_CENTRAL_PORT (--port)',
  publicUrl: 'FRONTDESK_PUBLIC_URL (--public-url)',
  trustProxy: 'FRONTDESK_TRUST_PROXY',
  corsOrigins: 'FRONTDESK_CORS_ORIGINS',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'FRONTDESK_DATA (--data)',
  tz: 'FRONTDESK_TZ',
  maxHours: 'FRONTDESK_MAX_HOURS',
  duplicateWindowSeconds: 'FRONTDESK_DUPLICATE_WINDOW_SECONDS',
  autoCheckout: 'FRONTDESK_AUTO_CHECKOUT',
  sessionIdleMinutes: 'FRONTDESK_SESSION_IDLE_MINUTES',
  sessionMaxHours: 'FRONTDESK_SESSION_MAX_HOURS',
  apiRateLimit: 'FRONTDESK_API_RATE_LIMIT',
  enrollRateLimit: 'FRONTDESK_ENROLL_RATE_LIMIT',
  dbPoolSize: 'FRONTDESK_DB_POOL',
};

export function loadCentralConfig(env: NodeJS.ProcessEnv, overrides: CentralOverrides = {}): CentralConfig {
  const list = (v: string | undefined): string[] =>
    (v ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const parsed = CentralConfigSchema.safeParse({
    host: env.FRONTDESK_CENTRAL_HOST || '127.0.0.1',
    port: env.FRONTDESK_CENTRAL_PORT || 8080,
    publicUrl: env.FRONTDESK_PUBLIC_URL || undefined,
    trustProxy: env.FRONTDESK_TRUST_PROXY === '1' || env.FRONTDESK_TRUST_PROXY === 'true',
    corsOrigins: list(env.FRONTDESK_CORS_ORIGINS),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.FRONTDESK_DATA || defaultDataDir(),
    tz: env.FRONTDESK_TZ || 'Asia/Kolkata',
    maxHours: env.FRONTDESK_MAX_HOURS || DEFAULT_MAX_HOURS,
    duplicateWindowSeconds: env.FRONTDESK_DUPLICATE_WINDOW_SECONDS || 60,
    autoCheckout: env.FRONTDESK_AUTO_CHECKOUT || 'off',
    sessionIdleMinutes: env.FRONTDESK_SESSION_IDLE_MINUTES || 30,
    sessionMaxHours: env.FRONTDESK_SESSION_MAX_HOURS || 12,
    apiRateLimit: env.FRONTDESK_API_RATE_LIMIT || 600,
    enrollRateLimit: env.FRONTDESK_ENROLL_RATE_LIMIT || 30,
    dbPoolSize: env.FRONTDESK_DB_POOL || 10,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('BAD_INPUT', `The setting ${NAMES[String(issue.path[0])] ?? String(issue.path[0])} is not right: ${issueSentence(issue)}`);
  }
  return parsed.data;
}

/** The public URL: the one configured, else the address Central listens on. */
export function publicUrlOf(config: CentralConfig, boundPort: number): URL {
  if (config.publicUrl) return new URL(config.publicUrl);
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return new URL(`http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`);
}
