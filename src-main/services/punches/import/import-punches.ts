// Imports an attendance file in one transaction. Each imported punch gets an id derived from
// (employee, kind, instant), so importing the same file twice — or two files that overlap —
// stores each punch once. Bad lines are reported with their line numbers; good lines land.
import { createHash } from 'node:crypto';
import type { ImportResult } from '../../../../shared/contract/punches.js';
import { uuidv7From } from '../../../../shared/ids.js';
import { punchTimeProblem } from '../../../../shared/domain/punch-rules.js';
import type { PunchRepo } from '../../../db/local/punch-repo.js';
import type { ServiceDeps } from '../../deps.js';
import { findEmployeeByCode } from '../../roster/roster.js';
import { detectFormat, parseCsv, parseZkteco, splitLines } from './parse-lines.js';

export function importPunchId(employeeId: string, kind: string, atMs: number): string {
  const digest = createHash('sha256').update(`${employeeId}|${kind}|${atMs}`).digest();
  return uuidv7From(atMs, digest.subarray(0, 10));
}

export function importPunches(deps: ServiceDeps, repo: PunchRepo, content: string): ImportResult {
  const lines = splitLines(content);
  const format = detectFormat(lines);
  const parsed = format === 'zkteco' ? parseZkteco(lines, deps.kiosk.tz) : parseCsv(lines, deps.kiosk.tz);
  const now = deps.clock.now();
  const errors: ImportResult['errors'] = [];
  let imported = 0;
  let alreadyPresent = 0;

  deps.store.sqlite
    .transaction(() => {
      for (const entry of parsed) {
        if ('error' in entry) {
          errors.push({ line: entry.line, reason: entry.error });
          continue;
        }
        const employee = findEmployeeByCode(deps.store.db, entry.code);
        if (!employee) {
          errors.push({ line: entry.line, reason: `unknown employee code '${entry.code}'` });
          continue;
        }
        const problem = punchTimeProblem(entry.atMs, now);
        if (problem) {
          errors.push({ line: entry.line, reason: `${Number.isFinite(entry.atMs) ? new Date(entry.atMs).toISOString() : 'the time'} ${problem}` });
          continue;
        }
        const stored = repo.insertWithOutbox({
          id: importPunchId(employee.id, entry.kind, entry.atMs),
          employeeId: employee.id,
          kind: entry.kind,
          atUtc: entry.atMs,
          siteId: deps.kiosk.siteId,
          deviceId: entry.deviceId ?? deps.kiosk.deviceId,
          workMode: entry.workMode,
          source: 'import',
          createdAt: now,
        });
        if (stored) imported++;
        else alreadyPresent++;
      }
    })
    .immediate();

  deps.log.info('import finished', { format, imported, alreadyPresent, errors: errors.length });
  return { format, lines: parsed.length, imported, alreadyPresent, errors };
}
