// The one contract: every call any client can make, with its zod input and output. Hosts
// (IPC, HTTP, CLI, tests) bind from this table; a method not here does not exist.
// `access` says who may call it: 'kiosk' from any authenticated client, 'admin' only from
// trusted local callers (the CLI, tests) until manager sign-in exists.
import { z } from 'zod';
import type { ErrorBody } from '../errors.js';
import { EmployeeSchema, AddEmployeeInputSchema, ListEmployeesInputSchema } from './employees.js';
import {
  IdentifyInputSchema,
  IdentifyOutputSchema,
  KioskExitInputSchema,
  KioskExitOutputSchema,
  KioskInfoOutputSchema,
} from './kiosk.js';
import {
  ImportPunchesInputSchema,
  ImportPunchesOutputSchema,
  ListPunchesInputSchema,
  PunchRowSchema,
  ReceiptSchema,
  RecordPunchInputSchema,
} from './punches.js';
import { ReportInputSchema, ReportResultSchema } from './reports.js';
import { AddSiteInputSchema, AddTeamInputSchema, RosterChangeSchema, UpdateEmployeeInputSchema } from './roster.js';
import { AuditEntrySchema, AuditInputSchema, CorrectPunchInputSchema, CorrectPunchOutputSchema } from './corrections.js';
import { HealthSchema, SyncStatusSchema, VerifyReportSchema } from './sync.js';

const Empty = z.object({}).strict().default({});

type Access = 'kiosk' | 'admin';
interface MethodSpec {
  kind: 'query' | 'mutation';
  access: Access;
  input: z.ZodType;
  output: z.ZodType;
}

export const contract = {
  'kiosk.info': { kind: 'query', access: 'kiosk', input: Empty, output: KioskInfoOutputSchema },
  'kiosk.identify': { kind: 'mutation', access: 'kiosk', input: IdentifyInputSchema, output: IdentifyOutputSchema },
  'kiosk.exit': { kind: 'mutation', access: 'kiosk', input: KioskExitInputSchema, output: KioskExitOutputSchema },
  'punches.record': { kind: 'mutation', access: 'kiosk', input: RecordPunchInputSchema, output: ReceiptSchema },
  'punches.list': { kind: 'query', access: 'admin', input: ListPunchesInputSchema, output: z.array(PunchRowSchema) },
  'punches.import': { kind: 'mutation', access: 'admin', input: ImportPunchesInputSchema, output: ImportPunchesOutputSchema },
  'employees.add': { kind: 'mutation', access: 'admin', input: AddEmployeeInputSchema, output: EmployeeSchema },
  'employees.list': { kind: 'query', access: 'admin', input: ListEmployeesInputSchema, output: z.array(EmployeeSchema) },
  'sync.status': { kind: 'query', access: 'kiosk', input: Empty, output: SyncStatusSchema },
  'sync.now': { kind: 'mutation', access: 'kiosk', input: Empty, output: SyncStatusSchema },
  'sync.verify': {
    kind: 'query',
    access: 'admin',
    input: z.object({ days: z.number().int().min(1).max(3660).optional() }).strict().default({}),
    output: VerifyReportSchema,
  },
  'roster.addSite': { kind: 'mutation', access: 'admin', input: AddSiteInputSchema, output: RosterChangeSchema },
  'roster.addTeam': { kind: 'mutation', access: 'admin', input: AddTeamInputSchema, output: RosterChangeSchema },
  'roster.updateEmployee': { kind: 'mutation', access: 'admin', input: UpdateEmployeeInputSchema, output: RosterChangeSchema },
  'punches.correct': { kind: 'mutation', access: 'admin', input: CorrectPunchInputSchema, output: CorrectPunchOutputSchema },
  'audit.list': { kind: 'query', access: 'admin', input: AuditInputSchema, output: z.array(AuditEntrySchema) },
  'reports.run': { kind: 'query', access: 'admin', input: ReportInputSchema, output: ReportResultSchema },
  'system.health': { kind: 'query', access: 'kiosk', input: Empty, output: HealthSchema },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export * from './common.js';
export * from './employees.js';
export * from './kiosk.js';
export * from './punches.js';
export * from './sync.js';
export * from './reports.js';
export * from './corrections.js';
export * from './roster.js';
export * from './events.js';
