// The sandboxed preload: exposes exactly `invoke` and `on` to the renderer, nothing else.
// (CommonJS, because a sandboxed preload cannot be an ES module.)
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload must be CommonJS
import electron = require('electron');

const INVOKE_CHANNEL = 'frontdesk:invoke';
const EVENT_CHANNEL = 'frontdesk:event';

electron.contextBridge.exposeInMainWorld('frontdesk', {
  invoke: (method: string, input: unknown, managerToken?: string): Promise<unknown> =>
    electron.ipcRenderer.invoke(INVOKE_CHANNEL, method, input, typeof managerToken === 'string' ? managerToken : undefined),
  on: (name: string, listener: (payload: unknown) => void): (() => void) => {
    const relay = (_event: unknown, eventName: string, payload: unknown): void => {
      if (eventName === name) listener(payload);
    };
    electron.ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      electron.ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
});
