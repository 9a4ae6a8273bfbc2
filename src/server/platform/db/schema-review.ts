import type { ColumnType, Generated } from 'kysely';
import type { Category } from '#core/campaign/rules.ts';
import type { SealedValue } from '#core/identity/personal-fields.ts';
import type { RankingMethod } from '#core/review/ranking.ts';
import type { ReviewState } from '#core/review/review-states.ts';
import type { BlindField, RoundKind, RoundState } from '#core/review/round-states.ts';
import type { Recommendation } from '#core/review/rubric.ts';

/** Row types of expert review (migration 0011 and later): pool, rounds, conflicts, assignments, scores, shortlist. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** A campaign's expert pool, with the facts conflicts are computed from (migration 0011). */
export interface ReviewExpertsTable {
  campaignId: string;
  expertId: string;
  panels: Category[];
  chairOf: ColumnType<Category[], Category[] | undefined, Category[]>;
  employerName: string | null;
  employerCreditCode: string | null;
  province: string | null;
  field: Generated<string>;
  /** Clear only in rows written before migration 0028, until the start seals them; then null. */
  idNumber: ColumnType<string | null, string | null | undefined, string | null>;
  /** The 身份证号's envelope (migration 0028, decision 0016) and its keyed match hash. */
  idNumberSealed: ColumnType<SealedValue | null, string | null | undefined, string | null>;
  idNumberHash: ColumnType<string | null, string | null | undefined, string | null>;
  /** The key the envelopes (the 身份证号's and the declared people's) are sealed with; null: not sealed yet. */
  dataKeyId: ColumnType<string | null, string | null | undefined, string | null>;
  minLoad: Generated<number>;
  maxLoad: number | null;
  /** Declared relations; each person's 身份证号 as an envelope and match hash (review/experts-relatives.ts). */
  relations: ColumnType<unknown, string | undefined, string>;
  invitedBy: string | null;
  version: Generated<number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface ReviewRoundsTable {
  id: Generated<string>;
  campaignId: string;
  position: number;
  name: string;
  kind: RoundKind;
  state: Generated<RoundState>;
  opensOn: ColumnType<string | null, string | null | undefined, string | null>;
  closesAt: Timestamp;
  reviewsPerNomination: Generated<number>;
  blindFields: ColumnType<BlindField[], BlindField[] | undefined, BlindField[]>;
  showOthersAfterSubmit: Generated<boolean>;
  assignmentSeed: number | null;
  closingNotifiedAt: NullableTimestamp;
  version: Generated<number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface ReviewRoundExpertsTable {
  roundId: string;
  expertId: string;
}

export interface ReviewExclusionRequestsTable {
  nominationId: string;
  expertId: string;
  reason: string;
  requestedBy: string | null;
  createdAt: DefaultedTimestamp;
}

export interface ReviewDeclarationsTable {
  nominationId: string;
  expertId: string;
  reason: string;
  createdAt: DefaultedTimestamp;
}

export interface ReviewDismissalsTable {
  nominationId: string;
  expertId: string;
  code: string;
  reason: string;
  dismissedBy: string | null;
  createdAt: DefaultedTimestamp;
}

export interface ReviewConflictsTable {
  campaignId: string;
  nominationId: string;
  expertId: string;
  conflicted: boolean;
  reasons: ColumnType<unknown, string, string>;
  dismissed: ColumnType<unknown, string, string>;
}

export interface ReviewAssignmentsTable {
  roundId: string;
  nominationId: string;
  expertId: string;
  source: 'automatic' | 'manual';
  assignedBy: string | null;
  createdAt: DefaultedTimestamp;
}

export interface ReviewsTable {
  id: Generated<string>;
  roundId: string;
  nominationId: string;
  expertId: string;
  state: Generated<ReviewState>;
  rubric: ColumnType<unknown, string, string>;
  scores: ColumnType<unknown, string | undefined, string>;
  comment: Generated<string>;
  recommendation: Recommendation | null;
  proposeSpecial: Generated<boolean>;
  /** numeric: pg returns it as a string. */
  total: ColumnType<string | null, number | null | undefined, number | null>;
  contentHash: string | null;
  submittedAt: NullableTimestamp;
  version: Generated<number>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface ShortlistProposalsTable {
  id: Generated<string>;
  campaignId: string;
  roundId: string;
  category: Category;
  method: RankingMethod;
  entries: ColumnType<unknown, string, string>;
  note: Generated<string>;
  proposedBy: string | null;
  proposedAt: DefaultedTimestamp;
  confirmedBy: string | null;
  confirmedAt: NullableTimestamp;
}

export interface ReviewTables {
  reviewExperts: ReviewExpertsTable;
  reviewRounds: ReviewRoundsTable;
  reviewRoundExperts: ReviewRoundExpertsTable;
  reviewExclusionRequests: ReviewExclusionRequestsTable;
  reviewDeclarations: ReviewDeclarationsTable;
  reviewDismissals: ReviewDismissalsTable;
  reviewConflicts: ReviewConflictsTable;
  reviewAssignments: ReviewAssignmentsTable;
  reviews: ReviewsTable;
  shortlistProposals: ShortlistProposalsTable;
}
