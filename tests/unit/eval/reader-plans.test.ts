// The offline reader's whole reading of every evaluation question, pinned: the plan (measure,
// subject, period, filter, aggregation, grouping) or the question back. reader-eval.test.ts grades
// what each plan answers; a plan part the grading does not see (a grouping, a filter that changes
// no answer in the dataset, the words of a question back) would drift unseen without this.
// The plans were graded right when the snapshot was written; `vitest -u` rewrites it.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../../shared/domain/question-reader.js';
import { DEV_SET } from '../../eval/dev.js';
import { KOLKATA } from '../../eval/datasets/kolkata.js';
import { NEWYORK } from '../../eval/datasets/newyork.js';
import { HELD_ASIDE } from '../../eval/held-aside.js';
import { HELD_ASIDE_B } from '../../eval/held-aside-b.js';
import { HELD_ASIDE_C } from '../../eval/held-aside-c.js';

const DATASETS = { kolkata: KOLKATA, newyork: NEWYORK };
const SEEN = [...DEV_SET, ...HELD_ASIDE, ...HELD_ASIDE_B, ...HELD_ASIDE_C];

describe('the offline reader on every evaluation question', () => {
  it.each(SEEN.map((c, i) => [`${i + 1} ${c.dataset}: ${c.question}`, c] as const))('%s', (_, c) => {
    const ds = DATASETS[c.dataset];
    const names = { employees: ds.people.map((p) => ({ code: p.code, name: p.name })), teams: ds.teams };
    expect(readQuestion(c.question, ds.today, ds.tz, names)).toMatchSnapshot();
  });
});
