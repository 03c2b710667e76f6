import { z } from 'zod';
import { parseAutoCheckoutRule, type AutoCheckoutRule } from '../domain/auto-checkout.js';
import { EmployeeCodeSchema, hasHeldOffset, inHeldYears, IsoInstantSchema, PunchKindSchema, PunchSourceSchema, WorkModeSchema } from './common.js';
import { LocalDateSchema } from './reports.js';

const Reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(500);

export const CorrectPunchInputSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('add'),
      employeeCode: EmployeeCodeSchema,
      kind: PunchKindSchema,
      at: IsoInstantSchema,
      /** With kind IN: the OUT that closes it, added together (a day with neither punch). */
      outAt: IsoInstantSchema.optional(),
      workMode: WorkModeSchema.default('WFO'),
      reason: Reason,
      /** The manager making the correction (until manager sign-in names them). */
      by: EmployeeCodeSchema,
    })
    .strict(),
  z
    .object({
      action: z.literal('void'),
      punchId: z.uuid(),
      /** Its partner, voided with it (a whole session that was never this employee's). */
      withPunchId: z.uuid().optional(),
      reason: Reason,
      by: EmployeeCodeSchema,
    })
    .strict(),
]);

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const CorrectPunchOutputSchema = z.object({
  punchId: z.string(),
  audit: AuditEntrySchema,
  /** The OUT added with an IN, when the correction was a pair. */
  pairedPunchId: z.string().nullable(),
  /** The same correction was already made: nothing new was written, the first one is returned. */
  repeated: z.boolean(),
});

const AuditInstant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `give ${name} as an ISO-8601 instant with an offset, such as 2026-11-20T00:00Z` })
    .refine(inHeldYears, `${name} runs from 1900 to 2999`)
    .refine(hasHeldOffset, 'a time zone offset is at most ±15:59');

/** The audit log, newest first, narrowed by any of: an employee's punches, who acted, the action (or its start: `account.`, or any start ending in `*` such as `account.sign*`), a time range. */
export const AuditInputSchema = z
  .object({
    employeeCode: EmployeeCodeSchema.optional(),
    actor: z.string().trim().min(1).max(80).optional(),
    action: z.string().trim().min(1).max(80).optional(),
    from: AuditInstant('from').optional(),
    to: AuditInstant('to').optional(),
    limit: z.number().int().min(1).max(10_000).default(200),
  })
  .strict()
  .default({ limit: 200 });

export type CorrectPunchInput = z.input<typeof CorrectPunchInputSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * One run of the auto check-out. `rule` overrides the configured one for this run ("off",
 * "HH:MM", or "shift-end+N"); without it the configured rule applies.
 */
export const AutoCheckoutRuleSchema = z.string().transform((text, ctx): AutoCheckoutRule => {
  const rule = parseAutoCheckoutRule(text);
  if (rule) return rule;
  ctx.addIssue({ code: 'custom', message: 'an auto check-out rule is off, HH:MM, or shift-end+N (hours, up to 12)' });
  return z.NEVER;
});

export const AutoCheckoutInputSchema = z.object({ rule: AutoCheckoutRuleSchema.optional() }).strict().default({});

export const AutoCheckoutOutputSchema = z.object({
  rule: z.string(),
  closed: z.array(z.object({ punchId: z.string(), employeeCode: z.string(), inAt: z.string(), outAt: z.string() })),
  /** Automatic OUTs taken back because the employee's own OUT arrived later, from an offline kiosk. */
  withdrawn: z.array(z.object({ punchId: z.string(), employeeCode: z.string() })),
});

export type AutoCheckoutResult = z.infer<typeof AutoCheckoutOutputSchema>;

/** One employee's day as a manager reviews it: its punches (and the next day's, for an overnight shift), voids and history. */
export const EmployeeDayInputSchema = z.object({ employeeCode: EmployeeCodeSchema, date: LocalDateSchema }).strict();

export const DayPunchSchema = z.object({
  id: z.string(),
  kind: PunchKindSchema,
  at: z.string(),
  localDate: z.string(),
  localTime: z.string(),
  source: z.union([PunchSourceSchema, z.literal('auto'), z.literal('api')]),
  workMode: WorkModeSchema,
  voided: z.boolean(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
});

export const EmployeeDaySchema = z.object({
  employee: z.object({ code: z.string(), name: z.string(), team: z.string().nullable() }),
  date: z.string(),
  nextDate: z.string(),
  tz: z.string(),
  /** The team's shift times, else the site's: the defaults a correction form offers. */
  shiftStart: z.string(),
  shiftEnd: z.string(),
  punches: z.array(DayPunchSchema),
  history: z.array(AuditEntrySchema),
});

export type EmployeeDay = z.infer<typeof EmployeeDaySchema>;
export type DayPunch = z.infer<typeof DayPunchSchema>;
