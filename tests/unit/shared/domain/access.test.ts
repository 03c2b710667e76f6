import { describe, expect, it } from 'vitest';
import {
  allows,
  EVERYONE,
  grantsOf,
  inReach,
  reachOf,
  roleOfUnownedToken,
  roleSeesEveryone,
  teamInReach,
  type Reach,
} from '../../../../shared/domain/access.js';

const eng: Reach = { all: false, teamIds: ['t-eng'], siteIds: [] };
const plant: Reach = { all: false, teamIds: [], siteIds: ['s-plant'] };

describe('grants', () => {
  it('are the role’s own without a token', () => {
    expect(grantsOf('admin')).toEqual({ read: true, write: true, admin: true });
    expect(grantsOf('manager')).toEqual({ read: true, write: true, admin: false });
    expect(grantsOf('payroll')).toEqual({ read: true, write: false, admin: false });
    expect(grantsOf('viewer')).toEqual({ read: true, write: false, admin: false });
  });

  it('with a token are the meet of role and scope: never more than either', () => {
    expect(grantsOf('admin', 'read')).toEqual({ read: true, write: false, admin: false });
    expect(grantsOf('admin', 'write')).toEqual({ read: true, write: true, admin: false });
    expect(grantsOf('admin', 'admin')).toEqual({ read: true, write: true, admin: true });
    expect(grantsOf('manager', 'admin')).toEqual({ read: true, write: true, admin: false });
    expect(grantsOf('viewer', 'write')).toEqual({ read: true, write: false, admin: false });
    expect(grantsOf('payroll', 'admin')).toEqual({ read: true, write: false, admin: false });
  });

  it('are a copy: changing one never changes the role table', () => {
    const g = grantsOf('viewer');
    g.admin = true;
    expect(grantsOf('viewer').admin).toBe(false);
  });
});

describe('reach', () => {
  it('is everyone for admin and payroll and for an unowned token; the given teams and sites otherwise', () => {
    expect(roleSeesEveryone('admin')).toBe(true);
    expect(roleSeesEveryone('payroll')).toBe(true);
    expect(roleSeesEveryone('manager')).toBe(false);
    expect(roleSeesEveryone('viewer')).toBe(false);
    expect(reachOf('admin', ['t'], [])).toEqual(EVERYONE);
    expect(reachOf('manager', ['t-eng'], ['s-plant'])).toEqual({ all: false, teamIds: ['t-eng'], siteIds: ['s-plant'] });
    expect(reachOf('manager', [], [], true)).toEqual(EVERYONE);
  });

  it('an unowned token acts as payroll, manager or admin by its scope', () => {
    expect(roleOfUnownedToken('read')).toBe('payroll');
    expect(roleOfUnownedToken('write')).toBe('manager');
    expect(roleOfUnownedToken('admin')).toBe('admin');
  });

  it('holds an employee by team, or by the team’s site; one with no team only for everyone', () => {
    expect(inReach(eng, { teamId: 't-eng', siteId: 's-hq' })).toBe(true);
    expect(inReach(eng, { teamId: 't-ops', siteId: 's-plant' })).toBe(false);
    expect(inReach(plant, { teamId: 't-ops', siteId: 's-plant' })).toBe(true);
    expect(inReach(plant, { teamId: 't-eng', siteId: 's-hq' })).toBe(false);
    expect(inReach(eng, { teamId: null, siteId: null })).toBe(false);
    expect(inReach(plant, { teamId: null, siteId: 's-plant' })).toBe(true);
    expect(inReach(EVERYONE, { teamId: null, siteId: null })).toBe(true);
    expect(teamInReach(plant, { id: 't-ops', siteId: 's-plant' })).toBe(true);
    expect(teamInReach(eng, { id: 't-ops', siteId: 's-plant' })).toBe(false);
  });
});

describe('what a method needs', () => {
  const none = { read: false, write: false, admin: false };
  const reader = grantsOf('viewer');
  const writer = grantsOf('manager');
  const admin = grantsOf('admin');
  it('public needs nothing; read, write and admin need their grant', () => {
    expect(allows('public', none, eng)).toBe(true);
    expect(allows('read', none, EVERYONE)).toBe(false);
    expect(allows('read', reader, eng)).toBe(true);
    expect(allows('write', reader, EVERYONE)).toBe(false);
    expect(allows('write', writer, eng)).toBe(true);
    expect(allows('admin', writer, EVERYONE)).toBe(false);
    expect(allows('admin', admin, EVERYONE)).toBe(true);
  });

  it('read-all needs read and every team: a scoped manager may not, payroll may', () => {
    expect(allows('read-all', writer, eng)).toBe(false);
    expect(allows('read-all', reader, EVERYONE)).toBe(true);
    expect(allows('read-all', none, EVERYONE)).toBe(false);
  });
});
