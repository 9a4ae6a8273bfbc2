/**
 * Recusal (回避): whether an expert may review a nomination, with every reason in words an official
 * understands. Computed before anything is shown, so a conflicted expert never sees the nomination.
 * Reasons follow the usual rules of Chinese expert review (research funding, procurement):
 * - the expert's organisation is the reporting unit or lies under it;
 * - same province, when the campaign asks for it;
 * - the expert is the nominee, or works for the entity that runs the project (ID number, credit code or
 *   name); a name alone may be a namesake, so it is reported apart, for the organiser to check;
 * - a declared relation: a close relative among the people named, or work, advice or a stake in the
 *   unit or entity within the last 3 years; any other relation the expert declares;
 * - the expert's own declaration on this nomination, and the reporting unit's request to exclude them.
 * The organiser may dismiss a computed reason as a false positive (with a reason); what the expert
 * declared is their own word and cannot be dismissed.
 */
import { normaliseIdentifier, normaliseTyped } from '../identity/normalise.ts';
import { provinceCode } from '../nomination/province-code.ts';
import {
  type ConflictCode,
  type ConflictSettings,
  type DeclaredRelation,
  type Dismissal,
  type ExpertFacts,
  type NominationFacts,
  type PersonFacts,
  UNIT_RELATION_KINDS,
  type UnitFacts,
} from './conflict-facts.ts';

export interface ConflictReason {
  code: ConflictCode;
  message: string;
}

export interface DismissedReason extends ConflictReason {
  dismissal: string;
}

export interface ConflictCheck {
  expertId: string;
  nominationId: string;
  conflicted: boolean;
  /** Reasons that stand. */
  reasons: ConflictReason[];
  /** Reasons the organiser dismissed, kept so the record shows what was looked at. */
  dismissed: DismissedReason[];
}

/** Reasons that are the expert's or the unit's own request, not a computation: never dismissed. */
export const UNDISMISSABLE: ReadonlySet<ConflictCode> = new Set(['EXPERT_DECLARED', 'UNIT_EXCLUSION']);

export const DEFAULT_LOOKBACK_YEARS = 3;

const id = (value: string | null | undefined) => (value ? normaliseIdentifier(value) : '');
const name = (value: string | null | undefined) => (value ? normaliseTyped(value, 'name') : '');
const unitName = (value: string | null | undefined) => (value ? normaliseTyped(value, 'line') : '');

function isWithin(path: string | null | undefined, ancestor: string): boolean {
  return Boolean(path) && path!.startsWith(ancestor);
}

type PersonMatch = 'id' | 'name' | undefined;

/** Same ID number: one person. Same name and an ID number missing on a side: perhaps one person. */
function matchPerson(a: PersonFacts, b: PersonFacts): PersonMatch {
  const idA = id(a.idNumber);
  const idB = id(b.idNumber);
  if (idA && idB) return idA === idB ? 'id' : undefined;
  return name(a.name) !== '' && name(a.name) === name(b.name) ? 'name' : undefined;
}

type UnitMatch = 'organisation' | 'creditCode' | 'name' | undefined;

/** Whether a unit the expert is tied to is one of the nomination's (or lies under its reporting unit). */
function matchUnit(unit: UnitFacts, nomination: NominationFacts): { how: UnitMatch; label: string } {
  if (unit.organisationId === nomination.unit.id || isWithin(unit.organisationPath, nomination.unit.path))
    return { how: 'organisation', label: nomination.unit.name };
  for (const entity of nomination.entities) {
    if (id(unit.creditCode) && id(unit.creditCode) === id(entity.creditCode))
      return { how: 'creditCode', label: entity.name ?? unit.name ?? '' };
    if (unitName(unit.name) && unitName(unit.name) === unitName(entity.name))
      return { how: 'name', label: entity.name ?? '' };
  }
  return { how: undefined, label: '' };
}

/** End of a period given as YYYY, YYYY-MM or YYYY-MM-DD, as a comparable YYYY-MM-DD. */
function endOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-31`;
  return date;
}

function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

function periodText(from: string | null | undefined, until: string | null | undefined): string {
  if (from && until) return `${from}至${until}`;
  if (from) return `${from}至今`;
  if (until) return `至${until}`;
  return '至今';
}

const HOW_LABELS = { creditCode: '统一社会信用代码一致', name: '单位名称一致', organisation: '' } as const;

function relationReason(
  relation: DeclaredRelation,
  nomination: NominationFacts,
  settings: ConflictSettings,
): ConflictReason | undefined {
  if (relation.kind === 'close_relative') {
    const person = nomination.people.find((p) => matchPerson(relation.person, p));
    return person && { code: 'DECLARED_RELATIVE', message: `专家申报与「${person.name}」为近亲属` };
  }
  if (relation.kind === 'other') {
    const unit = relation.unit && matchUnit(relation.unit, nomination);
    const person = relation.person && nomination.people.find((p) => matchPerson(relation.person!, p));
    const party = unit?.how ? unit.label : person?.name;
    return party === undefined
      ? undefined
      : {
          code: 'DECLARED_OTHER',
          message: `专家申报与「${party}」存在可能影响公正评审的关系：${relation.note}`,
        };
  }
  const cutoff = yearsBefore(settings.today, settings.lookbackYears ?? DEFAULT_LOOKBACK_YEARS);
  if (relation.until && endOf(relation.until) < cutoff) return undefined;
  const unit = matchUnit(relation.unit, nomination);
  if (!unit.how) return undefined;
  const years = settings.lookbackYears ?? DEFAULT_LOOKBACK_YEARS;
  return {
    code: 'DECLARED_UNIT_RELATION',
    message: `专家申报近${years}年内在「${unit.label}」${UNIT_RELATION_KINDS[relation.kind]}（${periodText(relation.from, relation.until)}）`,
  };
}

function computedReasons(
  expert: ExpertFacts,
  nomination: NominationFacts,
  settings: ConflictSettings,
): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  if (expert.organisation && isWithin(expert.organisation.path, nomination.unit.path)) {
    const same = expert.organisation.id === nomination.unit.id;
    reasons.push({
      code: 'SAME_ORGANISATION',
      message: same
        ? `专家所在单位即推介单位「${nomination.unit.name}」`
        : `专家所在单位「${expert.organisation.name}」是推介单位「${nomination.unit.name}」的下属单位`,
    });
  }
  if (settings.sameProvince) {
    const expertProvince = provinceCode(expert.province);
    if (expertProvince && expertProvince === provinceCode(nomination.province))
      reasons.push({ code: 'SAME_PROVINCE', message: '专家与推介对象属同一省份，本次活动要求同省专家回避' });
  }
  for (const person of nomination.people) {
    const match = matchPerson(expert, person);
    if (match === 'id')
      reasons.push({ code: 'EXPERT_IS_NOMINEE', message: `专家本人即「${person.name}」（身份证号一致）` });
    else if (match === 'name')
      reasons.push({
        code: 'SAME_NAME_AS_NOMINEE',
        message: `专家与「${person.name}」同名，身份证号无法核对，请核实是否为同一人`,
      });
  }
  if (expert.employer) {
    const unit = matchUnit({ ...expert.employer, organisationId: null }, nomination);
    if (unit.how)
      reasons.push({
        code: 'WORKS_FOR_ENTITY',
        message: `专家工作单位即「${unit.label}」（${HOW_LABELS[unit.how]}）`,
      });
  }
  for (const relation of expert.relations) {
    const reason = relationReason(relation, nomination, settings);
    if (reason) reasons.push(reason);
  }
  const exclusion = nomination.exclusions.find((e) => e.expertId === expert.id);
  if (exclusion)
    reasons.push({ code: 'UNIT_EXCLUSION', message: `推介单位申请该专家回避：${exclusion.reason}` });
  return reasons;
}

export function checkConflict(
  expert: ExpertFacts,
  nomination: NominationFacts,
  settings: ConflictSettings,
  dismissals: readonly Dismissal[] = [],
): ConflictCheck {
  const reasons: ConflictReason[] = [];
  const dismissed: DismissedReason[] = [];
  for (const reason of computedReasons(expert, nomination, settings)) {
    const dismissal = dismissals.find(
      (d) => d.expertId === expert.id && d.nominationId === nomination.id && d.code === reason.code,
    );
    if (dismissal && !UNDISMISSABLE.has(reason.code))
      dismissed.push({ ...reason, dismissal: dismissal.reason });
    else reasons.push(reason);
  }
  for (const declaration of expert.declarations) {
    if (declaration.nominationId === nomination.id)
      reasons.push({ code: 'EXPERT_DECLARED', message: `专家本人申请回避：${declaration.reason}` });
  }
  return {
    expertId: expert.id,
    nominationId: nomination.id,
    conflicted: reasons.length > 0,
    reasons,
    dismissed,
  };
}

/** Every conflicted pair of a pool and a set of nominations (also: a candidate checked before inviting). */
export function findConflicts(
  experts: readonly ExpertFacts[],
  nominations: readonly NominationFacts[],
  settings: ConflictSettings,
  dismissals: readonly Dismissal[] = [],
): ConflictCheck[] {
  const checks: ConflictCheck[] = [];
  for (const expert of experts) {
    const own = dismissals.filter((d) => d.expertId === expert.id);
    for (const nomination of nominations) {
      const check = checkConflict(expert, nomination, settings, own);
      if (check.conflicted || check.dismissed.length > 0) checks.push(check);
    }
  }
  return checks;
}
