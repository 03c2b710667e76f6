// `npm start`: launches the Electron kiosk. Where the Electron binary cannot be had (no network
// to download it, or an unsupported machine), says so plainly and points at the web host.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8' });
if (probe.status !== 0 || !probe.stdout) {
  process.stderr.write(
    [
      'Frontdesk: the Electron binary is not available on this machine (it is downloaded on first',
      'launch, and that download failed). The same kiosk runs in a browser instead:',
      '',
      '    npm run serve',
      '',
      'then open the link it prints.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const child = spawn(probe.stdout, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
