import type { ColumnType, Generated } from 'kysely';
import type { ObjectionFileType, PublicityFileType } from '#core/announcement/file-types.ts';
import type { AnnouncementState, CorrectionKind } from '#core/announcement/states.ts';
import type { Category } from '#core/campaign/rules.ts';
import type { ObjectionEventKind, ObjectionState, ObjectorKind } from '#core/objection/states.ts';

/**
 * Row types of the public half of the decision (migration 0012): 公示 and its corrections, objections,
 * approval, the published result and the units' own 公示. Kept apart from schema.ts, which joins them
 * into `Database`.
 */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: pg returns it as 'YYYY-MM-DD' (the pool's type parser keeps dates as text). */
type Day = string;
type Json = ColumnType<unknown, string, string>;

export interface AnnouncementsTable {
  id: Generated<string>;
  campaignId: string;
  organisationId: string;
  year: number;
  state: Generated<AnnouncementState>;
  title: string;
  intro: Generated<string>;
  objectionContact: ColumnType<unknown, string | undefined, string>;
  issuer: string;
  startDay: Day | null;
  endDay: Day | null;
  workingDays: Generated<number>;
  countStart: Generated<boolean>;
  openedAt: NullableTimestamp;
  closedAt: NullableTimestamp;
  createdBy: string | null;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
  version: Generated<number>;
}

export interface AnnouncementEntriesTable {
  id: Generated<string>;
  announcementId: string;
  nominationId: string;
  category: Category;
  position: number;
  special: Generated<boolean>;
  name: string;
  unit: string;
  entity: string | null;
  removedAt: NullableTimestamp;
  removedReason: string | null;
}

export interface AnnouncementCorrectionsTable {
  id: Generated<string>;
  announcementId: string;
  entryId: string | null;
  kind: CorrectionKind;
  day: Day;
  text: string;
  createdBy: string | null;
  createdAt: DefaultedTimestamp;
}

export type ObjectionConclusion = 'rejected' | 'upheld' | 'dismissed';
export type ObjectionFileStage = 'evidence' | 'investigation' | 'explanation';

export interface ObjectionsTable {
  id: Generated<string>;
  announcementId: string;
  entryId: string;
  receipt: string;
  state: Generated<ObjectionState>;
  objectorKind: ObjectorKind;
  /** One envelope of the whole identity (migration 0030, decision 0016); clear JSON only before it. */
  objector: Json;
  /** The keyed hash of the phone (matchHash); a plain SHA-256 before migration 0030 sealed the row. */
  phoneHash: string;
  /** The key `objector` is sealed with and `phoneHash` taken under; null: not sealed yet. */
  dataKeyId: ColumnType<string | null, string | null | undefined, string | null>;
  facts: string;
  submittedAt: Timestamp;
  acceptDue: Day | null;
  concludeDue: Day | null;
  replyDue: Day | null;
  explanationRequestedAt: NullableTimestamp;
  explanationDue: Day | null;
  explanation: string | null;
  explainedAt: NullableTimestamp;
  conclusion: ObjectionConclusion | null;
  conclusionReason: string | null;
  proposedBy: string | null;
  confirmedBy: string | null;
  reply: string | null;
  repliedAt: NullableTimestamp;
  version: Generated<number>;
  updatedAt: DefaultedTimestamp;
}

export interface ObjectionEventsTable {
  id: Generated<string>;
  objectionId: string;
  kind: ObjectionEventKind;
  label: string;
  note: Generated<string>;
  actorId: string | null;
  actorName: string | null;
  createdAt: Timestamp;
}

export interface ObjectionFilesTable {
  id: Generated<string>;
  objectionId: string;
  stage: ObjectionFileStage;
  storageKey: string;
  fileName: string;
  contentType: ObjectionFileType;
  bytes: ColumnType<string, number, number>;
  sha256: string;
  uploadedBy: string | null;
  createdAt: DefaultedTimestamp;
}

export interface ObjectionIdentityViewsTable {
  id: Generated<string>;
  objectionId: string;
  accountId: string;
  viewedAt: Timestamp;
}

export type ApprovalDecision = 'approved' | 'returned';

export interface CampaignApprovalsTable {
  id: Generated<string>;
  campaignId: string;
  decision: ApprovalDecision;
  reason: Generated<string>;
  decidedBy: string;
  decidedByName: string;
  decidedAt: Timestamp;
}

export interface ResultNoticesTable {
  id: Generated<string>;
  campaignId: string;
  organisationId: string;
  year: number;
  title: string;
  docNumber: Generated<string>;
  issuers: string[];
  body: Generated<string>;
  entries: Json;
  docxKey: string | null;
  pdfKey: string | null;
  xlsxKey: string | null;
  publishedBy: string | null;
  publishedAt: Timestamp;
}

export interface UnitPublicitiesTable {
  id: Generated<string>;
  campaignId: string;
  unitId: string;
  place: string;
  url: string | null;
  fromDay: Day;
  toDay: Day;
  storageKey: string | null;
  fileName: string | null;
  contentType: PublicityFileType | null;
  bytes: ColumnType<string | null, number | null | undefined, number | null>;
  nominationIds: string[] | null;
  published: Generated<boolean>;
  recordedBy: string | null;
  recordedAt: Timestamp;
  version: Generated<number>;
}

export interface DecisionTables {
  announcements: AnnouncementsTable;
  announcementEntries: AnnouncementEntriesTable;
  announcementCorrections: AnnouncementCorrectionsTable;
  objections: ObjectionsTable;
  objectionEvents: ObjectionEventsTable;
  objectionFiles: ObjectionFilesTable;
  objectionIdentityViews: ObjectionIdentityViewsTable;
  campaignApprovals: CampaignApprovalsTable;
  resultNotices: ResultNoticesTable;
  unitPublicities: UnitPublicitiesTable;
}
