import { call } from '../../rpc/dispatch.js';
import { parseCommand, requireOption } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

export const employeesCommand = {
  usage:
    'employees add --code C --name N --pin P [--badge B] [--team T [--new-team]] [--start-date YYYY-MM-DD] [--manager]\n' +
    '  employees list [--all]\n' +
    '  employees unlock --code C --by MANAGER\n' +
    '  employees update --code C --by MANAGER [--name N] [--team T] [--activate|--deactivate] [--pin P] [--badge B|--no-badge] [--manager|--not-manager]',
  summary: 'add or list employees on this kiosk; update one on central (audited)',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, {
      code: { type: 'string' },
      name: { type: 'string' },
      pin: { type: 'string' },
      badge: { type: 'string' },
      team: { type: 'string' },
      role: { type: 'string' },
      manager: { type: 'boolean', default: false },
      'new-team': { type: 'boolean', default: false },
      'start-date': { type: 'string' },
      all: { type: 'boolean', default: false },
      by: { type: 'string' },
      activate: { type: 'boolean', default: false },
      deactivate: { type: 'boolean', default: false },
      'no-badge': { type: 'boolean', default: false },
      'not-manager': { type: 'boolean', default: false },
    });
    const out = createOut(globals.json);
    const sub = positionals[0];
    if (sub === 'unlock') {
      const input = { employeeCode: requireOption(values, 'code'), by: requireOption(values, 'by') };
      return withApp(globals, out, async (app) => {
        const r = await call(app.dispatch, 'kiosk.clearLockout', input, { origin: 'cli' });
        out.result(
          r,
          () =>
            `${r.name} (${r.employeeCode}) may try a PIN again${r.everywhere ? ' at every kiosk' : ' on this kiosk (central did not answer, so other kiosks keep their count)'}.`,
        );
        return 0;
      });
    }
    if (sub === 'update') {
      if (values.activate && values.deactivate) throw new UsageError('choose --activate or --deactivate');
      const update = {
        code: requireOption(values, 'code'),
        by: requireOption(values, 'by'),
        name: values.name,
        team: values.team,
        pin: values.pin,
        badge: values['no-badge'] ? null : values.badge,
        active: values.activate ? true : values.deactivate ? false : undefined,
        isManager: values.manager ? true : values['not-manager'] ? false : undefined,
      };
      return withApp(globals, out, async (app) => {
        await app.sync.syncNow();
        const r = await call(app.dispatch, 'roster.updateEmployee', update, { origin: 'cli' });
        await app.sync.syncNow();
        out.result(r, () => `Updated ${update.code} on central (roster version ${r.version}); kiosks get it at their next sync.`);
        return 0;
      });
    }
    if (sub !== 'add' && sub !== 'list') throw new UsageError(`usage: frontdesk ${this.usage}`);
    const input =
      sub === 'add'
        ? {
            code: requireOption(values, 'code'),
            name: requireOption(values, 'name'),
            pin: requireOption(values, 'pin'),
            badge: values.badge,
            team: values.team,
            role: values.role ?? (values.manager ? 'manager' : undefined),
            isManager: values.manager,
            newTeam: values['new-team'],
            startDate: values['start-date'],
          }
        : null;
    return withApp(globals, out, async (app) => {
      const ctx = { origin: 'cli' } as const;
      if (input) {
        const e = await call(app.dispatch, 'employees.add', input, ctx);
        out.result(e, () => `Added ${e.name} (${e.code})${e.team ? ` to ${e.team}` : ''}.`);
      } else {
        const list = await call(app.dispatch, 'employees.list', { includeInactive: values.all }, ctx);
        out.result(list, () =>
          table(
            list.map((e) => ({
              ...e,
              team: e.team ?? '',
              manager: e.isManager ? 'yes' : '',
              badge: e.hasBadge ? 'yes' : '',
              active: e.active ? 'yes' : 'no',
            })),
            ['code', 'name', 'team', 'role', 'manager', 'badge', 'active'],
          ),
        );
      }
      return 0;
    });
  },
};
