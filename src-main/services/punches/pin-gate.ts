// Where PIN checks wait their turn. A PIN check is a deliberately slow hash (scrypt); thousands
// sent at once would fill the thread pool and make a real tap wait behind all of them. So:
// - at most `maxInFlight` checks run at once (the machine's cores, not the attacker's count);
// - at most one check per employee runs at a time, and only a few more may wait, so guesses
//   for one employee are counted one after the other (the lockout sees each before the next);
// - the employee served least recently goes next, so a flood for one employee never delays a
//   real tap of another by more than one check.
import { AppError } from '../../../shared/errors.js';

export interface PinGate {
  /** Runs `check` for `employeeId` when its turn comes; refuses at once when too many wait. */
  run<T>(employeeId: string, check: () => Promise<T>): Promise<T>;
}

export interface PinGateLimits {
  maxInFlight: number;
  maxWaitingPerEmployee: number;
}

export const DEFAULT_PIN_GATE: PinGateLimits = { maxInFlight: 2, maxWaitingPerEmployee: 3 };

export function createPinGate(limits: PinGateLimits = DEFAULT_PIN_GATE): PinGate {
  const waiting = new Map<string, (() => void)[]>();
  const running = new Set<string>();
  /** When each employee last had a check started: the least recently served goes next. */
  const lastServed = new Map<string, number>();
  let served = 0;
  let inFlight = 0;

  const next = (): string | undefined => {
    let best: string | undefined;
    let bestAt = Infinity;
    for (const employeeId of waiting.keys()) {
      if (running.has(employeeId)) continue;
      const at = lastServed.get(employeeId) ?? -1;
      if (at < bestAt) [best, bestAt] = [employeeId, at];
    }
    return best;
  };

  const pump = (): void => {
    while (inFlight < limits.maxInFlight) {
      const employeeId = next();
      if (employeeId === undefined) return;
      const queue = waiting.get(employeeId)!;
      const start = queue.shift()!;
      if (queue.length === 0) waiting.delete(employeeId);
      running.add(employeeId);
      lastServed.set(employeeId, served++);
      inFlight++;
      start();
    }
  };

  const finish = (employeeId: string): void => {
    running.delete(employeeId);
    if (!waiting.has(employeeId)) lastServed.delete(employeeId);
    inFlight--;
    pump();
  };

  return {
    run(employeeId, check) {
      const queue = waiting.get(employeeId) ?? [];
      if (queue.length >= limits.maxWaitingPerEmployee) {
        return Promise.reject(
          new AppError('LOCKED_OUT', 'Too many PIN attempts for this employee at once. Wait a moment and try again.', { retryAfterSeconds: 1 }),
        );
      }
      return new Promise((resolve, reject) => {
        queue.push(() => {
          check()
            .then(resolve, reject)
            .finally(() => finish(employeeId));
        });
        waiting.set(employeeId, queue);
        pump();
      });
    },
  };
}
