import { z } from 'zod';
import { EmployeeCodeSchema } from './common.js';

/**
 * Through Central, three more: `revoked` (an admin revoked this kiosk; punches stay here),
 * `needs-update` (Central no longer serves this kiosk's sync version) and `central-outdated`
 * (this kiosk is newer than Central; it waits for Central's update).
 */
export const SyncStateSchema = z.enum(['not-configured', 'idle', 'syncing', 'waiting', 'offline', 'revoked', 'needs-update', 'central-outdated']);

export const SyncStatusSchema = z.object({
  state: SyncStateSchema,
  /** 'embedded' when the app runs its own PostgreSQL, 'external' with DATABASE_URL, 'central' through Frontdesk Central's sync API. */
  central: z.enum(['embedded', 'external', 'central', 'none']),
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  oldestPendingAgeSeconds: z.number().int().nullable(),
  rejected: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** What stops this kiosk from using its own storage (a full disk, a file held by another program), in words; null when fine. */
  localError: z.string().nullable(),
  /** Central's clock minus this kiosk's at the last sync that reached central (positive: the kiosk is behind). */
  clockOffsetSeconds: z.number().int().nullable(),
  /** The kiosk's clock is more than two minutes off central's: punch times may be wrong. */
  clockDrift: z.boolean(),
  /** Central saw a second kiosk answer with this kiosk's credential (a copied data folder). */
  cloneSuspected: z.boolean().default(false),
});

export const VerifyDaySchema = z.object({
  date: z.string(),
  local: z.object({ count: z.number().int(), digest: z.string() }),
  central: z.object({ count: z.number().int(), digest: z.string() }),
  pending: z.number().int(),
  /** Refused by central and held here until an admin sends them again or discards them: the day does not agree. */
  rejected: z.number().int(),
  /** Refused, then discarded by an admin (kept here, never sent). */
  discarded: z.number().int(),
  /** Synced here (not pending, not rejected) but absent on central: lost. */
  missingOnCentral: z.array(z.string()),
  /** On central for this device but absent here. */
  missingLocally: z.array(z.string()),
  ok: z.boolean(),
});

export const VerifyReportSchema = z.object({
  deviceId: z.string(),
  tz: z.string(),
  checkedAt: z.string(),
  days: z.array(VerifyDaySchema),
  ok: z.boolean(),
  /** Why the days cannot be compared at all (another kiosk uses this credential), in words; null when they can. */
  problem: z.string().nullable().default(null),
});

export const HealthSchema = z.object({
  status: z.literal('up'),
  localStore: z.literal('ok'),
  sync: SyncStatusSchema,
});

export type SyncStatus = z.infer<typeof SyncStatusSchema>;
export type VerifyReport = z.infer<typeof VerifyReportSchema>;
export type VerifyDay = z.infer<typeof VerifyDaySchema>;

/** A punch central refused for its own data, held on this kiosk until an admin settles it. */
export const SyncRejectSchema = z.object({
  punchId: z.string(),
  employeeCode: z.string(),
  name: z.string(),
  kind: z.enum(['IN', 'OUT']),
  at: z.string(),
  reason: z.string(),
  rejectedAt: z.string(),
  discardedAt: z.string().nullable(),
  discardedBy: z.string().nullable(),
  discardReason: z.string().nullable(),
});

export const ListRejectsInputSchema = z
  .object({ includeDiscarded: z.boolean().default(false) })
  .strict()
  .default({ includeDiscarded: false });

/**
 * `retry` sends a held punch again (after the cause was fixed on central, e.g. the employee was
 * added there); `discard` keeps it here for good and never sends it, with who and why.
 */
export const ResolveRejectInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('retry'), punchId: z.uuid('punch id is not a UUID'), by: EmployeeCodeSchema }).strict(),
  z
    .object({
      action: z.literal('discard'),
      punchId: z.uuid('punch id is not a UUID'),
      reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500),
      by: EmployeeCodeSchema,
    })
    .strict(),
]);

export type SyncReject = z.infer<typeof SyncRejectSchema>;
