// The punch path: one IMMEDIATE transaction writes the punch and its outbox row (or finds the
// punch this tap repeats), and the receipt is built and events are emitted only after COMMIT
// returns — with synchronous=FULL that means the punch is on disk before anyone is told.
import { localDateOf, localTimeOf } from '../../../shared/domain/local-time.js';
import { isDuplicateTap } from '../../../shared/domain/punch-rules.js';
import type { PunchKind } from '../../../shared/domain/work-hours.js';
import type { Receipt } from '../../../shared/contract/punches.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { PunchRecord, PunchRepo } from '../../db/local/punch-repo.js';
import type { ServiceDeps } from '../deps.js';
import type { EmployeeRecord } from '../roster/roster.js';
import { secondsWorkedOn } from './today.js';

export interface PunchRequest {
  employee: EmployeeRecord;
  kind: PunchKind;
  workMode: 'WFO' | 'WFH';
  atMs?: number | undefined;
}

const SLOW_PUNCH_MS = 50;

export function recordPunch(deps: ServiceDeps, repo: PunchRepo, req: PunchRequest): Receipt {
  const started = performance.now();
  const { tz } = deps.kiosk;

  const write = deps.store.sqlite.transaction((): { punch: PunchRecord; duplicate: boolean; todaySeconds: number } => {
    // "Now" is read holding the write lock: a process that waited for the lock behind another
    // one's tap punches after it, never before, so a double tap from two processes is one punch.
    const now = deps.clock.now();
    const atMs = req.atMs ?? now;
    const last = repo.last(req.employee.id);
    const duplicate = last !== undefined && isDuplicateTap({ kind: last.kind, atMs: last.atUtc }, req.kind, atMs, deps.policy);
    const punch: PunchRecord = duplicate
      ? last
      : {
          id: uuidv7(atMs),
          employeeId: req.employee.id,
          kind: req.kind,
          atUtc: atMs,
          siteId: deps.kiosk.siteId,
          deviceId: deps.kiosk.deviceId,
          workMode: req.workMode,
          source: 'kiosk',
          createdAt: now,
        };
    if (!duplicate) repo.insertWithOutbox(punch);
    const localDate = localDateOf(punch.atUtc, tz);
    const todaySeconds = secondsWorkedOn(repo, req.employee.id, localDate, tz, deps.policy.maxHours);
    return { punch, duplicate, todaySeconds };
  });
  const { punch, duplicate, todaySeconds } = write.immediate();

  const receipt: Receipt = {
    punchId: punch.id,
    employeeCode: req.employee.code,
    name: req.employee.name,
    kind: punch.kind,
    workMode: punch.workMode,
    at: new Date(punch.atUtc).toISOString(),
    localTime: localTimeOf(punch.atUtc, tz),
    localDate: localDateOf(punch.atUtc, tz),
    tz,
    todaySeconds,
    duplicate,
  };
  const tookMs = performance.now() - started;
  if (tookMs > SLOW_PUNCH_MS) deps.log.warn('slow punch commit', { tookMs: Math.round(tookMs), punchId: punch.id });
  if (!duplicate) deps.events.emit('punches.recorded', receipt);
  return receipt;
}
