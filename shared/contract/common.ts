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

export const IsoInstantSchema = z.iso.datetime({ offset: true });

export const EmployeeSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
});
