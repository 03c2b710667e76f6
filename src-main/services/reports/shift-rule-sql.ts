// The shift rule in force on a date, as SQL, for every query that needs one: the team's own (from
// shift_history), else its site's, else the defaults. A site or team made on a kiosk and never
// changed has no history: its own columns apply. A rule changed today does not change last
// month's late arrivals, nor the shift end offered when correcting last month's day.

interface ShiftRuleRefs {
  /** SQL for the team's id; the query joins public.teams as `t`. */
  teamId: string;
  /** SQL for the site's id; the query joins public.sites as `s`. */
  siteId: string;
  /** SQL for the local date the rule is wanted on. */
  date: string;
}

const inForce = (alias: string, scope: 'team' | 'site', id: string, date: string): string =>
  `LEFT JOIN LATERAL (SELECT true AS found, h.shift_start, h.grace_minutes, h.shift_end FROM public.shift_history h
                        WHERE h.scope = '${scope}' AND h.scope_id = ${id} AND h.effective_from <= ${date}
                        ORDER BY h.effective_from DESC LIMIT 1) ${alias} ON true`;

const column = (name: 'shift_start' | 'grace_minutes' | 'shift_end', fallback: string): string =>
  `coalesce(CASE WHEN tr.found THEN tr.${name} ELSE t.${name} END, CASE WHEN sr.found THEN sr.${name} ELSE s.${name} END, ${fallback})`;

/** The joins (`tr`, `sr`) and the three columns of the rule in force. */
export function shiftRuleInForce(refs: ShiftRuleRefs): { joins: string; shiftStart: string; graceMinutes: string; shiftEnd: string } {
  return {
    joins: `${inForce('tr', 'team', refs.teamId, refs.date)}\n    ${inForce('sr', 'site', refs.siteId, refs.date)}`,
    shiftStart: column('shift_start', "'09:00'"),
    graceMinutes: column('grace_minutes', '10'),
    shiftEnd: column('shift_end', "'18:00'"),
  };
}
