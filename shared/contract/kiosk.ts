import { z } from 'zod';
import { EnrollCodeSchema } from './sync-api.js';
import { BadgeSchema, EmployeeCodeSchema, EmployeeSummarySchema, PinSchema, PunchKindSchema } from './common.js';

export const IdentifyInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pin'), code: EmployeeCodeSchema, pin: PinSchema }),
  z.object({ method: z.literal('badge'), badge: BadgeSchema }),
  /** Code alone: only for trusted local callers (the CLI), never a kiosk screen. */
  z.object({ method: z.literal('code'), code: EmployeeCodeSchema }),
]);

export const IdentifyOutputSchema = z.object({
  ticket: z.string(),
  employee: EmployeeSummarySchema,
  suggested: PunchKindSchema,
  lastPunch: z.object({ kind: PunchKindSchema, at: z.string() }).nullable(),
  todaySeconds: z.number().int(),
});

export const KioskInfoOutputSchema = z.object({
  siteName: z.string(),
  tz: z.string(),
  deviceId: z.string(),
  now: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  /** The Frontdesk Central this kiosk syncs through (managers sign in to its console there); null when it has none. */
  central: z.object({ url: z.string(), name: z.string() }).nullable(),
});

export const KioskExitInputSchema = z.object({ code: EmployeeCodeSchema, pin: PinSchema });
export const KioskExitOutputSchema = z.object({ managerName: z.string() });

export type IdentifyInput = z.infer<typeof IdentifyInputSchema>;
export type IdentifyOutput = z.infer<typeof IdentifyOutputSchema>;
export type KioskInfo = z.infer<typeof KioskInfoOutputSchema>;

/** A manager lifts an employee's wrong-PIN lock: on this kiosk, and at central for every kiosk. */
export const ClearLockoutInputSchema = z.object({ employeeCode: EmployeeCodeSchema, by: EmployeeCodeSchema }).strict();
export const ClearLockoutOutputSchema = z.object({
  employeeCode: z.string(),
  name: z.string(),
  /** false when central could not be reached: only this kiosk's lock was lifted. */
  everywhere: z.boolean(),
});

/** Enrolling this kiosk with Frontdesk Central from its own screen: a manager's code and PIN, Central's URL and the one-time code. */
export const EnrollKioskInputSchema = z
  .object({
    centralUrl: z.string().trim().min(1, "give Frontdesk Central's address").max(500),
    code: EnrollCodeSchema,
    managerCode: EmployeeCodeSchema,
    managerPin: PinSchema,
  })
  .strict();
export const EnrollKioskOutputSchema = z.object({ name: z.string(), siteName: z.string(), centralUrl: z.string() });
