// Kiosks as Central's admins see them: enrolled devices, their health, and the punches a
// revoked kiosk sent (quarantined until an admin accepts or rejects them).
import { z } from 'zod';
import { KioskNameSchema } from './sync-api.js';

/** A kiosk named by its id or its name. */
export const KioskRefSchema = z.string().trim().min(1, 'name the kiosk (its name or id)').max(100);

export const KioskStateSchema = z.enum(['awaiting-enrollment', 'code-expired', 'enrolled', 'revoked']);

export const KioskHealthSchema = z.object({
  id: z.string(),
  name: z.string(),
  site: z.object({ id: z.string(), name: z.string() }),
  state: KioskStateSchema,
  appVersion: z.string().nullable(),
  syncVersion: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  lastHeartbeatAt: z.string().nullable(),
  lastPushAt: z.string().nullable(),
  backlog: z.object({ count: z.number().int(), oldestAt: z.string().nullable() }).nullable(),
  rejected: z.number().int().nullable(),
  lastError: z.string().nullable(),
  clockOffsetSeconds: z.number().int().nullable(),
  /** No heartbeat for longer than the stale limit (or never, once enrolled). */
  stale: z.boolean(),
  /** The kiosk's clock is off Central's by more than the drift limit. */
  clockDrift: z.boolean(),
  /** Two kiosks answer with this one credential (a copied data folder). */
  cloneSuspected: z.boolean(),
  /** Punches this kiosk sent after it was revoked, waiting for an admin. */
  quarantined: z.number().int(),
  /** Punches that arrived with this kiosk's clock off by more than the drift limit: their times need a look. */
  clockFlaggedPunches: z.number().int(),
  createdAt: z.string(),
  enrolledAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const AddKioskInputSchema = z.object({ name: KioskNameSchema, site: z.string().trim().min(1).max(200) }).strict();
export const KioskRefInputSchema = z.object({ kiosk: KioskRefSchema }).strict();
export const RenameKioskInputSchema = z.object({ kiosk: KioskRefSchema, name: KioskNameSchema }).strict();

/** An enrollment code, shown once: it works one time, until `expiresAt`. */
export const EnrollmentCodeSchema = z.object({ kiosk: KioskHealthSchema, code: z.string(), expiresAt: z.string() });

export const QuarantinedPunchSchema = z.object({
  punchId: z.string(),
  kiosk: z.string(),
  employeeCode: z.string().nullable(),
  name: z.string().nullable(),
  kind: z.enum(['IN', 'OUT']),
  at: z.string(),
  /** When the kiosk says it took the punch, and when Central revoked it. */
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  receivedAt: z.string(),
  resolution: z.enum(['accepted', 'rejected']).nullable(),
  resolvedBy: z.string().nullable(),
});

export const ListQuarantineInputSchema = z
  .object({ kiosk: KioskRefSchema.optional(), includeResolved: z.boolean().default(false) })
  .strict()
  .default({ includeResolved: false });

export const ResolveQuarantineInputSchema = z
  .object({ punchIds: z.array(z.uuid('punch id is not a UUID')).min(1).max(5000), action: z.enum(['accept', 'reject']) })
  .strict();

export const ResolvedQuarantineSchema = z.object({ accepted: z.number().int(), rejected: z.number().int(), unknown: z.array(z.string()) });

export type KioskHealth = z.infer<typeof KioskHealthSchema>;
export type EnrollmentCode = z.infer<typeof EnrollmentCodeSchema>;
export type QuarantinedPunch = z.infer<typeof QuarantinedPunchSchema>;
