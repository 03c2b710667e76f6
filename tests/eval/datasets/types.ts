// An evaluation dataset, written as a table a person can check: the site, its shift, the people,
// and each person's day (first IN, last OUT or none, work mode). The seeding loads it through the
// real app; the reference (../reference.ts) computes every expected answer from this same table,
// without the app, the reports or the interpreter.

export interface EvalPerson {
  code: string;
  name: string;
  /** null: no team (a manager who never punches, for example). */
  team: string | null;
  startDate: string;
  manager?: boolean;
}

/** One local day of one person: IN and OUT local times (HH:MM), OUT null when never punched. */
export interface EvalDay {
  in: string;
  out: string | null;
  mode: 'WFO' | 'WFH';
}

export interface EvalShift {
  start: string;
  grace: number;
  end: string;
}

export interface EvalDataset {
  id: string;
  tz: string;
  /** How the site writes numeric dates. */
  dateOrder: 'DMY' | 'MDY';
  /** "Now" for every question, as an instant, and the local date and time it is. */
  now: number;
  today: string;
  nowTime: string;
  site: EvalShift;
  /** Teams with a shift of their own (else the site's). */
  teamShifts: Record<string, EvalShift>;
  teams: string[];
  people: EvalPerson[];
  /** person code -> local date -> day; a date absent from the map is a day not in. */
  days: Record<string, Record<string, EvalDay>>;
  /** Max hours of a session (the product's default), for open INs. */
  maxHours: number;
}

export const day = (inAt: string, out: string | null, mode: 'WFO' | 'WFH' = 'WFO'): EvalDay => ({ in: inAt, out, mode });
