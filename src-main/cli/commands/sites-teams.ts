import type { Method } from '../../../shared/contract/index.js';
import { call } from '../../rpc/dispatch.js';
import { parseCommand, requireOption, type GlobalFlags } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

type Values = Record<string, string | boolean | undefined>;
type RosterMethod = Extract<Method, 'roster.addSite' | 'roster.updateSite' | 'roster.addTeam' | 'roster.updateTeam'>;

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: string | boolean | undefined): number | undefined => (typeof v === 'string' ? Number(v) : undefined);
/** A team's shift time: HH:MM, or "site" to go back to the site's. */
const override = <T>(v: string | boolean | undefined, parse: (s: string) => T): T | null | undefined =>
  typeof v !== 'string' ? undefined : v === 'site' ? null : parse(v);

const OPTIONS = {
  name: { type: 'string' },
  tz: { type: 'string' },
  site: { type: 'string' },
  'shift-start': { type: 'string' },
  grace: { type: 'string' },
  'shift-end': { type: 'string' },
  'working-days': { type: 'string' },
  from: { type: 'string' },
  by: { type: 'string' },
} as const;

/** --working-days 1,2,3,4,5 (ISO weekdays, 1 = Monday). */
const weekdays = (v: string | boolean | undefined): number[] | undefined =>
  typeof v === 'string' ? v.split(',').map((d) => Number(d.trim())) : undefined;

async function rosterCall(
  argv: string[],
  methods: { add: RosterMethod; update: RosterMethod },
  build: (v: Values, action: 'add' | 'update') => unknown,
): Promise<number> {
  const { values, positionals, globals } = parseCommand(argv, OPTIONS);
  const action = positionals[0];
  if (action === 'list') return listRoster(globals, methods.add === 'roster.addSite' ? 'sites' : 'teams');
  if (action !== 'add' && action !== 'update') throw new UsageError('the actions are list, add and update');
  const input = build(values, action);
  const out = createOut(globals.json);
  return withApp(globals, out, async (app) => {
    await app.sync.syncNow(); // the manager may have been created on this kiosk
    const r = await call(app.dispatch, methods[action], input, { origin: 'cli' });
    await app.sync.syncNow();
    out.result(
      r,
      () => `${action === 'add' ? 'Added' : 'Updated'} ${r.entity} ${r.id} (roster version ${r.version}); kiosks get it at their next sync.`,
    );
    return 0;
  });
}

/** The sites or teams central has, with their shift times (a team's own, or the site's). */
function listRoster(globals: GlobalFlags, what: 'sites' | 'teams'): Promise<number> {
  const out = createOut(globals.json);
  return withApp(globals, out, async (app) => {
    const roster = await call(app.dispatch, 'roster.list', {}, { origin: 'cli' });
    if (what === 'sites') {
      out.result(roster.sites, () => table(roster.sites, ['name', 'tz', 'shiftStart', 'graceMinutes', 'shiftEnd']));
    } else {
      const site = (t: (typeof roster.teams)[number]) => roster.sites.find((s) => s.name === t.site);
      const rows = roster.teams.map((t) => ({
        ...t,
        shift: `${t.shiftStart ?? `${site(t)?.shiftStart ?? ''} (site)`}-${t.shiftEnd ?? `${site(t)?.shiftEnd ?? ''} (site)`}`,
        grace: t.graceMinutes ?? `${site(t)?.graceMinutes ?? ''} (site)`,
      }));
      out.result(roster.teams, () => table(rows, ['name', 'site', 'shift', 'grace', 'employees']));
    }
    return 0;
  });
}

export const sitesCommand = {
  usage:
    'sites list\n' +
    '  sites add --name N --tz ZONE [--shift-start HH:MM] [--grace MIN] [--shift-end HH:MM] --by MANAGER\n' +
    '  sites update --name N [--shift-start HH:MM] [--grace MIN] [--shift-end HH:MM] [--from YYYY-MM-DD] [--working-days 1,2,3,4,5] --by MANAGER',
  summary: "list the sites on central, add one with its time zone and shift times, or change a site's shift times",
  run: (argv: string[]) =>
    rosterCall(argv, { add: 'roster.addSite', update: 'roster.updateSite' }, (v, action) => ({
      name: requireOption(v, 'name'),
      ...(action === 'add' ? { tz: requireOption(v, 'tz') } : {}),
      shiftStart: str(v['shift-start']),
      graceMinutes: int(v.grace),
      shiftEnd: str(v['shift-end']),
      workingDays: weekdays(v['working-days']),
      ...(action === 'update' ? { effectiveFrom: str(v.from) } : {}),
      by: requireOption(v, 'by'),
    })),
};

export const teamsCommand = {
  usage:
    'teams list\n' +
    '  teams add --name N --site S [--shift-start HH:MM] [--grace MIN] [--shift-end HH:MM] --by MANAGER\n' +
    '  teams update --name N [--site S] [--shift-start HH:MM|site] [--grace MIN|site] [--shift-end HH:MM|site] [--from YYYY-MM-DD] --by MANAGER',
  summary: "list the teams on central, add one at a site, or change it; a team's own shift times override its site's",
  run: (argv: string[]) =>
    rosterCall(argv, { add: 'roster.addTeam', update: 'roster.updateTeam' }, (v, action) => ({
      name: requireOption(v, 'name'),
      site: action === 'add' ? requireOption(v, 'site') : str(v.site),
      shiftStart: override(v['shift-start'], String),
      graceMinutes: override(v.grace, Number),
      shiftEnd: override(v['shift-end'], String),
      ...(action === 'update' ? { effectiveFrom: str(v.from) } : {}),
      by: requireOption(v, 'by'),
    })),
};
