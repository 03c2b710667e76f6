import { z } from 'zod';
import { isValidTimeZone } from '../domain/local-time.js';
import { BadgeSchema, EmployeeCodeSchema, PinSchema } from './common.js';

const Name = z.string().trim().min(1).max(80);

export const AddSiteInputSchema = z
  .object({
    name: Name,
    tz: z.string().refine(isValidTimeZone, 'not an IANA time zone'),
    shiftStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'shift start is HH:MM').default('09:00'),
    graceMinutes: z.number().int().min(0).max(240).default(10),
    by: EmployeeCodeSchema,
  })
  .strict();

export const AddTeamInputSchema = z.object({ name: Name, site: Name, by: EmployeeCodeSchema }).strict();

export const UpdateEmployeeInputSchema = z
  .object({
    code: EmployeeCodeSchema,
    name: Name.optional(),
    team: Name.nullable().optional(),
    active: z.boolean().optional(),
    isManager: z.boolean().optional(),
    pin: PinSchema.optional(),
    badge: BadgeSchema.nullable().optional(),
    by: EmployeeCodeSchema,
  })
  .strict();

export const RosterChangeSchema = z.object({ entity: z.enum(['site', 'team', 'employee']), id: z.string(), version: z.number().int() });

export type RosterChange = z.infer<typeof RosterChangeSchema>;
