import { z } from 'zod';

/** What the console learns about the Central it talks to, before anyone signs in. */
export const CentralInfoSchema = z.object({
  product: z.literal('Frontdesk Central'),
  version: z.string(),
  /** The zone reports use when none is asked for and a site has none. */
  tz: z.string(),
});

export type CentralInfo = z.infer<typeof CentralInfoSchema>;

/** GET /api/v1/health: Central answers, and says whether its database does. */
export const CentralHealthSchema = z.object({
  status: z.enum(['up', 'degraded']),
  database: z.enum(['reachable', 'unreachable']),
  version: z.string(),
  /** Why the database is unreachable, in words. */
  problem: z.string().nullable(),
});

export type CentralHealth = z.infer<typeof CentralHealthSchema>;
