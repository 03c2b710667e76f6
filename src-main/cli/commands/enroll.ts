// `frontdesk enroll --central URL --code CODE`: enrolls this kiosk with Frontdesk Central and
// runs its first sync (heartbeat, its site's roster). The credential is never printed.
import path from 'node:path';
import { EnrollCodeSchema } from '../../../shared/contract/sync-api.js';
import { loadConfig } from '../../config.js';
import { call } from '../../rpc/dispatch.js';
import { checkCentralUrl } from '../../security/central-url.js';
import { enrollDataFolder } from '../../services/sync/enroll-folder.js';
import { parseCommand, requireOption } from '../args.js';
import { openApp } from '../context.js';
import { createOut, UsageError } from '../output.js';

export const enrollCommand = {
  usage: 'enroll --central URL --code CODE',
  summary: 'enroll this kiosk with Frontdesk Central (a one-time code from `frontdesk central kiosks add`); it then syncs through Central',
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, { central: { type: 'string' }, code: { type: 'string' } });
    const checked = checkCentralUrl(requireOption(values, 'central'), '--central');
    if (!checked.ok) throw new UsageError(checked.message);
    const code = EnrollCodeSchema.safeParse(requireOption(values, 'code'));
    if (!code.success) throw new UsageError(code.error.issues[0]?.message ?? 'the enrollment code is not valid');
    const out = createOut(globals.json);
    const config = loadConfig(process.env, { ...(globals.data ? { dataDir: path.resolve(globals.data) } : {}), demo: 'off' });
    const { name } = await enrollDataFolder(config, checked.url, code.data);
    // Reopened as the enrolled kiosk: the first sync brings its site's roster.
    const enrolled = await openApp({ ...globals, noDemo: true, demo: false }, out);
    try {
      const status = await call(enrolled.dispatch, 'sync.now', {}, { origin: 'cli' });
      const employees = (
        enrolled.store.sqlite.prepare("SELECT count(*) AS n FROM roster_employees WHERE active = 1 AND pin_hash <> ''").get() as { n: number }
      ).n;
      out.result(
        { enrolled: true, name, site: enrolled.deps.kiosk.siteName, employees, sync: status },
        () =>
          `Enrolled as ${name} for ${enrolled.deps.kiosk.siteName}; ${employees} employee${employees === 1 ? '' : 's'} of the site can punch here.\n` +
          `Sync: ${status.state}${status.lastError ? ` (${status.lastError})` : ''}. Start the kiosk with: frontdesk serve`,
      );
    } finally {
      await enrolled.close();
    }
    return 0;
  },
};
