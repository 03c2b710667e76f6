import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/contract/index.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { addStaff, makeTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await addStaff(t, 'E1', '1234', { badge: 'B1' });
});
afterAll(() => t.dispose());

const anyJson = fc.jsonValue({ maxDepth: 3 });
const origins = fc.constantFrom('http' as const, 'ipc' as const, 'cli' as const);

/** Inputs shaped like real ones, with fields swapped for garbage. */
const nearMiss = fc.record(
  {
    method: fc.constantFrom('pin', 'badge', 'code', 'face', '', 7),
    code: fc.oneof(fc.constantFrom('E1', 'E2', '', ' ', 'x'.repeat(40), "E1'; DROP TABLE punches;--"), fc.string()),
    pin: fc.oneof(fc.constantFrom('1234', '0000', '12', '１２３４', '12345678901234'), fc.string()),
    badge: fc.oneof(fc.constantFrom('B1', '', '\u0000', 'B'.repeat(65)), fc.string()),
    ticket: fc.string(),
    kind: fc.constantFrom('IN', 'OUT', 'in', 'SIDEWAYS', null),
    workMode: fc.constantFrom('WFO', 'WFH', 'MOON'),
    at: fc.constantFrom('2026-11-20T03:00:00Z', 'yesterday', '2026-02-30T00:00:00Z', 12),
    content: fc.string({ maxLength: 200 }),
    fileName: fc.string({ maxLength: 20 }),
    limit: fc.oneof(fc.integer(), fc.double()),
  },
  { requiredKeys: [] },
);

describe('dispatch under fuzzing', () => {
  it('never throws, always answers an envelope, and every refusal carries a known code', async () => {
    const methodArb = fc.oneof(
      fc.constantFrom(...METHODS),
      fc.string(),
      fc.constant(undefined),
      fc.integer(),
      fc.constant('__proto__'),
      fc.constant('constructor'),
    );
    await fc.assert(
      fc.asyncProperty(methodArb, fc.oneof(anyJson, nearMiss, fc.constant(undefined)), origins, async (method, input, origin) => {
        const env = await t.raw(method, input, origin);
        expect(typeof env.ok).toBe('boolean');
        if (!env.ok) {
          expect(ERROR_CODES).toContain(env.error.code);
          expect(env.error.message.length).toBeGreaterThan(0);
          expect(env.error.message).not.toMatch(/\n\s+at /); // no stack traces
          expect(env.error.code).not.toBe('INTERNAL');
          // A sentence for a person: no "field:" prefix, no raw zod wording.
          expect(env.error.message).toMatch(/^[A-Z0-9`"“'].*[.!?)]$/s);
          expect(env.error.message).not.toMatch(/^[a-zA-Z.]+: |Invalid input|expected \w+, received|Too (small|big):/);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('answers unknown methods and malformed inputs with UNKNOWN_METHOD and BAD_INPUT', async () => {
    expect(await t.raw('punches.delete', {}, 'http')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await t.raw('toString', {}, 'http')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await t.raw('kiosk.identify', { method: 'pin', code: 'E1', pin: '12' }, 'http')).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'PIN must be 4 to 12 digits.' },
    });
    expect(await t.raw('punches.record', null, 'http')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await t.raw('kiosk.info', { extra: 1 }, 'http')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('leaves the store consistent: every punch has its outbox row', async () => {
    const orphans = t.app.store.sqlite
      .prepare('SELECT count(*) AS n FROM punches p LEFT JOIN outbox o ON o.punch_id = p.id WHERE o.punch_id IS NULL')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    expect(t.app.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
