import type { z } from 'zod';
import type { IdentifyInput, IdentifyOutput } from '../../../shared/contract/kiosk.js';
import type { ListPunchesInputSchema, PunchRow, Receipt, RecordPunchInputSchema, ImportResult } from '../../../shared/contract/punches.js';
import { AppError } from '../../../shared/errors.js';
import { punchTimeProblem } from '../../../shared/domain/punch-rules.js';
import { instantOf } from '../../../shared/domain/local-time.js';
import { createPunchRepo, type PunchRepo } from '../../db/local/punch-repo.js';
import type { ServiceDeps } from '../deps.js';
import { findEmployeeById } from '../roster/roster.js';
import { identify } from './identify.js';
import { importPunches } from './import/import-punches.js';
import { listPunches } from './list-punches.js';
import { recordPunch } from './record-punch.js';
import { createTicketBook } from './tickets.js';

export interface PunchService {
  repo: PunchRepo;
  identify(input: IdentifyInput, trusted: boolean): Promise<IdentifyOutput>;
  record(input: z.output<typeof RecordPunchInputSchema>, trusted: boolean): Receipt;
  list(input: z.output<typeof ListPunchesInputSchema>): PunchRow[];
  importFile(content: string): ImportResult;
}

export function createPunchService(deps: ServiceDeps): PunchService {
  const repo = createPunchRepo(deps.store.db);
  const tickets = createTicketBook(deps.clock);
  return {
    repo,
    identify: (input, trusted) => identify(deps, repo, tickets, input, trusted),
    record(input, trusted) {
      const employeeId = tickets.redeem(input.ticket);
      const employee = employeeId ? findEmployeeById(deps.store.db, employeeId) : undefined;
      if (!employee) throw new AppError('TICKET_EXPIRED', 'Please identify again: that took too long.');
      if (!employee.active) throw new AppError('INACTIVE_EMPLOYEE', 'This code or badge cannot punch on this kiosk. Please see your manager.');
      let atMs: number | undefined;
      if (input.at !== undefined) {
        if (!trusted) throw new AppError('FORBIDDEN', 'Only the command line may record a punch at another time.');
        atMs = instantOf(input.at, deps.kiosk.tz);
        const problem = punchTimeProblem(atMs, deps.clock.now());
        if (problem) throw new AppError('BAD_INPUT', `The punch time ${input.at} ${problem}.`);
      }
      return recordPunch(deps, repo, { employee, kind: input.kind, workMode: input.workMode, atMs });
    },
    list: (input) => listPunches(deps, input),
    importFile: (content) => importPunches(deps, repo, content),
  };
}
