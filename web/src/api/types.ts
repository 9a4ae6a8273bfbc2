/** Shapes of the server's JSON responses, as written in the API contract of the platform foundation. */
import type { Role } from '#core/accounts/roles.ts';
import type { OrganisationType } from '#core/campaign/unit-types.ts';

export type { OrganisationType, Role };

export interface Me {
  id: string;
  username: string;
  displayName: string;
  organisation: { id: string; name: string; type: OrganisationType; typeLabel: string };
  roles: Role[];
  mustChangePassword: boolean;
  permissions: string[];
  /** Roles this account may give others (the server's rule), for the account form. */
  grantableRoles: Role[];
}

export interface MeResponse {
  me: Me;
  csrfToken: string;
}

export type OrganisationAction = 'update' | 'disable' | 'enable' | 'createChild';

export interface Organisation {
  id: string;
  parentId: string | null;
  name: string;
  type: OrganisationType;
  typeLabel: string;
  regionCode: string | null;
  disabled: boolean;
  version: number;
  actions: OrganisationAction[];
}

export type AccountAction = 'update' | 'disable' | 'enable' | 'resetPassword';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  roles: Role[];
  /** Masked by the server (e.g. 138****1234) unless the caller may see it whole. */
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
  actions: AccountAction[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ImportedAccount {
  username: string;
  displayName: string;
  organisationName: string;
  initialPassword: string;
}

export interface ImportResult {
  organisationsCreated: number;
  accounts: ImportedAccount[];
}

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The object by its name (an account's, a unit's, a campaign's, a nominee's, a file's), null if gone. */
  entityName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}
