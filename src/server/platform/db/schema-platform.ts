import type { ColumnType, Generated } from 'kysely';

/** The platform's own bookkeeping (migration 0025): the token of the files folder every instance shares. */
export interface FilesFolderTable {
  one: Generated<boolean>;
  token: string;
  markedAt: ColumnType<Date, never, never>;
}

export interface PlatformTables {
  filesFolder: FilesFolderTable;
}
