import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, fieldLabel } from '../../../../shared/contract/issue-words.js';
import { CorrectPunchInputSchema, IdentifyInputSchema, ReportInputSchema } from '../../../../shared/contract/index.js';

const first = (schema: z.ZodType, input: unknown): string => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return describeIssues(r.error).message;
};

describe('refused inputs in words', () => {
  it('keeps the schemas’ own messages, as sentences', () => {
    expect(first(IdentifyInputSchema, { method: 'pin', code: 'E1', pin: '12' })).toBe('PIN must be 4 to 12 digits.');
    expect(first(ReportInputSchema, { name: 'daily', from: '2026-11-20', to: '2026-11-01' })).toBe(
      'The start date (from) must not be after the end date (to).',
    );
  });

  it('replaces zod’s defaults with sentences naming the field', () => {
    const S = z.object({ employeeCode: z.string().min(1), maxHours: z.number().max(48), baseUrl: z.url(), kind: z.enum(['IN', 'OUT']) }).strict();
    expect(first(S, { employeeCode: '', maxHours: 1, baseUrl: 'http://x', kind: 'IN' })).toBe('The employee code is empty.');
    expect(first(S, { employeeCode: 'a', maxHours: Number('x'), baseUrl: 'http://x', kind: 'IN' })).toBe('The maximum hours must be a number.');
    expect(first(S, { employeeCode: 'a', maxHours: 60, baseUrl: 'http://x', kind: 'IN' })).toBe('The maximum hours must be at most 48.');
    expect(first(S, { employeeCode: 'a', maxHours: 1, baseUrl: 'not-a-url', kind: 'IN' })).toBe(
      'The base URL must be a web address such as https://example.com/v1.',
    );
    expect(first(S, { employeeCode: 'a', maxHours: 1, baseUrl: 'http://x', kind: 'SIDEWAYS' })).toBe('The kind must be IN or OUT.');
    expect(first(S, { maxHours: 1, baseUrl: 'http://x', kind: 'IN' })).toBe('The employee code is missing.');
    expect(first(S, { employeeCode: 'a', maxHours: 1, baseUrl: 'http://x', kind: 'IN', colour: 'red' })).toBe('There is no option colour.');
  });

  it('never starts with a field path or says “Invalid input”', () => {
    for (const input of [
      {},
      { action: 'add' },
      { action: 'void', punchId: 'x', reason: 'r', by: 'M' },
      { action: 'add', employeeCode: 'E', kind: 'IN', at: 'soon', reason: 'forgot', by: 'M' },
    ]) {
      const message = first(CorrectPunchInputSchema, input);
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).not.toMatch(/^\w+: |Invalid input|received/);
    }
  });

  it('reads field names as words', () => {
    expect(fieldLabel(['employeeCode'])).toBe('employee code');
    expect(fieldLabel(['items', 0, 'pin'])).toBe('PIN');
    expect(fieldLabel([])).toBe('input');
    // A body that is not an object at all: said once, with its article.
    const notObject = z.object({ a: z.string() }).safeParse(42);
    expect(describeIssues(notObject.error!).message).toBe('The input must be an object ({…} in JSON).');
  });
});
