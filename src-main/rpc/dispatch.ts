// The one entry point for every call, whatever the transport (IPC, HTTP, CLI, tests): allow-list
// the method, check who may call it, parse the input with its zod schema, run the handler, and
// answer with an envelope. Nothing thrown inside escapes as a crash or a stack trace.
import {
  contract,
  isMethod,
  type CentralMethod,
  type Envelope,
  type KioskMethod,
  type Method,
  type MethodOutput,
  type ParsedInput,
} from '../../shared/contract/index.js';
import { AppError, type ErrorBody } from '../../shared/errors.js';
import { describeIssues } from '../../shared/contract/issue-words.js';
import { createLogger } from '../log.js';
import type { ManagerSession } from '../services/manager/manager-sessions.js';
import { storageCause, storageErrorBody } from '../db/local/storage-errors.js';
import type { CentralActor } from '../services/accounts/actor.js';

export type Origin = 'ipc' | 'http' | 'cli' | 'test' | 'central';

export interface CallContext {
  origin: Origin;
  /** The manager sign-in token the screen sent along, if any. */
  managerToken?: string | undefined;
  /** On Central: the account, token or local admin making the call (resolved by the host). */
  actor?: CentralActor | undefined;
}

/** Resolves a manager sign-in token to the signed-in manager. */
export type ManagerLookup = (token: string | undefined) => ManagerSession | null;

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
type HandlerTable<K extends Method> = { [M in K]: Handler<M> };
/** What a kiosk serves (Electron, the web host, the CLI). */
export type Handlers = HandlerTable<KioskMethod>;
/** What Central serves. */
export type CentralHandlers = HandlerTable<CentralMethod>;

export type Dispatch = (method: unknown, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

/** Who may call a method with this input: the input to run it with (the acting manager filled in), or the refusal. */
export type Authorize = (method: Method, input: unknown, ctx: CallContext) => { input: unknown } | Envelope<never>;

const log = createLogger('rpc');

export const isTrusted = (ctx: CallContext): boolean => ctx.origin === 'cli' || ctx.origin === 'test';

export function fail(code: ErrorBody['code'], message: string, details?: Record<string, unknown>): Envelope<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/**
 * Manager methods are open to trusted callers (who name the acting manager with `by`) and to a
 * screen with a live manager sign-in, where `by` is always the signed-in manager.
 */
export const kioskAuthorizer =
  (managers: ManagerLookup): Authorize =>
  (method, input, ctx) => {
    const spec = contract[method];
    if (spec.access === 'central') return fail('UNKNOWN_METHOD', `${method} is served by Frontdesk Central, not by a kiosk.`);
    if (spec.access === 'kiosk' || isTrusted(ctx)) return { input };
    if (spec.access === 'owner')
      return fail('FORBIDDEN', `Only an admin at this machine may do that (${method}), with the frontdesk command; a screen may not.`);
    const manager = managers(ctx.managerToken);
    if (!manager) return fail('FORBIDDEN', `A manager must sign in first (${method}).`);
    return { input: withActing(method, input, manager.code) };
  };

/** Fills `by` (the acting manager) of the methods that take one; a caller never names someone else. */
export function withActing(method: Method, input: unknown, by: string): unknown {
  const spec = contract[method];
  const takesActor = 'actor' in spec && spec.actor;
  return takesActor && input !== null && typeof input === 'object' ? { ...input, by } : input;
}

export function createDispatch(handlers: Partial<{ [M in Method]: Handler<M> }>, authorize: Authorize): Dispatch {
  return async (method, rawInput, ctx) => {
    const handler = isMethod(method) ? (handlers[method] as ((i: unknown, c: CallContext) => unknown) | undefined) : undefined;
    if (!isMethod(method) || !handler) {
      return fail('UNKNOWN_METHOD', `There is no method ${typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : 'with that name'}.`);
    }
    const spec = contract[method];
    const allowed = authorize(method, rawInput, ctx);
    if ('ok' in allowed) return allowed;
    const input = allowed.input;
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const { message, issues } = describeIssues(parsed.error);
      return fail('BAD_INPUT', message, { issues });
    }
    try {
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toBody() };
      const cause = storageCause(err);
      if (cause) {
        log.error('storage failure', { method, cause, error: String(err) });
        return { ok: false, error: storageErrorBody(cause, spec.kind === 'mutation' ? 'write' : 'read') };
      }
      log.error('handler crashed', { method, error: err instanceof Error ? err.stack : String(err) });
      return fail(
        'INTERNAL',
        spec.kind === 'mutation'
          ? 'Something went wrong inside Frontdesk. Nothing was recorded; please try again.'
          : 'Something went wrong inside Frontdesk; please try again.',
      );
    }
  };
}

/** Typed convenience for trusted callers (CLI, tests): unwraps the envelope or throws AppError. */
export async function call<M extends Method>(dispatch: Dispatch, method: M, input: unknown, ctx: CallContext): Promise<MethodOutput<M>> {
  const env = await dispatch(method, input, ctx);
  if (!env.ok) throw new AppError(env.error.code, env.error.message, env.error.details);
  return env.value as MethodOutput<M>;
}
