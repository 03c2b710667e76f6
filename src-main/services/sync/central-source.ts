// Where central lives: DATABASE_URL when set, otherwise the embedded server in the data folder.
// Connecting also applies the central migrations, once per process.
import { connectCentral, type Central } from '../../db/central/connection.js';
import { startEmbeddedCentral, type EmbeddedCentral } from '../../db/central/embedded.js';
import { migrateCentral } from '../../db/central/migrate.js';
import type { Logger } from '../../log.js';
import { AppError } from '../../../shared/errors.js';
import { describeFailure, isDataSqlState, isUnreachable, rootFailure } from '../../../shared/domain/retry-policy.js';

export interface CentralSource {
  kind: 'embedded' | 'external';
  connect(): Promise<Central>;
  close(): Promise<void>;
}

/** A bug or a value our own code could not handle: never a sign that central is away. */
const isProgramError = (err: unknown): boolean =>
  err instanceof RangeError || err instanceof TypeError || err instanceof SyntaxError || (err instanceof Error && err.name === 'ZodError');

/**
 * Runs a manager-facing call against central. When central cannot be reached the caller gets
 * a typed UNAVAILABLE error saying why, not a crash; when PostgreSQL refuses a value the caller
 * gave (SQLSTATE class 22: a NUL in a name, a time zone or a date it does not know) a
 * BAD_INPUT naming it. Anything else is the program's own fault and goes on as it is.
 */
export async function withCentral<T>(source: CentralSource, fn: (central: Central) => Promise<T>): Promise<T> {
  try {
    return await fn(await source.connect());
  } catch (err) {
    if (err instanceof AppError || isProgramError(err)) throw err;
    const root = rootFailure(err);
    if (typeof root.code === 'string' && isDataSqlState(root.code) && root.code.startsWith('22')) {
      throw new AppError(
        'BAD_INPUT',
        `Central cannot use a value given: ${typeof root.message === 'string' ? root.message.slice(0, 200) : root.code}.`,
      );
    }
    if (!isUnreachable(err)) throw err;
    throw new AppError('UNAVAILABLE', describeFailure(err));
  }
}

export function createCentralSource(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  log: Logger;
  /** Connections kept open (a kiosk sends one batch at a time: 2; Central serves many callers). */
  poolSize?: number;
}): CentralSource {
  let embedded: EmbeddedCentral | undefined;
  let central: Central | undefined;
  let connecting: Promise<Central> | undefined;
  const onError = (err: Error): void => opts.log.warn('central connection dropped', { error: err.message });

  const open = async (): Promise<Central> => {
    let url = opts.databaseUrl;
    if (!url) {
      embedded ??= await startEmbeddedCentral(opts.dataDir, opts.log);
      url = embedded.url;
    }
    const c = connectCentral(url, { onError, ...(opts.poolSize ? { max: opts.poolSize } : {}) });
    try {
      await migrateCentral(c.pool);
    } catch (err) {
      await c.close();
      throw err;
    }
    return c;
  };

  return {
    kind: opts.databaseUrl ? 'external' : 'embedded',
    connect() {
      if (central) return Promise.resolve(central);
      connecting ??= open()
        .then((c) => (central = c))
        .finally(() => (connecting = undefined));
      return connecting;
    },
    async close() {
      await connecting?.catch(() => undefined);
      await central?.close();
      central = undefined;
      await embedded?.stop();
      embedded = undefined;
    },
  };
}
