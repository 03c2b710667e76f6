// `npm run load` — defaults: 20 kiosks × 5 punches/s for 300 s with faults. Override with
// LOAD_KIOSKS, LOAD_RATE, LOAD_SECONDS; LOAD_DATABASE_URL to use an existing server (then
// central restarts are skipped). Prints progress and the result as JSON lines.
import { runLoad } from './run-load.js';

const result = await runLoad(
  {
    kiosks: Number(process.env.LOAD_KIOSKS ?? 20),
    ratePerKiosk: Number(process.env.LOAD_RATE ?? 5),
    seconds: Number(process.env.LOAD_SECONDS ?? 300),
    employees: Number(process.env.LOAD_EMPLOYEES ?? 400),
    faults: process.env.LOAD_FAULTS !== '0',
  },
  (line) => process.stderr.write(JSON.stringify(line) + '\n'),
);
process.stdout.write(JSON.stringify({ load: 'kiosks_to_central', ...result }) + '\n');
process.exit(result.lost === 0 && result.duplicated === 0 && result.unexpected_in_central === 0 ? 0 : 1);
