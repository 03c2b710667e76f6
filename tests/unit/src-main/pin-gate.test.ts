import { describe, expect, it } from 'vitest';
import { createPinGate } from '../../../src-main/services/punches/pin-gate.js';

/** A check the test finishes by hand, recording when it started. */
function controlled(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    check: () => {
      log.push(name);
      return done;
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('PIN gate', () => {
  it('runs one check per employee at a time and at most maxInFlight in all', async () => {
    const gate = createPinGate({ maxInFlight: 2, maxWaitingPerEmployee: 10 });
    const log: string[] = [];
    const a = [0, 1, 2].map((i) => controlled(log, `A${i}`));
    const b = [0, 1].map((i) => controlled(log, `B${i}`));
    const c = controlled(log, 'C0');
    const runs = [...a.map((x) => gate.run('A', x.check)), ...b.map((x) => gate.run('B', x.check)), gate.run('C', c.check)];
    await tick();
    expect(log).toEqual(['A0', 'B0']);
    a[0]!.finish();
    await tick();
    expect(log).toEqual(['A0', 'B0', 'C0']); // C's turn comes before A's second guess
    b[0]!.finish();
    await tick();
    expect(log).toEqual(['A0', 'B0', 'C0', 'A1']);
    c.finish();
    await tick();
    expect(log).toEqual(['A0', 'B0', 'C0', 'A1', 'B1']);
    a[1]!.finish();
    b[1]!.finish();
    await tick();
    expect(log.at(-1)).toBe('A2');
    a[2]!.finish();
    await Promise.all(runs);
  });

  it('a flood for one employee does not delay another’s check behind it, and extra guesses are refused at once', async () => {
    const gate = createPinGate({ maxInFlight: 2, maxWaitingPerEmployee: 3 });
    const log: string[] = [];
    const flood = Array.from({ length: 1000 }, (_, i) => controlled(log, `A${i}`));
    const settled = flood.map((x) =>
      gate.run('A', x.check).then(
        () => 'ran',
        (e: { code?: string }) => e.code,
      ),
    );
    const real = controlled(log, 'B');
    const realRun = gate.run('B', real.check);
    await tick();
    expect(log).toEqual(['A0', 'B']); // the real tap runs beside the first guess, not after a thousand
    real.finish();
    await realRun;
    for (const x of flood) x.finish();
    const outcomes = await Promise.all(settled);
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(4); // one running + three waiting
    expect(outcomes.filter((o) => o === 'LOCKED_OUT')).toHaveLength(996);
  });

  it('a failing check frees its turn', async () => {
    const gate = createPinGate({ maxInFlight: 1, maxWaitingPerEmployee: 3 });
    await expect(gate.run('A', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run('A', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
