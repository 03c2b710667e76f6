// Runs the punch-loop child again and again, SIGKILLing each at a random moment, and returns
// every punch id that was acknowledged before the kill.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/punch-loop.ts', import.meta.url));

export async function killLoop(dataDir: string, codes: string[], rounds: number, maxRunMs: number): Promise<{ acked: string[]; kills: number }> {
  const acked: string[] = [];
  let kills = 0;
  for (let round = 0; round < rounds; round++) {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, codes.join(',')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    let ready = false;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line === 'READY' && !ready) {
            ready = true;
            setTimeout(
              () => {
                child.kill('SIGKILL');
                kills++;
                resolve();
              },
              20 + Math.random() * maxRunMs,
            );
          } else if (line.startsWith('ACK ')) acked.push(line.slice(4));
        }
      });
      child.once('exit', () => resolve());
    });
    await exited;
    // A partial line after the kill was never a full acknowledgement.
  }
  return { acked, kills };
}
