import { describe, expect, it } from 'vitest';
import {
  BATCH_REFUSED,
  classifyFailure,
  describeFailure,
  fullJitterDelay,
  isBatchWide,
  isUnreachable,
  kickDeadline,
  rootFailure,
} from '../../../../shared/domain/retry-policy.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifyFailure', () => {
  it('sets a punch aside only for data exceptions (22) and integrity violations (23)', () => {
    for (const code of ['22003', '22P02', '22008', '23505', '23514', '23503']) expect(classifyFailure(pgError(code))).toBe('data');
  });

  it('retries everything that is not the punch’s fault: read-only, permission, missing table, shutdown, serialization, the network, no code', () => {
    for (const code of [
      '25006',
      '42501',
      '42P01',
      '42703',
      '57P01',
      '40001',
      '40P01',
      '55P03',
      '53300',
      '08006',
      '28P01',
      '3D000',
      'XX000',
      'P0001',
      '0A000',
    ]) {
      expect(classifyFailure(pgError(code))).toBe('transient');
    }
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', BATCH_REFUSED]) expect(classifyFailure(pgError(code))).toBe('transient');
    expect(classifyFailure(new Error('Connection terminated unexpectedly'))).toBe('transient');
    expect(classifyFailure(undefined)).toBe('transient');
  });

  it('reads the SQLSTATE through wrappers (drizzle’s “Failed query”)', () => {
    const wrapped = Object.assign(new Error('Failed query'), { cause: pgError('23505') });
    expect(rootFailure(wrapped).code).toBe('23505');
    expect(classifyFailure(wrapped)).toBe('data');
  });
});

describe('isBatchWide', () => {
  it('is a batch-wide refusal only when every punch of several failed with one SQLSTATE', () => {
    expect(
      isBatchWide(
        5,
        Array.from({ length: 5 }, () => ({ code: '23514' })),
      ),
    ).toBe(true);
    expect(
      isBatchWide(
        5,
        Array.from({ length: 4 }, () => ({ code: '23514' })),
      ),
    ).toBe(false);
    expect(isBatchWide(2, [{ code: '23514' }, { code: '22003' }])).toBe(false);
    expect(isBatchWide(1, [{ code: '23514' }])).toBe(false);
  });
});

describe('isUnreachable', () => {
  it('is true for the network, the driver, shutdowns and logins; false for an answer about the request', () => {
    for (const code of ['ECONNREFUSED', '08006', '57P01', '53300', '28P01', '3D000']) expect(isUnreachable(pgError(code))).toBe(true);
    expect(isUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    for (const code of ['42P01', '22003', '25006', '42501']) expect(isUnreachable(pgError(code))).toBe(false);
  });
});

describe('describeFailure', () => {
  it('names a read-only central and a permission refusal in words', () => {
    expect(describeFailure(pgError('25006'))).toMatch(/read-only/);
    expect(describeFailure(pgError('42501'))).toMatch(/permission/);
    expect(describeFailure(pgError(BATCH_REFUSED, 'Central refused every punch'))).toBe('Central refused every punch');
  });
});

describe('fullJitterDelay', () => {
  it('stays under a ceiling that doubles up to the cap', () => {
    const policy = { baseMs: 1000, capMs: 8000 };
    expect(fullJitterDelay(0, policy, () => 0.999)).toBe(999);
    expect(fullJitterDelay(2, policy, () => 0.5)).toBe(2000);
    expect(fullJitterDelay(40, policy, () => 0.999)).toBe(7992);
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
  });
});

describe('kickDeadline', () => {
  it('runs the delay after the latest tap, but never later than the maximum wait after the first', () => {
    expect(kickDeadline(1000, 1000, 150, 2000)).toBe(1150);
    expect(kickDeadline(1000, 1500, 150, 2000)).toBe(1650);
    expect(kickDeadline(1000, 2950, 150, 2000)).toBe(3000);
    expect(kickDeadline(1000, 9000, 150, 2000)).toBe(3000);
  });
});

describe('describeFailure, every case', () => {
  it('says in words what each failure is', () => {
    const cases: [Error, string][] = [
      [pgError('ECONNREFUSED'), 'Central database refused the connection (is it running?).'],
      [pgError('ENOTFOUND'), 'Central database host name was not found.'],
      [pgError('EAI_AGAIN'), 'Central database host name was not found.'],
      [pgError('ETIMEDOUT'), 'Central database did not answer in time.'],
      [new Error('Query read timeout'), 'Central database did not answer in time.'],
      [pgError('ECONNRESET'), 'The connection to the central database was cut.'],
      [new Error('Connection terminated unexpectedly'), 'The connection to the central database was cut.'],
      [pgError('28P01'), 'Central database rejected the user name or password.'],
      [pgError('28000'), 'Central database rejected the user name or password.'],
      [pgError('3D000'), 'The central database named in DATABASE_URL does not exist.'],
      [pgError('53300'), 'Central database has too many connections.'],
      [pgError('57P01'), 'Central database is shutting down or starting up.'],
      [pgError('57P03'), 'Central database is shutting down or starting up.'],
      [pgError('25006'), 'Central database is read-only (a standby, or read-only mode); punches wait here until it accepts writes.'],
      [pgError('42501'), 'Central database refused permission to write; punches wait here until its grants are fixed.'],
      [pgError('42P01', 'relation "punches" does not exist'), 'Central database error: relation "punches" does not exist'],
    ];
    for (const [err, words] of cases) expect(describeFailure(err), String(err.message)).toBe(words);
  });

  it('reads a wrapped error’s cause, cuts a long message, and takes a thrown non-error as it is', () => {
    expect(describeFailure(Object.assign(new Error('Failed query'), { cause: pgError('53300') }))).toBe('Central database has too many connections.');
    expect(describeFailure(pgError('XX000', 'y'.repeat(500)))).toBe(`Central database error: ${'y'.repeat(200)}`);
    expect(describeFailure('plain words')).toBe('Central database error: plain words');
  });
});

describe('isUnreachable, every socket error', () => {
  it('knows each network failure by its code, and only SQLSTATEs of 08, 53, 57, 28, 3D as unreachable', () => {
    for (const code of [
      'ECONNREFUSED',
      'ECONNRESET',
      'ECONNABORTED',
      'ETIMEDOUT',
      'EPIPE',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'ENETDOWN',
      'EAI_AGAIN',
      'ENOTFOUND',
    ]) {
      expect(isUnreachable(pgError(code)), code).toBe(true);
    }
    for (const code of ['08001', '53200', '57014', '28000', '3D000']) expect(isUnreachable(pgError(code)), code).toBe(true);
    for (const code of ['40001', '23505', '0A000', 'XX000', 'P0001']) expect(isUnreachable(pgError(code)), code).toBe(false);
    // A code that is neither a socket error nor a SQLSTATE: a driver failure, so unreachable.
    expect(isUnreachable(pgError('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe(true);
    expect(isUnreachable(pgError('080010'))).toBe(true);
  });

  it('a data SQLSTATE is exactly five characters of class 22 or 23', () => {
    expect(classifyFailure(pgError('2200'))).toBe('transient');
    expect(classifyFailure(pgError('223505'))).toBe('transient');
    expect(classifyFailure(pgError('x23505'))).toBe('transient');
    expect(classifyFailure(pgError('24000'))).toBe('transient');
    expect(classifyFailure(pgError('21000'))).toBe('transient');
  });

  it('rootFailure stops at the first code, and looks at most five causes deep', () => {
    const outer = Object.assign(new Error('outer'), { code: 'OUTER', cause: pgError('23505') });
    expect(rootFailure(outer).code).toBe('OUTER');
    let deep: Error = pgError('23505');
    for (let i = 0; i < 6; i++) deep = Object.assign(new Error(`wrap ${i}`), { cause: deep });
    expect(rootFailure(deep).code).toBeUndefined();
    expect(rootFailure(null)).toEqual({});
  });
});

describe('fullJitterDelay bounds', () => {
  it('never exceeds the cap however many attempts, and is whole milliseconds', () => {
    expect(fullJitterDelay(1, { baseMs: 1000, capMs: 1500 }, () => 0.999)).toBe(1498);
    expect(fullJitterDelay(1000, undefined, () => 0.5)).toBe(150_000);
    expect(Number.isInteger(fullJitterDelay(3, { baseMs: 333, capMs: 100_000 }, () => 0.123))).toBe(true);
  });
});
