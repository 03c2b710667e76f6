import { z } from 'zod';

export const PunchKindSchema = z.enum(['IN', 'OUT']);
export const WorkModeSchema = z.enum(['WFO', 'WFH']);
export const PunchSourceSchema = z.enum(['kiosk', 'import', 'correction']);

export const EmployeeCodeSchema = z
  .string()
  .trim()
  .min(1, 'employee code is empty')
  .max(32, 'employee code is longer than 32 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'employee code may hold letters, digits, _ . - only');

export const PinSchema = z.string().regex(/^\d{4,12}$/, 'PIN must be 4 to 12 digits');

export const BadgeSchema = z
  .string()
  .trim()
  .min(1, 'badge is empty')
  .max(64, 'badge is longer than 64 characters')
  .regex(/^[\x21-\x7e]+$/, 'badge may hold printable characters only');

/**
 * An ISO-8601 time: with an offset (or Z) it is that instant; without one it is a local time in
 * the site's zone (read by the service, which knows the zone: instantOf).
 */
/** The years Frontdesk holds times for, and offsets PostgreSQL accepts (±15:59). */
export const inHeldYears = (t: string): boolean => t.slice(0, 4) >= '1900' && t.slice(0, 4) <= '2999';
export const hasHeldOffset = (t: string): boolean => !/[+-](1[6-9]|2\d):\d\d$/.test(t);

export const IsoInstantSchema = z.iso
  .datetime({
    offset: true,
    local: true,
    error: 'give the time as ISO-8601, such as 2026-11-20T09:00 (the site’s local time) or 2026-11-20T09:00+05:30',
  })
  .refine(inHeldYears, 'times run from 1900 to 2999')
  .refine(hasHeldOffset, 'a time zone offset is at most ±15:59');

export const EmployeeSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
});
