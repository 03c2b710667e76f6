import { call } from '../../rpc/dispatch.js';
import { parseCommand, requireOption } from '../args.js';
import { openApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

export const employeesCommand = {
  usage: 'employees add --code C --name N --pin P [--badge B] [--team T] [--manager] | employees list [--all]',
  summary: 'add or list employees',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, {
      code: { type: 'string' },
      name: { type: 'string' },
      pin: { type: 'string' },
      badge: { type: 'string' },
      team: { type: 'string' },
      role: { type: 'string' },
      manager: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
    });
    const out = createOut(globals.json);
    const sub = positionals[0];
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
          }
        : null;
    const app = await openApp(globals, out);
    try {
      const ctx = { origin: 'cli' } as const;
      if (input) {
        const e = await call(app.dispatch, 'employees.add', input, ctx);
        out.result(e, () => `Added ${e.name} (${e.code})${e.team ? ` to ${e.team}` : ''}.`);
      } else {
        const list = await call(app.dispatch, 'employees.list', { includeInactive: values.all }, ctx);
        out.result(list, () =>
          table(
            list.map((e) => ({ ...e, team: e.team ?? '', manager: e.isManager ? 'yes' : '', badge: e.hasBadge ? 'yes' : '', active: e.active ? 'yes' : 'no' })),
            ['code', 'name', 'team', 'role', 'manager', 'badge', 'active'],
          ),
        );
      }
      return 0;
    } finally {
      await app.close();
    }
  },
};
