// Binds the contract to Electron IPC without importing Electron (the shell passes ipcMain in),
// so this file is testable under plain Node. One channel for calls, one for pushed events.
import type { EventBus } from '../events.js';
import type { Dispatch } from './dispatch.js';

export const INVOKE_CHANNEL = 'frontdesk:invoke';
export const EVENT_CHANNEL = 'frontdesk:event';

export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, method: unknown, input: unknown, managerToken: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function bindIpc<E>(ipcMain: IpcMainLike<E>, dispatch: Dispatch, isTrustedSender: (event: E) => boolean): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input, managerToken) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted from the app window only.' } };
    }
    return dispatch(method, input, { origin: 'ipc', managerToken: typeof managerToken === 'string' ? managerToken : undefined });
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function forwardEvents(events: EventBus, send: (name: string, payload: unknown) => void): () => void {
  return events.onAny((name, payload) => send(name, payload));
}
