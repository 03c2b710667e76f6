import { z } from 'zod';

export const SyncStateSchema = z.enum(['not-configured', 'idle', 'syncing', 'waiting', 'offline']);

export const SyncStatusSchema = z.object({
  state: SyncStateSchema,
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export type SyncStatus = z.infer<typeof SyncStatusSchema>;
