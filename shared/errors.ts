// Every failure that crosses a boundary carries one of these codes. The union is closed so
// that callers (UI, CLI exit codes, tests) can switch on it exhaustively.

export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNKNOWN_EMPLOYEE',
  'INACTIVE_EMPLOYEE',
  'WRONG_PIN',
  'LOCKED_OUT',
  'RATE_LIMITED',
  'TICKET_EXPIRED',
  'CONFLICT',
  'NOT_FOUND',
  'SCHEMA_TOO_NEW',
  'STORAGE_FAILED',
  'UNAVAILABLE',
  'SQL_REFUSED',
  /** A kiosk an admin revoked: its device credential is refused. */
  'REVOKED',
  /** Kiosk and Central speak sync versions too far apart (details.verdict says which side is behind). */
  'VERSION_MISMATCH',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras, e.g. `{ attemptsLeft: 3 }` or `{ retryAfterSeconds: 240 }`. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Compile-time exhaustiveness: a switch over a closed union ends with `missingCase(x)`. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
