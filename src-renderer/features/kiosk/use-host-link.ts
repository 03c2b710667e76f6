// Whether this kiosk page can reach its host, checked every two seconds: a kiosk whose host is
// down (or restarted with another session key) says so on its idle screen at once and takes no
// input, instead of looking healthy until someone has typed a code and a PIN.
import { useEffect, useState } from 'react';
import { invoke } from '../../lib/rpc.js';

export type HostLink = 'checking' | 'ok' | 'unreachable' | 'unauthorized';

export const HOST_CHECK_MS = 2000;

export function useHostLink(intervalMs = HOST_CHECK_MS): HostLink {
  const [link, setLink] = useState<HostLink>('checking');
  useEffect(() => {
    let live = true;
    const check = async (): Promise<void> => {
      const res = await invoke('system.health', {});
      if (!live) return;
      if (res.ok) setLink('ok');
      else if (res.error.code === 'UNAUTHORIZED') setLink('unauthorized');
      else if (res.error.code === 'UNAVAILABLE') setLink('unreachable');
      else setLink('ok'); // the host answered: it is there
    };
    void check();
    const id = setInterval(() => void check(), intervalMs);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [intervalMs]);
  return link;
}
