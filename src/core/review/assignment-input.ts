/** What the automatic assignment of reviews takes and gives (assignment.ts). */
import type { Finding } from '../findings.ts';

export interface AssignmentExpert {
  id: string;
  /** As officials know the expert, for messages. */
  name: string;
  /** Code or name; experts without one are not grouped with anyone. */
  province?: string | null;
  minLoad?: number;
  maxLoad?: number;
}

export interface AssignmentNomination {
  id: string;
  /** 姓名 or 项目名称, for messages. */
  label: string;
  province?: string | null;
}

export interface ReviewPair {
  nominationId: string;
  expertId: string;
}

export interface AssignmentInput {
  experts: readonly AssignmentExpert[];
  nominations: readonly AssignmentNomination[];
  /** Reviews per nomination; 3 by default. */
  reviewsPerNomination?: number;
  /** Pairs that must never be assigned (回避), as from findConflicts(...).filter((c) => c.conflicted). */
  conflicted: readonly ReviewPair[];
  /** Pairs already in place (manual changes, reviews under way): kept, and counted in loads and reviews. */
  fixed?: readonly ReviewPair[];
  /** The same seed on the same input gives the same assignment. */
  seed: number;
}

export interface ExpertLoad {
  expertId: string;
  load: number;
}

export type AssignmentResult =
  | {
      ok: true;
      /** Fixed pairs included; in the nominations' order, then the experts'. */
      assignments: ReviewPair[];
      loads: ExpertLoad[];
      /** Nominations with two or more reviewers from one province (0 when the pool allows). */
      sameProvinceNominations: number;
    }
  | { ok: false; findings: Finding[] };

export const DEFAULT_REVIEWS_PER_NOMINATION = 3;
