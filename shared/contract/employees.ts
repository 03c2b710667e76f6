import { z } from 'zod';
import { BadgeSchema, EmployeeCodeSchema, PinSchema } from './common.js';
import { isRealLocalDate } from '../domain/local-time.js';

export const EmployeeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  role: z.string(),
  team: z.string().nullable(),
  isManager: z.boolean(),
  hasBadge: z.boolean(),
  active: z.boolean(),
});

export const AddEmployeeInputSchema = z.object({
  code: EmployeeCodeSchema,
  name: z.string().trim().min(1, 'name is empty').max(120),
  pin: PinSchema,
  badge: BadgeSchema.optional(),
  team: z.string().trim().min(1).max(80).optional(),
  role: z.string().trim().min(1).max(80).default('staff'),
  isManager: z.boolean().default(false),
  /** Make the team here when it does not exist yet (a typo in a team name never makes one silently). */
  newTeam: z.boolean().default(false),
  /** The first day they are expected at work (the day they are added, by default). */
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'the start date is YYYY-MM-DD')
    .refine(isRealLocalDate, 'the start date is not a date that exists')
    .optional(),
});

export const ListEmployeesInputSchema = z.object({ includeInactive: z.boolean().default(false) });

export type Employee = z.infer<typeof EmployeeSchema>;
export type AddEmployeeInput = z.input<typeof AddEmployeeInputSchema>;
