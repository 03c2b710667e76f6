// A refused input in words a person understands: "The PIN must be 4 to 12 digits.", never
// "pin: Invalid input: expected string, received undefined". The messages written in the
// schemas are kept (made into sentences); zod's own defaults are replaced by sentences built
// from the kind of problem and a readable name of the field.
import type { z } from 'zod';

/** Field names that read badly when split from camelCase. */
const LABELS: Record<string, string> = {
  at: 'time',
  pin: 'PIN',
  baseUrl: 'base URL',
  apiKey: 'API key',
  tz: 'time zone',
  maxHours: 'maximum hours',
  from: 'start date',
  to: 'end date',
  punchId: 'punch id',
  sql: 'query',
  by: 'acting manager',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  if (last === undefined) return 'input';
  return (
    LABELS[last] ??
    last
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase()
  );
}

const sentence = (text: string): string => {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

const isZodDefault = (message: string): boolean => /^(Invalid|Too (small|big)|Unrecognized key|Expected)/.test(message);

const FORMATS: Record<string, string> = {
  url: 'a web address such as https://example.com/v1',
  datetime: 'a time such as 2026-11-20T09:00:00+05:30',
  date: 'a date such as 2026-11-20',
  uuid: 'an id such as 01a2…-…',
  email: 'an email address',
};

function defaultWords(issue: z.core.$ZodIssue, label: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? `the ${label} is missing`
        : `the ${label} must be ${issue.expected === 'int' ? 'a whole number' : issue.expected === 'number' ? 'a number' : issue.expected === 'boolean' ? 'true or false' : issue.expected === 'string' ? 'text' : issue.expected === 'object' ? 'an object ({…} in JSON)' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? `the ${label} is empty`
          : `the ${label} must be at least ${String(issue.minimum)} characters`
        : issue.origin === 'array'
          ? `give at least ${String(issue.minimum)} ${label}`
          : `the ${label} must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `the ${label} must be at most ${String(issue.maximum)} characters`
        : `the ${label} must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `the ${label} must be ${FORMATS[issue.format] ?? 'in the expected format'}`;
    case 'invalid_value':
      return `the ${label} must be ${issue.values.map((v) => String(v)).join(' or ')}`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'there is no option' : 'there are no options'} ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `the ${label} is not one of the forms accepted here`;
    default:
      return `the ${label} is not valid`;
  }
}

/** One issue as a sentence. */
export function issueSentence(issue: z.core.$ZodIssue): string {
  const label = fieldLabel(issue.path);
  return sentence(isZodDefault(issue.message) ? defaultWords(issue, label) : issue.message);
}

/** The first few issues of a refused input, as sentences; the first is the message shown. */
export function describeIssues(error: z.ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.map(String).join('.'), message: issueSentence(i) }));
  return { message: issues[0]?.message ?? 'The input is not valid.', issues };
}
