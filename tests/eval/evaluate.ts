// Runs evaluation cases through the real ask path, one app per dataset, and grades each answer.
import { makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';
import { FAMILIES, grade, type DatasetId, type EvalCase, type Graded } from './cases.js';
import { KOLKATA } from './datasets/kolkata.js';
import { NEWYORK } from './datasets/newyork.js';
import { seedDataset } from './datasets/seed.js';
import type { EvalDataset } from './datasets/types.js';

export const DATASETS: Record<DatasetId, EvalDataset> = { kolkata: KOLKATA, newyork: NEWYORK };

/** A real app holding one dataset, "now" at the dataset's now. */
export async function datasetApp(id: DatasetId): Promise<TestApp> {
  const ds = DATASETS[id];
  const app = await makeTestApp({ clock: testClock(ds.now), config: { databaseUrl: await createTestDatabase(`eval_${id}`), tz: ds.tz } });
  await seedDataset(app, ds);
  return app;
}

/** Before each question (to script a model, for example); after it, the answer is graded. */
export type BeforeAsk = (app: TestApp, c: EvalCase) => Promise<void> | void;

export async function evaluate(
  cases: readonly EvalCase[],
  apps?: Partial<Record<DatasetId, TestApp>>,
  options: { setUp?: (app: TestApp) => void; beforeAsk?: BeforeAsk } = {},
): Promise<Graded[]> {
  const out: Graded[] = [];
  for (const id of Object.keys(DATASETS) as DatasetId[]) {
    const mine = cases.filter((c) => c.dataset === id);
    if (mine.length === 0) continue;
    const app = apps?.[id] ?? (await datasetApp(id));
    try {
      options.setUp?.(app);
      const names = DATASETS[id].people.map((p) => p.name);
      for (const c of mine) {
        await options.beforeAsk?.(app, c);
        out.push(grade(c, await app.call('ai.ask', { question: c.question }), names));
      }
    } finally {
      if (!apps?.[id]) await app.dispose();
    }
  }
  return out;
}

export interface Score {
  family: string;
  questions: number;
  right: number;
  refused: number;
  wrong: number;
  accuracy: number;
  refusal_rate: number;
  confident_wrong_rate: number;
}

const rate = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 1000) / 1000);

export function scoreOf(family: string, graded: readonly Graded[]): Score {
  const count = (g: string) => graded.filter((x) => x.grade === g).length;
  return {
    family,
    questions: graded.length,
    right: count('right'),
    refused: count('refused'),
    wrong: count('wrong'),
    accuracy: rate(count('right'), graded.length),
    refusal_rate: rate(count('refused'), graded.length),
    confident_wrong_rate: rate(count('wrong'), graded.length),
  };
}

export const scoresByFamily = (graded: readonly Graded[]): Score[] =>
  FAMILIES.map((f) =>
    scoreOf(
      f,
      graded.filter((g) => g.c.family === f),
    ),
  ).filter((s) => s.questions > 0);
