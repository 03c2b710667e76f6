// Central's accounts: people who sign in to the console (username + password, a role, the
// teams and sites they are given) and API tokens for programs. Roles and scopes are in
// shared/domain/access.ts.
import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '../domain/access.js';

export const UsernameSchema = z
  .string()
  .trim()
  .min(2, 'username is shorter than 2 characters')
  .max(32, 'username is longer than 32 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'username may hold letters, digits, _ . - only');

export const PasswordSchema = z
  .string()
  .min(10, 'password is shorter than 10 characters')
  .max(200, 'password is longer than 200 characters')
  .refine((p) => p.trim().length === p.length, 'password must not start or end with a space');

export const RoleSchema = z.enum(ROLES);
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);

const Names = z.array(z.string().trim().min(1).max(80)).max(200);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: RoleSchema,
  teams: z.array(z.string()),
  sites: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /** Set while sign-in is locked after too many wrong passwords. */
  lockedUntil: z.string().nullable(),
});

export const AddUserInputSchema = z
  .object({
    username: UsernameSchema,
    password: PasswordSchema,
    role: RoleSchema,
    /** Team and site names; a manager or viewer sees only these. */
    teams: Names.default([]),
    sites: Names.default([]),
  })
  .strict();

export const UpdateUserInputSchema = z
  .object({
    username: UsernameSchema,
    role: RoleSchema.optional(),
    teams: Names.optional(),
    sites: Names.optional(),
    active: z.boolean().optional(),
    /** An admin sets a new password (the user's sessions end). */
    password: PasswordSchema.optional(),
  })
  .strict();

export const UserNameInputSchema = z.object({ username: UsernameSchema }).strict();

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: TokenScopeSchema,
  user: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const CreateTokenInputSchema = z
  .object({
    name: z.string().trim().min(1, 'token name is empty').max(80),
    scope: TokenScopeSchema,
    /** The user the token acts for (their role and teams cap it); none: it acts for the organization. */
    user: UsernameSchema.optional(),
  })
  .strict();

/** The token itself appears here once and is never shown again. */
export const CreatedTokenSchema = z.object({ token: z.string(), info: ApiTokenSchema });

export const TokenIdInputSchema = z.object({ id: z.uuid('token id is not a UUID') }).strict();

export const SignInAccountInputSchema = z.object({ username: UsernameSchema, password: z.string().min(1, 'password is empty').max(200) }).strict();

export const ChangePasswordInputSchema = z.object({ current: z.string().min(1).max(200), next: PasswordSchema }).strict();

/** The signed-in account, as the console sees it. */
export const SessionInfoSchema = z.object({
  username: z.string(),
  role: RoleSchema,
  teams: z.array(z.string()),
  sites: z.array(z.string()),
  /** Sent back in the X-CSRF-Token header with every call that changes something. */
  csrfToken: z.string(),
  idleMinutes: z.number(),
  expiresAt: z.string(),
  grants: z.object({ read: z.boolean(), write: z.boolean(), admin: z.boolean() }),
});

export type User = z.infer<typeof UserSchema>;
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
