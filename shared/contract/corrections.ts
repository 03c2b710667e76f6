import { z } from 'zod';
import { EmployeeCodeSchema, IsoInstantSchema, PunchKindSchema, WorkModeSchema } from './common.js';

const Reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(500);

export const CorrectPunchInputSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('add'),
      employeeCode: EmployeeCodeSchema,
      kind: PunchKindSchema,
      at: IsoInstantSchema,
      workMode: WorkModeSchema.default('WFO'),
      reason: Reason,
      /** The manager making the correction (until manager sign-in names them). */
      by: EmployeeCodeSchema,
    })
    .strict(),
  z.object({ action: z.literal('void'), punchId: z.uuid(), reason: Reason, by: EmployeeCodeSchema }).strict(),
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

export const CorrectPunchOutputSchema = z.object({ punchId: z.string(), audit: AuditEntrySchema });

export const AuditInputSchema = z
  .object({ employeeCode: EmployeeCodeSchema.optional(), limit: z.number().int().min(1).max(10_000).default(200) })
  .strict()
  .default({ limit: 200 });

export type CorrectPunchInput = z.input<typeof CorrectPunchInputSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
