import type { ColumnType, Generated } from 'kysely';
import type { StoryState } from '#core/showcase/story.ts';
import type { ShowcaseMediaKind } from '#core/showcase/web-sizes.ts';

/** Row types of the public showcase (migration 0023): winners' public texts and media derivatives. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface ShowcaseStoriesTable {
  nominationId: string;
  text: string;
  state: StoryState;
  version: Generated<number>;
  editedBy: string | null;
  editedAt: Timestamp;
  approvedBy: string | null;
  approvedAt: NullableTimestamp;
}

export interface ShowcaseMediaTable {
  materialId: string;
  nominationId: string;
  kind: ShowcaseMediaKind;
  files: Json;
  width: number;
  height: number;
  madeAt: Timestamp;
}

export interface ShowcaseTables {
  showcaseStories: ShowcaseStoriesTable;
  showcaseMedia: ShowcaseMediaTable;
}
