import { z } from 'zod';

export const SyncStateSchema = z.enum(['not-configured', 'idle', 'syncing', 'waiting', 'offline']);

export const SyncStatusSchema = z.object({
  state: SyncStateSchema,
  /** 'embedded' when the app runs its own PostgreSQL, 'external' with DATABASE_URL. */
  central: z.enum(['embedded', 'external', 'none']),
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  oldestPendingAgeSeconds: z.number().int().nullable(),
  rejected: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

export const VerifyDaySchema = z.object({
  date: z.string(),
  local: z.object({ count: z.number().int(), digest: z.string() }),
  central: z.object({ count: z.number().int(), digest: z.string() }),
  pending: z.number().int(),
  rejected: z.number().int(),
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
});

export const HealthSchema = z.object({
  status: z.literal('up'),
  localStore: z.literal('ok'),
  sync: SyncStatusSchema,
});

export type SyncStatus = z.infer<typeof SyncStatusSchema>;
export type VerifyReport = z.infer<typeof VerifyReportSchema>;
export type VerifyDay = z.infer<typeof VerifyDaySchema>;
