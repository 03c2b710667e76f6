import { call } from '../../rpc/dispatch.js';
import { parseCommand, requireOption } from '../args.js';
import { withApp } from '../context.js';
import { createOut, UsageError } from '../output.js';

type Values = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

async function rosterCall(argv: string[], method: 'roster.addSite' | 'roster.addTeam', build: (v: Values) => unknown): Promise<number> {
  const { values, positionals, globals } = parseCommand(argv, {
    name: { type: 'string' },
    tz: { type: 'string' },
    site: { type: 'string' },
    'shift-start': { type: 'string' },
    grace: { type: 'string' },
    by: { type: 'string' },
  });
  if (positionals[0] !== 'add') throw new UsageError('the only action is add');
  const input = build(values);
  const out = createOut(globals.json);
  return withApp(globals, out, async (app) => {
    await app.sync.syncNow(); // the manager may have been created on this kiosk
    const r = await call(app.dispatch, method, input, { origin: 'cli' });
    await app.sync.syncNow();
    out.result(r, () => `Added ${r.entity} ${r.id} (roster version ${r.version}); kiosks get it at their next sync.`);
    return 0;
  });
}

export const sitesCommand = {
  usage: 'sites add --name N --tz ZONE [--shift-start HH:MM] [--grace MIN] --by MANAGER',
  summary: 'add a site on central, with its time zone, shift start and grace',
  run: (argv: string[]) =>
    rosterCall(argv, 'roster.addSite', (v) => ({
      name: requireOption(v, 'name'),
      tz: requireOption(v, 'tz'),
      shiftStart: str(v['shift-start']),
      graceMinutes: str(v.grace) === undefined ? undefined : Number(v.grace),
      by: requireOption(v, 'by'),
    })),
};

export const teamsCommand = {
  usage: 'teams add --name N --site S --by MANAGER',
  summary: 'add a team on central, at a site',
  run: (argv: string[]) => rosterCall(argv, 'roster.addTeam', (v) => ({ name: requireOption(v, 'name'), site: requireOption(v, 'site'), by: requireOption(v, 'by') })),
};
