/** What the dashboards count of each nomination's form, per form version (migration 0026). */
export interface NominationFactsTable {
  nominationId: string;
  version: number;
  sector: string;
  focusGroups: string[];
  online: number;
  offline: number;
  sex: string;
  ageBand: string;
}

export interface StatisticsTables {
  nominationFacts: NominationFactsTable;
}
