// Who may do what on Central. An account has a role; an API token has a scope and, when made
// for a user, that user's role and teams too, never more. What a caller may do is the meet of
// the two: `grantsOf`. Which employees a caller sees is its reach: every team, or the teams
// and sites it was given. A method needs one of the levels below (contract: `central`).

export const ROLES = ['admin', 'manager', 'payroll', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * What a Central method needs: `public` (anyone, no sign-in), `read` (reports in the caller's
 * reach), `read-all` (reads that cannot be narrowed to a reach, such as the SQL console: only
 * callers that see every team), `write` (corrections and roster changes in the caller's
 * reach), `admin` (users, tokens, sites, the audit log).
 */
export const CENTRAL_ACCESS = ['public', 'read', 'read-all', 'write', 'admin'] as const;
export type CentralAccess = (typeof CENTRAL_ACCESS)[number];

export interface Grants {
  read: boolean;
  write: boolean;
  admin: boolean;
}

/** Every team and site, or only these (an employee is in reach by team, or by the team's site). */
export type Reach = { all: true } | { all: false; teamIds: readonly string[]; siteIds: readonly string[] };

export const EVERYONE: Reach = { all: true };

const ROLE_GRANTS: Record<Role, Grants> = {
  admin: { read: true, write: true, admin: true },
  manager: { read: true, write: true, admin: false },
  payroll: { read: true, write: false, admin: false },
  viewer: { read: true, write: false, admin: false },
};

const SCOPE_GRANTS: Record<TokenScope, Grants> = {
  read: { read: true, write: false, admin: false },
  write: { read: true, write: true, admin: false },
  admin: { read: true, write: true, admin: true },
};

/** Roles that see every team whatever they were given; the others see only their teams and sites. */
export const roleSeesEveryone = (role: Role): boolean => role === 'admin' || role === 'payroll';

/** A role's grants, capped by a token's scope when the call came with a token. */
export function grantsOf(role: Role, tokenScope?: TokenScope): Grants {
  const r = ROLE_GRANTS[role];
  if (!tokenScope) return { ...r };
  const s = SCOPE_GRANTS[tokenScope];
  return { read: r.read && s.read, write: r.write && s.write, admin: r.admin && s.admin };
}

/**
 * The role a token made without a user acts with: read → payroll (read-only, every team),
 * write → manager of every team, admin → admin.
 */
export const roleOfUnownedToken = (scope: TokenScope): Role => (scope === 'admin' ? 'admin' : scope === 'write' ? 'manager' : 'payroll');

export function reachOf(role: Role, teamIds: readonly string[], siteIds: readonly string[], unowned = false): Reach {
  if (unowned || roleSeesEveryone(role)) return EVERYONE;
  return { all: false, teamIds, siteIds };
}

/** Whether a caller with these grants and reach may call a method that needs `access`. */
export function allows(access: CentralAccess, grants: Grants, reach: Reach): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'read':
      return grants.read;
    case 'read-all':
      return grants.read && reach.all;
    case 'write':
      return grants.write;
    case 'admin':
      return grants.admin;
  }
}

/** Whether an employee (by team, and the team's site) is in reach. No team: only for everyone's reach. */
export function inReach(reach: Reach, target: { teamId: string | null; siteId: string | null }): boolean {
  if (reach.all) return true;
  if (target.teamId !== null && reach.teamIds.includes(target.teamId)) return true;
  return target.siteId !== null && reach.siteIds.includes(target.siteId);
}

/** A team is in reach when it is one of the caller's teams or at one of its sites. */
export const teamInReach = (reach: Reach, team: { id: string; siteId: string }): boolean => inReach(reach, { teamId: team.id, siteId: team.siteId });
