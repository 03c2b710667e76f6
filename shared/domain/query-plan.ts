// The typed query plan: what a question asks, in parts — a measure, a subject, a period of
// explicit local dates (or "now"), filters, an aggregation and a grouping. The offline reader
// and the model both produce one; one executor answers any plan. A plan never holds a default
// the question did not give: a reader that cannot fill a part asks back instead.

export const MEASURES = [
  'hours',
  'overtime',
  'presence',
  'absence',
  'late',
  'early_departure',
  'arrival_time',
  'departure_time',
  'work_mode',
  'missing_out',
  'leave',
] as const;
export type Measure = (typeof MEASURES)[number];

export const AGGREGATIONS = ['list', 'count', 'sum', 'average', 'min', 'max', 'top', 'bottom', 'compare'] as const;
export type AggregationKind = (typeof AGGREGATIONS)[number];

export const GROUPINGS = ['none', 'day', 'week', 'person', 'team'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export type Subject = { kind: 'everyone' } | { kind: 'employees'; codes: string[] } | { kind: 'teams'; names: string[] };

export type PlanPeriod = { kind: 'now' } | { kind: 'dates'; from: string; to: string };

export interface HoursThreshold {
  op: 'gt' | 'gte' | 'lt' | 'lte';
  hours: number;
  /** Compared with each day's hours, or with the total over the period. */
  per: 'day' | 'period';
}

export interface PlanFilter {
  hours?: HoursThreshold;
  workMode?: 'WFH' | 'WFO';
}

export interface QueryPlan {
  measure: Measure;
  subject: Subject;
  period: PlanPeriod;
  filter: PlanFilter;
  aggregation: { kind: AggregationKind; n?: number };
  groupBy: Grouping;
}

export const MAX_TOP_N = 50;
