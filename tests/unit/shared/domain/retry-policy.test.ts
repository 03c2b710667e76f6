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
