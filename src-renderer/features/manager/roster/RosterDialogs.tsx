import { useState } from 'react';
import type { Envelope } from '../../../../shared/contract/index.js';
import type { Roster } from '../../../../shared/contract/roster.js';
import { invoke } from '../../../lib/rpc.js';
import { FormDialog } from '../FormDialog.js';

/** Makes a change; resolves to the error to show, or null once saved (the dialog then closes). */
export type Save = (change: () => Promise<Envelope<unknown>>, done: string) => Promise<string | null>;

type Employee = Roster['employees'][number];
type Team = Roster['teams'][number];
type Site = Roster['sites'][number];

interface DialogProps {
  by: string;
  save: Save;
  onClose: () => void;
}

const blankToNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function EmployeeDialog({ employee, teams, by, save, onClose }: DialogProps & { employee: Employee | null; teams: Team[] }) {
  const [code, setCode] = useState(employee?.code ?? '');
  const [name, setName] = useState(employee?.name ?? '');
  const [pin, setPin] = useState('');
  const [team, setTeam] = useState(employee?.team ?? '');
  const [badge, setBadge] = useState(employee?.badge ?? '');
  const [isManager, setIsManager] = useState(employee?.isManager ?? false);

  const submit = () =>
    employee
      ? save(
          () => invoke('roster.updateEmployee', { code: employee.code, name, team: blankToNull(team), badge: blankToNull(badge), isManager, by }),
          `${name} is updated.`,
        )
      : save(
          () =>
            invoke('roster.addEmployee', {
              code,
              name,
              pin,
              ...(team ? { team } : {}),
              ...(badge.trim() ? { badge: badge.trim() } : {}),
              isManager,
              by,
            }),
          `${name} is added.`,
        );

  return (
    <FormDialog
      id="employee"
      title={employee ? `Edit ${employee.name}` : 'Add an employee'}
      submitLabel={employee ? 'Save' : 'Add employee'}
      onSubmit={submit}
      onClose={onClose}
    >
      {!employee && (
        <label>
          Employee code
          <input name="code" value={code} onChange={(e) => setCode(e.target.value)} required autoFocus />
        </label>
      )}
      <label>
        Name
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      {!employee && (
        <label>
          PIN (4 to 12 digits)
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            required
          />
        </label>
      )}
      <label>
        Team
        <select name="team" value={team} onChange={(e) => setTeam(e.target.value)}>
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.site})
            </option>
          ))}
        </select>
      </label>
      <label>
        Badge (leave empty for none)
        <input name="badge" value={badge} onChange={(e) => setBadge(e.target.value)} />
      </label>
      <label className="inline">
        <input type="checkbox" name="manager" checked={isManager} onChange={(e) => setIsManager(e.target.checked)} /> Manager (can sign in here and
        correct punches)
      </label>
    </FormDialog>
  );
}

export function PinDialog({ employee, by, save, onClose }: DialogProps & { employee: Employee }) {
  const [pin, setPin] = useState('');
  return (
    <FormDialog
      id="pin"
      title={`Reset the PIN of ${employee.name}`}
      submitLabel="Set new PIN"
      onSubmit={() => save(() => invoke('roster.updateEmployee', { code: employee.code, pin, by }), `${employee.name} has a new PIN.`)}
      onClose={onClose}
    >
      <label>
        New PIN (4 to 12 digits)
        <input
          name="new-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
          autoFocus
        />
      </label>
    </FormDialog>
  );
}

/** Shift start, grace and end; for a team, an empty field means the site's. */
function ShiftFields(props: {
  start: string;
  grace: string;
  end: string;
  set: (field: 'start' | 'grace' | 'end', value: string) => void;
  fallback?: Site | undefined;
}) {
  const site = props.fallback;
  const required = site === undefined;
  return (
    <>
      {site && (
        <p className="hint muted">
          Empty fields use the site&apos;s: {site.shiftStart} start, {site.graceMinutes} min grace, {site.shiftEnd} end.
        </p>
      )}
      <div className="field-row">
        <label>
          Shift start
          <input name="shift-start" type="time" value={props.start} onChange={(e) => props.set('start', e.target.value)} required={required} />
        </label>
        <label>
          Grace (min)
          <input
            name="grace"
            type="number"
            min={0}
            max={240}
            value={props.grace}
            onChange={(e) => props.set('grace', e.target.value)}
            required={required}
          />
        </label>
        <label>
          Shift end
          <input name="shift-end" type="time" value={props.end} onChange={(e) => props.set('end', e.target.value)} required={required} />
        </label>
      </div>
    </>
  );
}

function useShift(initial: { start: string | null; grace: number | null; end: string | null }) {
  const [shift, setShift] = useState({
    start: initial.start ?? '',
    grace: initial.grace === null ? '' : String(initial.grace),
    end: initial.end ?? '',
  });
  const set = (field: 'start' | 'grace' | 'end', value: string) => setShift((s) => ({ ...s, [field]: value }));
  return { shift, set };
}

export function TeamDialog({ team, sites, by, save, onClose }: DialogProps & { team: Team | null; sites: Site[] }) {
  const [name, setName] = useState(team?.name ?? '');
  const [site, setSite] = useState(team?.site ?? sites[0]?.name ?? '');
  const { shift, set } = useShift({ start: team?.shiftStart ?? null, grace: team?.graceMinutes ?? null, end: team?.shiftEnd ?? null });
  const times = {
    shiftStart: blankToNull(shift.start),
    graceMinutes: shift.grace === '' ? null : Number(shift.grace),
    shiftEnd: blankToNull(shift.end),
  };

  const submit = () =>
    team
      ? save(() => invoke('roster.updateTeam', { name: team.name, site, ...times, by }), `Team ${team.name} is updated.`)
      : save(() => invoke('roster.addTeam', { name, site, ...times, by }), `Team ${name} is added.`);

  return (
    <FormDialog
      id="team"
      title={team ? `Edit team ${team.name}` : 'Add a team'}
      submitLabel={team ? 'Save' : 'Add team'}
      onSubmit={submit}
      onClose={onClose}
    >
      {!team && (
        <label>
          Team name
          <input name="team-name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
      )}
      <label>
        Site
        <select name="site" value={site} onChange={(e) => setSite(e.target.value)} required>
          {sites.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name} ({s.tz})
            </option>
          ))}
        </select>
      </label>
      <ShiftFields {...shift} set={set} fallback={sites.find((s) => s.name === site)} />
    </FormDialog>
  );
}

export function SiteDialog({ site, by, save, onClose }: DialogProps & { site: Site | null }) {
  const [name, setName] = useState(site?.name ?? '');
  const [tz, setTz] = useState(site?.tz ?? '');
  const { shift, set } = useShift({ start: site?.shiftStart ?? '09:00', grace: site?.graceMinutes ?? 10, end: site?.shiftEnd ?? '18:00' });
  const times = { shiftStart: shift.start, graceMinutes: Number(shift.grace), shiftEnd: shift.end };

  const submit = () =>
    site
      ? save(() => invoke('roster.updateSite', { name: site.name, ...times, by }), `Site ${site.name} is updated.`)
      : save(() => invoke('roster.addSite', { name, tz: tz.trim(), ...times, by }), `Site ${name} is added.`);

  return (
    <FormDialog
      id="site"
      title={site ? `Edit site ${site.name}` : 'Add a site'}
      submitLabel={site ? 'Save' : 'Add site'}
      onSubmit={submit}
      onClose={onClose}
    >
      {site ? (
        <p className="muted">Time zone {site.tz}. It stays fixed: every punch made here was counted on a local date in it.</p>
      ) : (
        <>
          <label>
            Site name
            <input name="site-name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
          </label>
          <label>
            Time zone (IANA, e.g. Asia/Kolkata)
            <input name="tz" list="zones" value={tz} onChange={(e) => setTz(e.target.value)} required />
            <datalist id="zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
        </>
      )}
      <ShiftFields {...shift} set={set} />
    </FormDialog>
  );
}
