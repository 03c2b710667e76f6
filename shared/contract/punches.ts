import { z } from 'zod';
import { EmployeeCodeSchema, IsoInstantSchema, PunchKindSchema, PunchSourceSchema, WorkModeSchema } from './common.js';

export const RecordPunchInputSchema = z.object({
  ticket: z.string().min(1).max(128),
  kind: PunchKindSchema,
  workMode: WorkModeSchema.default('WFO'),
  /** Backdating is for trusted local callers (the CLI) only. */
  at: IsoInstantSchema.optional(),
});

export const ReceiptSchema = z.object({
  punchId: z.string(),
  employeeCode: z.string(),
  name: z.string(),
  kind: PunchKindSchema,
  workMode: WorkModeSchema,
  at: z.string(),
  localTime: z.string(),
  localDate: z.string(),
  tz: z.string(),
  todaySeconds: z.number().int(),
  /** True when this tap repeated one inside the duplicate window: the first punch's receipt. */
  duplicate: z.boolean(),
});

export const PunchRowSchema = z.object({
  id: z.string(),
  employeeCode: z.string(),
  name: z.string(),
  kind: PunchKindSchema,
  at: z.string(),
  localDate: z.string(),
  localTime: z.string(),
  workMode: WorkModeSchema,
  source: PunchSourceSchema,
  deviceId: z.string(),
  pending: z.boolean(),
});

export const ListPunchesInputSchema = z.object({
  employeeCode: EmployeeCodeSchema.optional(),
  from: IsoInstantSchema.optional(),
  to: IsoInstantSchema.optional(),
  limit: z.number().int().min(1).max(100_000).default(1000),
});

export const ImportPunchesInputSchema = z.object({
  fileName: z.string().min(1).max(512),
  /** The file's text; at most 50 MB. */
  content: z.string().max(50_000_000),
});

export const ImportLineErrorSchema = z.object({ line: z.number().int(), reason: z.string() });

export const ImportPunchesOutputSchema = z.object({
  format: z.enum(['csv', 'zkteco']),
  lines: z.number().int(),
  imported: z.number().int(),
  alreadyPresent: z.number().int(),
  errors: z.array(ImportLineErrorSchema),
});

export type RecordPunchInput = z.input<typeof RecordPunchInputSchema>;
export type Receipt = z.infer<typeof ReceiptSchema>;
export type PunchRow = z.infer<typeof PunchRowSchema>;
export type ImportResult = z.infer<typeof ImportPunchesOutputSchema>;
export type ImportLineError = z.infer<typeof ImportLineErrorSchema>;
