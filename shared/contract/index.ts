// The one contract: every call any client can make, with its zod input and output. Hosts
// (IPC, HTTP, CLI, tests) bind from this table; a method not here does not exist.
// `access` says who may call it on a kiosk: 'kiosk' from any authenticated client, 'admin' from
// trusted local callers (the CLI, tests) or a screen with a manager signed in, 'owner' from
// trusted local callers only (an admin at the machine itself), 'central' nowhere (Central's
// own methods). `central` says what Central requires of the caller (shared/domain/access.ts);
// a method without it is not served by Central. `actor` marks methods whose `by` (the acting
// manager) the dispatch fills in from the sign-in.
import { z } from 'zod';
import type { ErrorBody } from '../errors.js';
import type { CentralAccess } from '../domain/access.js';
import {
  AddUserInputSchema,
  ApiTokenSchema,
  CreatedTokenSchema,
  CreateTokenInputSchema,
  TokenIdInputSchema,
  UpdateUserInputSchema,
  UserNameInputSchema,
  UserSchema,
} from './accounts.js';
import { AttendancePageSchema, ListAttendanceInputSchema, RecordAttendanceInputSchema, RecordedAttendanceSchema } from './attendance.js';
import { CentralHealthSchema, CentralInfoSchema } from './central.js';
import { EmployeeSchema, AddEmployeeInputSchema, ListEmployeesInputSchema } from './employees.js';
import {
  ClearLockoutInputSchema,
  ClearLockoutOutputSchema,
  IdentifyInputSchema,
  IdentifyOutputSchema,
  KioskExitInputSchema,
  KioskExitOutputSchema,
  KioskInfoOutputSchema,
  EnrollKioskInputSchema,
  EnrollKioskOutputSchema,
} from './kiosk.js';
import {
  ImportPunchesInputSchema,
  ImportPunchesOutputSchema,
  ListPunchesInputSchema,
  PunchRowSchema,
  ReceiptSchema,
  RecordPunchInputSchema,
} from './punches.js';
import { ReportInputSchema, ReportJsonSchema, ReportResultSchema } from './reports.js';
import {
  AddCentralEmployeeInputSchema,
  AddSiteInputSchema,
  AddTeamInputSchema,
  RosterChangeSchema,
  RosterSchema,
  UpdateEmployeeInputSchema,
  UpdateSiteInputSchema,
  UpdateTeamInputSchema,
} from './roster.js';
import {
  AuditEntrySchema,
  AuditInputSchema,
  AutoCheckoutInputSchema,
  AutoCheckoutOutputSchema,
  CorrectPunchInputSchema,
  CorrectPunchOutputSchema,
  EmployeeDayInputSchema,
  EmployeeDaySchema,
} from './corrections.js';
import { DashboardInputSchema, DashboardSchema, SignInInputSchema, SignInOutputSchema } from './manager.js';
import { HealthSchema, ListRejectsInputSchema, ResolveRejectInputSchema, SyncRejectSchema, SyncStatusSchema, VerifyReportSchema } from './sync.js';
import {
  AiConfigureInputSchema,
  AiStatusSchema,
  AskInputSchema,
  AskResultSchema,
  SqlInputSchema,
  SqlResultSchema,
  SummaryInputSchema,
  SummarySchema,
} from './ai.js';

const Empty = z.object({}).strict().default({});

type Access = 'kiosk' | 'admin' | 'owner' | 'central';
interface MethodSpec {
  kind: 'query' | 'mutation';
  access: Access;
  central?: CentralAccess;
  actor?: true;
  input: z.ZodType;
  output: z.ZodType;
}

import {
  AddKioskInputSchema,
  EnrollmentCodeSchema,
  KioskHealthSchema,
  KioskRefInputSchema,
  ListQuarantineInputSchema,
  QuarantinedPunchSchema,
  RenameKioskInputSchema,
  ResolvedQuarantineSchema,
  ResolveQuarantineInputSchema,
} from './fleet.js';

export const contract = {
  'kiosk.info': { kind: 'query', access: 'kiosk', input: Empty, output: KioskInfoOutputSchema },
  'kiosk.identify': { kind: 'mutation', access: 'kiosk', input: IdentifyInputSchema, output: IdentifyOutputSchema },
  'kiosk.exit': { kind: 'mutation', access: 'kiosk', input: KioskExitInputSchema, output: KioskExitOutputSchema },
  'kiosk.enroll': { kind: 'mutation', access: 'kiosk', input: EnrollKioskInputSchema, output: EnrollKioskOutputSchema },
  'kiosk.clearLockout': { kind: 'mutation', access: 'admin', actor: true, input: ClearLockoutInputSchema, output: ClearLockoutOutputSchema },
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
    input: z
      .object({ days: z.number().int().min(1).max(3660).optional() })
      .strict()
      .default({}),
    output: VerifyReportSchema,
  },
  'sync.rejects': { kind: 'query', access: 'admin', input: ListRejectsInputSchema, output: z.array(SyncRejectSchema) },
  'sync.resolveReject': { kind: 'mutation', access: 'admin', actor: true, input: ResolveRejectInputSchema, output: SyncRejectSchema },
  'roster.addSite': { kind: 'mutation', access: 'admin', central: 'admin', actor: true, input: AddSiteInputSchema, output: RosterChangeSchema },
  'roster.addTeam': { kind: 'mutation', access: 'admin', central: 'write', actor: true, input: AddTeamInputSchema, output: RosterChangeSchema },
  'roster.updateEmployee': {
    kind: 'mutation',
    access: 'admin',
    central: 'write',
    actor: true,
    input: UpdateEmployeeInputSchema,
    output: RosterChangeSchema,
  },
  'roster.updateSite': { kind: 'mutation', access: 'admin', central: 'admin', actor: true, input: UpdateSiteInputSchema, output: RosterChangeSchema },
  'roster.updateTeam': { kind: 'mutation', access: 'admin', central: 'write', actor: true, input: UpdateTeamInputSchema, output: RosterChangeSchema },
  'roster.addEmployee': {
    kind: 'mutation',
    access: 'admin',
    central: 'write',
    actor: true,
    input: AddCentralEmployeeInputSchema,
    output: RosterChangeSchema,
  },
  'roster.list': { kind: 'query', access: 'admin', central: 'read', input: Empty, output: RosterSchema },
  'punches.correct': {
    kind: 'mutation',
    access: 'admin',
    central: 'write',
    actor: true,
    input: CorrectPunchInputSchema,
    output: CorrectPunchOutputSchema,
  },
  'punches.day': { kind: 'query', access: 'admin', central: 'read', input: EmployeeDayInputSchema, output: EmployeeDaySchema },
  'punches.autoCheckout': { kind: 'mutation', access: 'admin', central: 'admin', input: AutoCheckoutInputSchema, output: AutoCheckoutOutputSchema },
  'audit.list': { kind: 'query', access: 'admin', central: 'admin', input: AuditInputSchema, output: z.array(AuditEntrySchema) },
  'reports.run': { kind: 'query', access: 'admin', central: 'read', input: ReportInputSchema, output: ReportResultSchema },
  'reports.json': { kind: 'query', access: 'central', central: 'read', input: ReportInputSchema, output: ReportJsonSchema },
  'manager.signIn': { kind: 'mutation', access: 'kiosk', input: SignInInputSchema, output: SignInOutputSchema },
  'manager.signOut': { kind: 'mutation', access: 'kiosk', input: Empty, output: z.object({ signedOut: z.boolean() }) },
  'reports.dashboard': { kind: 'query', access: 'admin', central: 'read', input: DashboardInputSchema, output: DashboardSchema },
  'ai.ask': { kind: 'query', access: 'admin', central: 'read', input: AskInputSchema, output: AskResultSchema },
  'ai.summary': { kind: 'query', access: 'admin', central: 'read', input: SummaryInputSchema, output: SummarySchema },
  'ai.status': { kind: 'query', access: 'admin', central: 'read', input: Empty, output: AiStatusSchema },
  'ai.configure': { kind: 'mutation', access: 'owner', input: AiConfigureInputSchema, output: AiStatusSchema },
  'sql.run': { kind: 'query', access: 'admin', central: 'read-all', input: SqlInputSchema, output: SqlResultSchema },
  'system.health': { kind: 'query', access: 'kiosk', input: Empty, output: HealthSchema },
  'users.list': { kind: 'query', access: 'central', central: 'admin', input: Empty, output: z.array(UserSchema) },
  'users.add': { kind: 'mutation', access: 'central', central: 'admin', input: AddUserInputSchema, output: UserSchema },
  'users.update': { kind: 'mutation', access: 'central', central: 'admin', input: UpdateUserInputSchema, output: UserSchema },
  'users.clearLockout': { kind: 'mutation', access: 'central', central: 'admin', input: UserNameInputSchema, output: UserSchema },
  'tokens.list': { kind: 'query', access: 'central', central: 'admin', input: Empty, output: z.array(ApiTokenSchema) },
  'tokens.create': { kind: 'mutation', access: 'central', central: 'admin', input: CreateTokenInputSchema, output: CreatedTokenSchema },
  'tokens.revoke': { kind: 'mutation', access: 'central', central: 'admin', input: TokenIdInputSchema, output: ApiTokenSchema },
  'attendance.list': { kind: 'query', access: 'central', central: 'read', input: ListAttendanceInputSchema, output: AttendancePageSchema },
  'attendance.record': {
    kind: 'mutation',
    access: 'central',
    central: 'write',
    input: RecordAttendanceInputSchema,
    output: RecordedAttendanceSchema,
  },
  'kiosks.list': { kind: 'query', access: 'central', central: 'admin', input: Empty, output: z.array(KioskHealthSchema) },
  'kiosks.add': { kind: 'mutation', access: 'central', central: 'admin', input: AddKioskInputSchema, output: EnrollmentCodeSchema },
  'kiosks.rename': { kind: 'mutation', access: 'central', central: 'admin', input: RenameKioskInputSchema, output: KioskHealthSchema },
  'kiosks.revoke': { kind: 'mutation', access: 'central', central: 'admin', input: KioskRefInputSchema, output: KioskHealthSchema },
  'kiosks.clearCloneFlag': { kind: 'mutation', access: 'central', central: 'admin', input: KioskRefInputSchema, output: KioskHealthSchema },
  'kiosks.quarantine': {
    kind: 'query',
    access: 'central',
    central: 'admin',
    input: ListQuarantineInputSchema,
    output: z.array(QuarantinedPunchSchema),
  },
  'kiosks.resolveQuarantine': {
    kind: 'mutation',
    access: 'central',
    central: 'admin',
    input: ResolveQuarantineInputSchema,
    output: ResolvedQuarantineSchema,
  },
  'central.info': { kind: 'query', access: 'central', central: 'public', input: Empty, output: CentralInfoSchema },
  'central.health': { kind: 'query', access: 'central', central: 'public', input: Empty, output: CentralHealthSchema },
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

/** The methods a kiosk (Electron, web host, CLI) serves. */
export type KioskMethod = { [M in Method]: Contract[M]['access'] extends 'central' ? never : M }[Method];
/** The methods Central serves, and what each needs of the caller. */
export type CentralMethod = { [M in Method]: Contract[M] extends { central: CentralAccess } ? M : never }[Method];

export const centralAccessOf = (method: Method): CentralAccess | undefined => (contract[method] as MethodSpec).central;

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
export * from './manager.js';
export * from './ai.js';
export * from './accounts.js';
export * from './attendance.js';
export * from './central.js';
