import type { ColumnType, Generated } from 'kysely';
import type { ActivityKind } from '#core/activities/kinds.ts';
import type { ActivityPhotoType } from '#core/activities/photo.ts';

/** Row types of the winners' publicity activities (五进, migration 0022); schema.ts joins them into `Database`. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: pg returns it as 'YYYY-MM-DD' (the pool's type parser keeps dates as text). */
type Day = string;

export interface WinnerActivitiesTable {
  id: Generated<string>;
  nominationId: string;
  campaignId: string;
  organiserPath: string;
  unitId: string;
  sourceUnitId: string | null;
  provinceId: string;
  kind: ActivityKind;
  form: string;
  occurredOn: Day;
  place: string;
  host: string;
  audience: number;
  report: string;
  recordedBy: string;
  recordedAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface WinnerActivityPhotosTable {
  id: Generated<string>;
  activityId: string;
  storageKey: string;
  publicKey: string;
  fileName: string;
  contentType: ActivityPhotoType;
  bytes: ColumnType<string, number, number>;
  sha256: string;
  width: number;
  height: number;
  uploadedBy: string;
  uploadedAt: Timestamp;
}

export interface ActivityTables {
  winnerActivities: WinnerActivitiesTable;
  winnerActivityPhotos: WinnerActivityPhotosTable;
}
