import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, UsageError } from '../output.js';

export const importCommand = {
  usage: 'import FILE   (CSV employee_code,kind,at[,work_mode,device_id] or a ZKTeco/eSSL attendance log)',
  summary: 'import punches from a file; bad lines are listed, good ones land, re-importing adds nothing',
  async run(argv: string[]): Promise<number> {
    const { positionals, globals } = parseCommand(argv, {});
    const file = positionals[0];
    if (!file) throw new UsageError(`usage: frontdesk ${this.usage}`);
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      const r = await call(app.dispatch, 'punches.import', { fileName: path.basename(file), content }, { origin: 'cli' });
      out.result(r, () =>
        [
          `${r.format} file, ${r.lines} lines: ${r.imported} imported, ${r.alreadyPresent} already present, ${r.errors.length} refused.`,
          ...r.errors.map((e) => `  line ${e.line}: ${e.reason}`),
        ].join('\n'),
      );
      // The good lines are in; a refused line still means the file did not go in whole.
      return r.errors.length > 0 ? 1 : 0;
    });
  },
};
