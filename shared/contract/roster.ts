import { z } from 'zod';
import { isValidTimeZone } from '../domain/local-time.js';
import { BadgeSchema, EmployeeCodeSchema, PinSchema } from './common.js';
import { AddEmployeeInputSchema } from './employees.js';
import { LocalDateSchema } from './reports.js';

const Name = z.string().trim().min(1).max(80);
const ShiftTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a shift time is HH:MM');
const Grace = z.number().int().min(0).max(240);
/** ISO weekdays a site works, 1 = Monday … 7 = Sunday. */
const WorkingDays = z.array(z.number().int().min(1).max(7)).min(1, 'a site works at least one day of the week').max(7);
/** A shift change applies from this local date (today by default; not in the future). */
const EffectiveFrom = LocalDateSchema.optional();

export const AddSiteInputSchema = z
  .object({
    name: Name,
    tz: z.string().refine(isValidTimeZone, 'not an IANA time zone'),
    shiftStart: ShiftTime.default('09:00'),
    graceMinutes: Grace.default(10),
    shiftEnd: ShiftTime.default('18:00'),
    workingDays: WorkingDays.default([1, 2, 3, 4, 5]),
    by: EmployeeCodeSchema,
  })
  .strict();

/**
 * A site's shift times change; its zone does not, since every punch already made there was
 * counted on a local date in it.
 */
export const UpdateSiteInputSchema = z
  .object({
    name: Name,
    shiftStart: ShiftTime.optional(),
    graceMinutes: Grace.optional(),
    shiftEnd: ShiftTime.optional(),
    workingDays: WorkingDays.optional(),
    effectiveFrom: EffectiveFrom,
    by: EmployeeCodeSchema,
  })
  .strict();

/** A team's own shift times override its site's; null (or absent when adding) means the site's. */
export const AddTeamInputSchema = z
  .object({
    name: Name,
    site: Name,
    shiftStart: ShiftTime.nullable().optional(),
    graceMinutes: Grace.nullable().optional(),
    shiftEnd: ShiftTime.nullable().optional(),
    by: EmployeeCodeSchema,
  })
  .strict();

export const UpdateTeamInputSchema = AddTeamInputSchema.extend({ site: Name.optional(), effectiveFrom: EffectiveFrom }).strict();

/** An employee created on central (from the manager screens); kiosks get them by the roster pull. */
export const AddCentralEmployeeInputSchema = AddEmployeeInputSchema.omit({ role: true })
  .extend({
    by: EmployeeCodeSchema,
  })
  .strict();

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

export const RosterSchema = z.object({
  sites: z.array(z.object({ name: z.string(), tz: z.string(), shiftStart: z.string(), graceMinutes: z.number().int(), shiftEnd: z.string() })),
  teams: z.array(
    z.object({
      name: z.string(),
      site: z.string(),
      shiftStart: z.string().nullable(),
      graceMinutes: z.number().int().nullable(),
      shiftEnd: z.string().nullable(),
      employees: z.number().int(),
    }),
  ),
  employees: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      team: z.string().nullable(),
      isManager: z.boolean(),
      badge: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
});

export type RosterChange = z.infer<typeof RosterChangeSchema>;
export type Roster = z.infer<typeof RosterSchema>;
