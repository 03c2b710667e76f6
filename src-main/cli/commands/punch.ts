import { call } from '../../rpc/dispatch.js';
import { parseCommand, requireOption } from '../args.js';
import { withApp } from '../context.js';
import { createOut, formatDuration, UsageError } from '../output.js';

export const punchCommand = {
  usage: 'punch --employee CODE [--pin P] [--kind IN|OUT] [--at ISO] [--wfh]',
  summary: 'record a punch (the suggested kind unless --kind is given)',
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, {
      employee: { type: 'string' },
      pin: { type: 'string' },
      kind: { type: 'string' },
      at: { type: 'string' },
      wfh: { type: 'boolean', default: false },
    });
    const out = createOut(globals.json);
    const code = requireOption(values, 'employee');
    const kindFlag = values.kind?.toUpperCase();
    if (kindFlag !== undefined && kindFlag !== 'IN' && kindFlag !== 'OUT') throw new UsageError('--kind must be IN or OUT');
    return withApp(globals, out, async (app) => {
      const ctx = { origin: 'cli' } as const;
      const who = await call(app.dispatch, 'kiosk.identify', values.pin ? { method: 'pin', code, pin: values.pin } : { method: 'code', code }, ctx);
      const receipt = await call(
        app.dispatch,
        'punches.record',
        { ticket: who.ticket, kind: kindFlag ?? who.suggested, workMode: values.wfh ? 'WFH' : 'WFO', ...(values.at ? { at: values.at } : {}) },
        ctx,
      );
      out.result(
        receipt,
        () =>
          `${receipt.duplicate ? 'Already recorded' : 'Recorded'}: ${receipt.name} ${receipt.kind} at ${receipt.localTime} ` +
          `(${receipt.localDate}, ${receipt.tz}); today ${formatDuration(receipt.todaySeconds)}`,
      );
      return 0;
    });
  },
};
