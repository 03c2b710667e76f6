// Frontdesk Central as its own process (tests/load/central-child.ts, from source) on a fixed
// port, for the load run and the benchmarks: it can be killed and started again where the
// kiosks look for it.
import { spawn, type ChildProcess } from 'node:child_process';

export function spawnCentral(databaseUrl: string, port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/load/central-child.ts', databaseUrl, String(port), dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FRONTDESK_LOG_LEVEL: 'error' },
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      if (buf.includes('READY')) resolve(child);
    });
    child.once('exit', (code, signal) => reject(new Error(`central exited early (${code ?? signal})`)));
  });
}

/** Stops a child process with a signal and waits for it (at once when it already ended). */
export const stopChild = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill(signal);
  });
