// Who is calling Central, resolved once per request from a session cookie, an API token or the
// local command line, and carried in the call context. The dispatch checks `grants` against the
// method; services narrow what they read and change to `reach`.
import { EVERYONE, grantsOf, type Grants, type Reach, type Role } from '../../../shared/domain/access.js';

export interface CentralActor {
  via: 'session' | 'token' | 'cli';
  /** The name the audit log shows: user:alice, token:payroll-export, cli:admin. */
  label: string;
  /** The account's username (the token's name for a token made for no one). */
  username: string;
  userId: string | null;
  role: Role;
  grants: Grants;
  reach: Reach;
  tokenId?: string;
}

/** An admin at the Central machine itself, running `frontdesk central …`. */
export const CLI_ADMIN: CentralActor = {
  via: 'cli',
  label: 'cli:admin',
  username: 'cli',
  userId: null,
  role: 'admin',
  grants: grantsOf('admin'),
  reach: EVERYONE,
};
