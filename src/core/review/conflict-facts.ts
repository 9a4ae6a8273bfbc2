/**
 * What the recusal (回避) rules look at, as plain data the server gathers: the expert's own facts and
 * declared relations, the nomination's facts and the reporting unit's exclusion requests, the campaign's
 * setting and the organiser's dismissals. The rules themselves are in conflicts.ts.
 */

/** A person as named on a form; the ID number when known (it settles whether two names are one person). */
export interface PersonFacts {
  name: string;
  idNumber?: string | null;
}

/**
 * A unit: an organisation on the platform (id and its tree path), or an outside entity known by its
 * 统一社会信用代码 and name. Any one of them may be enough to match.
 */
export interface UnitFacts {
  organisationId?: string | null;
  /** `/root/province/unit/`, as stored with organisations. */
  organisationPath?: string | null;
  creditCode?: string | null;
  name?: string | null;
}

export const UNIT_RELATION_KINDS = {
  employment: '任职',
  advisory: '担任顾问',
  stake: '持有股份或其他经济利益',
} as const;
export type UnitRelationKind = keyof typeof UNIT_RELATION_KINDS;

export type DeclaredRelation =
  /** 近亲属: spouse, parents, children, siblings, grandparents, grandchildren (and in-law relatives). */
  | { kind: 'close_relative'; person: PersonFacts; note?: string }
  /** Dates as YYYY, YYYY-MM or YYYY-MM-DD; `until` null or absent while it lasts. */
  | { kind: UnitRelationKind; unit: UnitFacts; from?: string | null; until?: string | null }
  /** Any other relation that may affect fairness, as the expert describes it. */
  | { kind: 'other'; unit?: UnitFacts; person?: PersonFacts; note: string };

export interface ExpertFacts {
  id: string;
  name: string;
  idNumber?: string | null;
  /** The expert's organisation when it is on the platform (work unit). */
  organisation?: { id: string; path: string; name: string } | null;
  /** The employer's name and credit code when it is an outside entity (or as well). */
  employer?: { name?: string | null; creditCode?: string | null } | null;
  /** Province as a GB/T 2260 code (22, 220000, 220102) or a name (吉林省). */
  province?: string | null;
  relations: readonly DeclaredRelation[];
  /** Conflicts the expert declared on particular nominations (回避申请), with their reason. */
  declarations: readonly { nominationId: string; reason: string }[];
}

export interface NominationFacts {
  id: string;
  /** The reporting unit (报送单位). */
  unit: { id: string; path: string; name: string };
  /** The nomination's province (the reporting unit's), code or name. */
  province?: string | null;
  /** Stars: the nominee; projects: the people named on the form (负责人). */
  people: readonly PersonFacts[];
  /** Projects: the entity running it; stars: the nominee's workplace when known. */
  entities: readonly UnitFacts[];
  /** The reporting unit's requests that named experts stay away from this nomination. */
  exclusions: readonly { expertId: string; reason: string }[];
}

export interface ConflictSettings {
  /** Whether experts of the nomination's province are recused (a campaign setting). */
  sameProvince: boolean;
  /** Today as YYYY-MM-DD (from the app's clock): the start of the look-back window. */
  today: string;
  /** How far back a work, advisory or stake relation counts; 3 years by common practice. */
  lookbackYears?: number;
}

export const CONFLICT_CODES = [
  'SAME_ORGANISATION',
  'SAME_PROVINCE',
  'EXPERT_IS_NOMINEE',
  'SAME_NAME_AS_NOMINEE',
  'WORKS_FOR_ENTITY',
  'DECLARED_RELATIVE',
  'DECLARED_UNIT_RELATION',
  'DECLARED_OTHER',
  'EXPERT_DECLARED',
  'UNIT_EXCLUSION',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/** The organiser's decision that a computed conflict is a false positive, with the reason (audited). */
export interface Dismissal {
  expertId: string;
  nominationId: string;
  code: ConflictCode;
  reason: string;
}
