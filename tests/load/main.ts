// `npm run load` — defaults: 50 kiosks × 2 punches/s for 300 s with faults, every kiosk enrolled
// with a Frontdesk Central process and syncing through its HTTP API. Override with LOAD_KIOSKS,
// LOAD_RATE, LOAD_SECONDS; LOAD_VIA=database for the direct sync to PostgreSQL; LOAD_DATABASE_URL
// to use an existing server (then PostgreSQL restarts are skipped). Prints progress and the
// result as JSON lines.
import { runLoad } from './run-load.js';

const result = await runLoad(
  {
    via: process.env.LOAD_VIA === 'database' ? 'database' : 'central',
    kiosks: Number(process.env.LOAD_KIOSKS ?? 50),
    ratePerKiosk: Number(process.env.LOAD_RATE ?? 2),
    seconds: Number(process.env.LOAD_SECONDS ?? 300),
    employees: Number(process.env.LOAD_EMPLOYEES ?? 400),
    faults: process.env.LOAD_FAULTS !== '0',
  },
  (line) => process.stderr.write(JSON.stringify(line) + '\n'),
);
process.stdout.write(JSON.stringify({ load: result.via === 'central' ? 'kiosks_through_central' : 'kiosks_to_database', ...result }) + '\n');
process.exit(result.lost === 0 && result.duplicated === 0 && result.unexpected_in_central === 0 ? 0 : 1);
