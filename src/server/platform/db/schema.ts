import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { Role } from '#core/accounts/roles.ts';
import type { OverrideKind } from '#core/calendar/settings.ts';
import type { CampaignLevel, Category } from '#core/campaign/rules.ts';
import type { CampaignState } from '#core/campaign/states.ts';
import type { OrganisationType } from '#core/campaign/unit-types.ts';
import type { PackageState } from '#core/documents/package-states.ts';
import type { SealedValue } from '#core/identity/personal-fields.ts';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import type { MaterialState } from '#core/materials/states.ts';
import type { NominationState } from '#core/nomination/states.ts';
import type { NotificationKind } from '#core/notifications/kinds.ts';
import type { ScanFormat } from '#core/paper/scan.ts';
import type { RecordedPaperState } from '#core/paper/states.ts';
import type { ActivityTables } from './schema-activities.ts';
import type { DecisionTables } from './schema-decision.ts';
import type { PlatformTables } from './schema-platform.ts';
import type { ReviewTables } from './schema-review.ts';
import type { ShowcaseTables } from './schema-showcase.ts';
import type { StatisticsTables } from './schema-statistics.ts';

/**
 * Row types as Kysely sees them (camelCase through CamelCasePlugin). Mirrors migrations/. Every state,
 * category, type and role column takes its values from core, and a CHECK constraint keeps the database
 * to the same list (migration 0010; test/server/migration-column-checks.test.ts compares the two).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface OrganisationsTable {
  id: Generated<string>;
  parentId: string | null;
  path: string;
  name: string;
  type: OrganisationType;
  regionCode: string | null;
  disabled: Generated<boolean>;
  version: Generated<number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface AccountsTable {
  id: Generated<string>;
  organisationId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** The last one-time password given (migration 0017): never accepted as the account's own. */
  oneTimePasswordHash: ColumnType<string | null, string | null | undefined, string | null>;
  mustChangePassword: Generated<boolean>;
  roles: Role[];
  /** Clear only in rows written before migration 0029, until the start seals them; then null. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** The phone's envelope (migration 0029, decision 0016): only its mask is ever shown. */
  phoneSealed: ColumnType<SealedValue | null, string | null | undefined, string | null>;
  /** The key the envelope is sealed with; null: not sealed yet. */
  dataKeyId: ColumnType<string | null, string | null | undefined, string | null>;
  /** For mail notifications, when SMTP is configured. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  disabled: Generated<boolean>;
  lastLoginAt: NullableTimestamp;
  passwordChangedAt: NullableTimestamp;
  version: Generated<number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  tokenHash: string;
  accountId: string;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: DefaultedTimestamp;
  lastSeenAt: DefaultedTimestamp;
  expiresAt: Timestamp;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: DefaultedTimestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: DefaultedTimestamp;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  scopePath: string;
  before: Json;
  after: Json;
  ip: string | null;
}

type JsonColumn = ColumnType<unknown, string, string>;

export interface CampaignsTable {
  id: Generated<string>;
  organiserId: string;
  year: number;
  level: CampaignLevel;
  title: string;
  status: Generated<CampaignState>;
  rules: JsonColumn;
  rulesVersion: Generated<number>;
  templateId: string | null;
  copiedFrom: string | null;
  deadlineAt: NullableTimestamp;
  version: Generated<number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface CampaignRuleVersionsTable {
  campaignId: string;
  rulesVersion: number;
  rules: JsonColumn;
  changes: ColumnType<unknown, string | undefined, string>;
  afterOpening: Generated<boolean>;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: DefaultedTimestamp;
}

export interface CampaignExtensionsTable {
  campaignId: string;
  organisationId: string;
  until: Timestamp;
  reason: string;
  grantedBy: string | null;
  grantedAt: DefaultedTimestamp;
}

export interface CalendarOverridesTable {
  id: Generated<string>;
  organisationId: string;
  date: ColumnType<string, string, string>;
  kind: OverrideKind;
  note: Generated<string>;
  createdBy: string | null;
  createdAt: DefaultedTimestamp;
}

export interface CalendarConfirmedYearsTable {
  organisationId: string;
  year: number;
  confirmedBy: string | null;
  confirmedAt: DefaultedTimestamp;
}

export interface NominationsTable {
  id: Generated<string>;
  campaignId: string;
  unitId: string;
  category: Category;
  state: Generated<NominationState>;
  special: Generated<boolean>;
  rank: number | null;
  title: Generated<string>;
  form: ColumnType<unknown, string | undefined, string>;
  snapshot: ColumnType<unknown, string | null | undefined, string | null>;
  contentHash: string | null;
  submittedAt: NullableTimestamp;
  returnReason: string | null;
  forwardedFrom: string | null;
  overrides: ColumnType<unknown, string | undefined, string>;
  /** 逾期视为自动放弃: when the deadline job withdrew it. */
  lapsedAt: NullableTimestamp;
  reviewRequestedAt: NullableTimestamp;
  /** Keyed hashes of the form's 身份证号 and the birth date in it (migration 0021): what matching compares. */
  idNumberHash: ColumnType<string | null, string | null | undefined, string | null>;
  birthDateHash: ColumnType<string | null, string | null | undefined, string | null>;
  /** The key the row's envelopes are sealed with; null: written before migration 0021, not sealed yet. */
  dataKeyId: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface PreviousWinnersTable {
  id: Generated<string>;
  organisationId: string;
  year: number;
  level: CampaignLevel;
  category: Category;
  name: string;
  provinceOrUnit: string | null;
  workUnit: string | null;
  birthDate: ColumnType<string | null, string | null, string | null>;
  /** Clear only in rows written before migration 0027, until the start seals them; then null. */
  idNumber: ColumnType<string | null, string | null | undefined, string | null>;
  /** The 身份证号's envelope (migration 0027, decision 0016) and its keyed match hash. */
  idNumberSealed: ColumnType<SealedValue | null, string | null | undefined, string | null>;
  idNumberHash: ColumnType<string | null, string | null | undefined, string | null>;
  /** The key the envelope is sealed with; null: not sealed yet. */
  dataKeyId: ColumnType<string | null, string | null | undefined, string | null>;
  creditCode: string | null;
  importedBy: string | null;
  importedAt: DefaultedTimestamp;
  /** Computed by the database (migrations 0007, 0027): person (by hash), programme or name, province and unit. */
  naturalKey: GeneratedAlways<string>;
  version: Generated<number>;
  updatedBy: string | null;
  updatedAt: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** Entered by publication (migration 0012): the campaign and nomination it came from; null when imported. */
  campaignId: ColumnType<string | null, string | null | undefined, string | null>;
  nominationId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MaterialsTable {
  id: Generated<string>;
  nominationId: string;
  setKey: MaterialSetKey;
  slotId: string;
  uploadId: string | null;
  storageKey: string;
  fileName: string;
  /** bigint: read as a string by pg, so presenters convert with Number(). */
  bytes: ColumnType<string, number | string, number | string>;
  sha256: string;
  state: Generated<MaterialState>;
  probed: ColumnType<unknown, string | null | undefined, string | null>;
  findings: ColumnType<unknown, string | undefined, string>;
  waivers: ColumnType<unknown, string | undefined, string>;
  convertedFrom: string | null;
  /** The source row of a forwarded nomination's file (whose stored bytes this row shares). */
  copiedFrom: string | null;
  progress: number | null;
  chosen: Generated<boolean>;
  previewKey: string | null;
  uploadedBy: string | null;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface ExportPackagesTable {
  id: Generated<string>;
  campaignId: string;
  unitId: string | null;
  state: Generated<PackageState>;
  done: Generated<number>;
  total: Generated<number>;
  storageKey: string | null;
  bytes: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  sha256: string | null;
  error: string | null;
  requestedBy: string | null;
  /** SHA-256 of what the package is made of (core/documents/package-inputs.ts): an identical request reuses it. */
  inputsHash: string | null;
  createdAt: DefaultedTimestamp;
  finishedAt: NullableTimestamp;
}

export interface PaperDispatchesTable {
  id: Generated<string>;
  campaignId: string;
  unitId: string;
  state: RecordedPaperState;
  courier: string | null;
  trackingNumber: string | null;
  dispatchedOn: ColumnType<string | null, string | null | undefined, string | null>;
  dispatchedBy: string | null;
  scanStorageKey: string | null;
  scanFileName: string | null;
  scanFormat: ScanFormat | null;
  /** bigint: read as a string by pg. */
  scanBytes: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  scanSha256: string | null;
  receivedOn: ColumnType<string | null, string | null | undefined, string | null>;
  copiesReceived: number | null;
  sealPresent: boolean | null;
  discReadable: boolean | null;
  receiptNote: string | null;
  receivedBy: string | null;
  version: Generated<number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  accountId: string;
  kind: NotificationKind;
  title: string;
  body: Generated<string>;
  link: string | null;
  dedupeKey: string | null;
  createdAt: DefaultedTimestamp;
  readAt: NullableTimestamp;
  emailedAt: NullableTimestamp;
}

export interface Database
  extends DecisionTables,
    ActivityTables,
    ShowcaseTables,
    PlatformTables,
    ReviewTables,
    StatisticsTables {
  organisations: OrganisationsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  loginFailures: LoginFailuresTable;
  auditLog: AuditLogTable;
  campaigns: CampaignsTable;
  campaignRuleVersions: CampaignRuleVersionsTable;
  campaignExtensions: CampaignExtensionsTable;
  calendarOverrides: CalendarOverridesTable;
  calendarConfirmedYears: CalendarConfirmedYearsTable;
  nominations: NominationsTable;
  previousWinners: PreviousWinnersTable;
  materials: MaterialsTable;
  exportPackages: ExportPackagesTable;
  paperDispatches: PaperDispatchesTable;
  notifications: NotificationsTable;
}
