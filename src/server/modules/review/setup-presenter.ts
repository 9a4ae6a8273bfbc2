/**
 * The review setup as the organiser's screens read it: the pool with masked ID numbers and province
 * names, rounds with their progress and the moves the round table offers (house rules 1 and 4).
 */
import type { Category } from '#core/campaign/rules.ts';
import type { PoolExpert, ReviewRound } from '#core/contract/review-setup.ts';
import { provinceName } from '#core/nomination/province-code.ts';
import { ROUND_STATES, ROUND_TRANSITIONS } from '#core/review/round-states.ts';
import { maskOfColumn } from '#server/platform/personal-data/sealed-column.ts';
import { shownRelations } from './experts-relatives.ts';
import type { PoolRow } from './pool-queries.ts';
import type { RoundRow } from './transition-round.ts';

export const PANEL_LABELS: Record<Category, string> = { star: '百姓学习之星', project: '终身学习品牌项目' };

export function presentPoolExpert(row: PoolRow, conflicts: number): PoolExpert {
  return {
    expertId: row.expertId,
    name: row.name,
    username: row.username,
    organisationName: row.organisationName,
    panels: row.panels,
    chairOf: row.chairOf,
    employerName: row.employerName,
    employerCreditCode: row.employerCreditCode,
    province: row.province,
    provinceName: provinceName(row.province),
    field: row.field,
    idNumberMasked: maskOfColumn(row.idNumberSealed),
    minLoad: row.minLoad,
    maxLoad: row.maxLoad,
    // Each declared person's 身份证号 as its mask (sealed in the row, decision 0016).
    relations: shownRelations(row.relations) as PoolExpert['relations'],
    conflicts,
    version: row.version,
  };
}

export function presentRound(
  row: RoundRow,
  expertIds: string[],
  progress: { assigned: number; submitted: number },
): ReviewRound {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    kind: row.kind,
    state: row.state,
    stateLabel: ROUND_STATES[row.state],
    opensOn: row.opensOn,
    closesAt: new Date(row.closesAt).toISOString(),
    reviewsPerNomination: row.reviewsPerNomination,
    blindFields: row.blindFields,
    showOthersAfterSubmit: row.showOthersAfterSubmit,
    expertIds,
    assignmentSeed: row.assignmentSeed,
    progress,
    moves: ROUND_TRANSITIONS.filter((t) => t.from === row.state).map((t) => ({ to: t.to, label: t.label })),
    version: row.version,
  };
}
