// Configuration from the environment (and command-line overrides), validated once at start.
// Every key is documented in the README's Configuration table.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from '../shared/domain/local-time.js';
import { DEFAULT_MAX_HOURS } from '../shared/domain/work-hours.js';
import { AutoCheckoutRuleSchema } from '../shared/contract/corrections.js';
import { AppError } from '../shared/errors.js';
import { issueSentence } from '../shared/contract/issue-words.js';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Frontdesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Frontdesk');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'frontdesk');
}

export function defaultCredentialDir(platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Frontdesk', 'credentials');
  if (platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'Frontdesk', 'credentials');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'frontdesk', 'credentials');
}

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  tz: z.string().refine(isValidTimeZone, 'FRONTDESK_TZ is not an IANA time zone'),
  siteName: z.string().trim().min(1).max(80),
  host: z.string().min(1),
  port: intFrom(0, 65535),
  token: z.string().min(16, 'FRONTDESK_TOKEN must be at least 16 characters').optional(),
  duplicateWindowSeconds: intFrom(0, 3600),
  maxHours: intFrom(1, 48),
  /**
   * Demo data in a new data folder: 'auto' makes it only with the built-in central (never into a
   * real one named by DATABASE_URL); 'on' (--demo) asks for it explicitly; 'off' (--no-demo) never.
   */
  demo: z.preprocess((v) => (v === true ? 'on' : v === false ? 'off' : v), z.enum(['auto', 'on', 'off'])),
  /** FRONTDESK_AUTO_CHECKOUT: off, HH:MM, or shift-end+N. */
  autoCheckout: AutoCheckoutRuleSchema,
  /**
   * Where enrolled kiosks keep their device credential (FRONTDESK_CREDENTIAL_DIR): outside the
   * data folder, so a copy of the folder holds no credential and no PIN key.
   */
  credentialDir: z.string().min(1),
  /**
   * FRONTDESK_DIRECT_SYNC=1: a kiosk host (web, Electron) may sync straight to DATABASE_URL, as
   * before Central. Without it a kiosk host with DATABASE_URL is refused: kiosks enroll with
   * Frontdesk Central and hold no database credential.
   */
  directSync: z.boolean(),
  /** Central PostgreSQL; unset means the embedded server in the data folder. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
});

export type AppConfig = z.output<typeof ConfigSchema>;

/** Whether a new data folder gets demo data: with a real central only when asked for. */
export const wantsDemo = (config: Pick<AppConfig, 'demo' | 'databaseUrl'>): boolean =>
  config.demo === 'on' || (config.demo === 'auto' && config.databaseUrl === undefined);

/** The environment variable (or flag) behind each setting, for messages. */
const SETTING_NAMES: Record<string, string> = {
  dataDir: 'FRONTDESK_DATA (--data)',
  tz: 'FRONTDESK_TZ',
  siteName: 'FRONTDESK_SITE_NAME',
  host: 'FRONTDESK_HOST (--host)',
  port: 'FRONTDESK_PORT (--port)',
  token: 'FRONTDESK_TOKEN (--token-file)',
  duplicateWindowSeconds: 'FRONTDESK_DUPLICATE_WINDOW_SECONDS',
  maxHours: 'FRONTDESK_MAX_HOURS',
  demo: 'FRONTDESK_DEMO',
  autoCheckout: 'FRONTDESK_AUTO_CHECKOUT',
  databaseUrl: 'DATABASE_URL',
  credentialDir: 'FRONTDESK_CREDENTIAL_DIR',
  directSync: 'FRONTDESK_DIRECT_SYNC',
};

export type ConfigOverrides = Partial<z.input<typeof ConfigSchema>>;

export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): AppConfig {
  const parsed = ConfigSchema.safeParse({
    dataDir: env.FRONTDESK_DATA || defaultDataDir(),
    tz: env.FRONTDESK_TZ || 'Asia/Kolkata',
    siteName: env.FRONTDESK_SITE_NAME || 'Head Office',
    host: env.FRONTDESK_HOST || '127.0.0.1',
    port: env.FRONTDESK_PORT || 4310,
    token: env.FRONTDESK_TOKEN || undefined,
    duplicateWindowSeconds: env.FRONTDESK_DUPLICATE_WINDOW_SECONDS || 60,
    maxHours: env.FRONTDESK_MAX_HOURS || DEFAULT_MAX_HOURS,
    demo: env.FRONTDESK_NO_DEMO === '1' ? 'off' : env.FRONTDESK_DEMO === '1' ? 'on' : 'auto',
    autoCheckout: env.FRONTDESK_AUTO_CHECKOUT || 'off',
    databaseUrl: env.DATABASE_URL || undefined,
    credentialDir: env.FRONTDESK_CREDENTIAL_DIR || defaultCredentialDir(),
    directSync: env.FRONTDESK_DIRECT_SYNC === '1',
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'BAD_INPUT',
      `The setting ${SETTING_NAMES[String(issue.path[0])] ?? String(issue.path[0])} is not right: ${issueSentence(issue)}`,
    );
  }
  return parsed.data;
}
