// The HTTP status that fits each error code, for the console and the API alike.
import { missingCase, type ErrorCode } from '../../shared/errors.js';

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'BAD_INPUT':
    case 'SQL_REFUSED':
      return 400;
    case 'UNAUTHORIZED':
    case 'WRONG_PIN':
      return 401;
    case 'FORBIDDEN':
    case 'REVOKED':
      return 403;
    case 'VERSION_MISMATCH':
      return 426;
    case 'NOT_FOUND':
    case 'UNKNOWN_EMPLOYEE':
    case 'UNKNOWN_METHOD':
      return 404;
    case 'CONFLICT':
    case 'INACTIVE_EMPLOYEE':
    case 'TICKET_EXPIRED':
      return 409;
    case 'LOCKED_OUT':
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'UNAVAILABLE':
    case 'STORAGE_FAILED':
    case 'SCHEMA_TOO_NEW':
      return 503;
    default:
      return missingCase(code);
  }
}
