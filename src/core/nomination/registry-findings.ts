/**
 * What a registry match means, and what it may say to whom (decision 0005).
 *
 * Only a title blocks: a record that ended in 入选 (or a published list) in the *same round* as the
 * candidate (the same level and organiser: national winners block national nominations, a province's
 * winners its own round). A win elsewhere, and a nomination that was not selected, withdrawn or is
 * running in another campaign, are information lines for the organiser. Within one campaign the same
 * person twice from one unit is an error; from two units a warning for the organiser to settle.
 *
 * A unit reads that the person or programme was already nominated or has won and whom to ask, never
 * another unit's nominee, workplace or programme: otherwise typing an ID number would reveal them.
 */
import { CAMPAIGN_LEVEL_LABELS, type CampaignLevel, type Category } from '../campaign/rules.ts';
import { CATEGORY_INFO } from '../campaign/templates/common.ts';
import type { Finding, Severity } from '../findings.ts';
import type { MatchReason, PreviousWinnerRecord, RecordOutcome } from './previous-winners.ts';

export interface RegistryRound {
  level: CampaignLevel;
  /** The campaign's organiser. */
  organiserId: string;
  campaignId: string;
  /** The nominating unit. */
  unitId: string;
}

export interface RegistryContext {
  /** The candidate's round. Without it every winner blocks (the cautious reading). */
  round?: RegistryRound;
  /** Nominations linked to the candidate by forwarding (its sources and its copies): never matches. */
  related?: ReadonlySet<string>;
  /** Units get no details of other units' records and no information lines. Defaults to organiser. */
  audience?: 'organiser' | 'unit';
  /** Whom a unit should ask: its campaign's organiser. */
  ask?: string;
  /** Whether an organiser may read a record's details (a nomination of a round outside its own). */
  seesDetails?: (record: PreviousWinnerRecord) => boolean;
}

const STRONG: ReadonlySet<MatchReason> = new Set(['id_number', 'credit_code_and_name']);

const WHAT: Record<MatchReason, string> = {
  id_number: '身份证号',
  credit_code_and_name: '统一社会信用代码和项目名称',
  credit_code: '实施主体的统一社会信用代码',
  name_and_birth_date: '姓名和出生日期',
  name_and_unit: '姓名和工作单位',
  name_and_province: '姓名和所在省份',
  similar_name: '项目名称',
};

const OUTCOME_TEXT: Record<Exclude<RecordOutcome, 'won'>, string> = {
  in_progress: '正在其他活动中推介',
  not_selected: '未入选',
  withdrawn: '已撤回',
};

type Kind =
  | 'winner'
  | 'possible_winner'
  | 'winner_elsewhere'
  | 'duplicate_nomination'
  | 'also_nominated'
  | 'possible_duplicate'
  | 'earlier_nomination';

const CODES: Record<Kind, { code: string; severity: Severity }> = {
  winner: { code: 'DUPLICATE_WINNER', severity: 'error' },
  possible_winner: { code: 'POSSIBLE_PREVIOUS_WINNER', severity: 'warning' },
  winner_elsewhere: { code: 'PREVIOUS_WINNER_ELSEWHERE', severity: 'info' },
  duplicate_nomination: { code: 'DUPLICATE_NOMINATION', severity: 'error' },
  also_nominated: { code: 'ALSO_NOMINATED', severity: 'warning' },
  possible_duplicate: { code: 'POSSIBLE_DUPLICATE_NOMINATION', severity: 'warning' },
  earlier_nomination: { code: 'EARLIER_NOMINATION', severity: 'info' },
};

/** Every code a registry match can carry: the browser keeps these from the server's last answer. */
export const REGISTRY_CODES: ReadonlySet<string> = new Set(Object.values(CODES).map((c) => c.code));

export function outcomeOf(record: PreviousWinnerRecord): RecordOutcome {
  return record.outcome ?? (record.nominationId === undefined ? 'won' : 'in_progress');
}

function kindOf(record: PreviousWinnerRecord, reason: MatchReason, round?: RegistryRound): Kind | null {
  const strong = STRONG.has(reason);
  const outcome = outcomeOf(record);
  if (outcome === 'won') {
    const sameRound =
      !round ||
      (record.level === round.level && (record.organiserId ?? round.organiserId) === round.organiserId);
    if (!sameRound) return 'winner_elsewhere';
    return strong ? 'winner' : 'possible_winner';
  }
  if (outcome !== 'in_progress') return 'earlier_nomination';
  if (round && record.campaignId !== undefined && record.campaignId !== round.campaignId)
    return 'earlier_nomination';
  const sameUnit = round !== undefined && record.unitId === round.unitId;
  // A unit's other programmes of the same entity are its own business, not a duplicate.
  if (reason === 'credit_code' && sameUnit) return null;
  if (!strong) return 'possible_duplicate';
  return sameUnit ? 'duplicate_nomination' : 'also_nominated';
}

export function describeRecord(record: PreviousWinnerRecord): string {
  const level = CAMPAIGN_LEVEL_LABELS[record.level] ?? '';
  const where = [record.province, record.unit].filter((part) => part && part.trim() !== '').join('，');
  const what = `${record.year}年${level}“${CATEGORY_INFO[record.category].label}”`;
  const name = `“${record.name}”${where ? `（${where}）` : ''}`;
  if (record.nominationId !== undefined) return `${what}的推介${name}`;
  return `${what}${record.category === 'star' ? '获评者' : '获评项目'}${name}`;
}

/** The same record without anything about its nominee: year, level and who ran the round. */
function describeRound(record: PreviousWinnerRecord): string {
  const level = CAMPAIGN_LEVEL_LABELS[record.level] ?? '';
  const by = record.organiserName ? `${record.organiserName}组织的` : '';
  return `${record.year}年${by}${level}活动中的一条推介`;
}

function words(category: Category) {
  return category === 'star'
    ? { who: '人员', one: '同一人', someone: '一位已获评人员', replace: '请更换推介对象' }
    : { who: '项目', one: '同一项目', someone: '一个已获评项目', replace: '请更换推介项目' };
}

const IGNORE = (one: string) => `；如确非${one}，可忽略此提示。`;

function detailedMessage(kind: Kind, record: PreviousWinnerRecord, reason: MatchReason): string {
  const { who, one, replace } = words(record.category);
  const what = WHAT[reason];
  const seen = describeRecord(record);
  const same = reason === 'similar_name' ? '相同或相近' : '相同';
  const plus = reason === 'credit_code_and_name' ? '，项目名称也相同或相近' : '';
  const stem =
    reason === 'credit_code_and_name' ? `统一社会信用代码与${seen}相同${plus}` : `${what}与${seen}${same}`;
  switch (kind) {
    case 'winner':
      return `${stem}。已获评的${who}不再推介，${replace}。`;
    case 'possible_winner':
      return reason === 'credit_code'
        ? `${stem}。同一主体的不同项目可以推介，请核实是否为${one}${IGNORE(one)}`
        : `${stem}，请核实是否为${one}${IGNORE(one)}`;
    case 'winner_elsewhere': {
      const by = record.organiserName ? `（${record.organiserName}）` : '';
      return `${stem}。该称号属${CAMPAIGN_LEVEL_LABELS[record.level]}${by}评选，本次活动只排除本级已获评的${who}，不影响推介，供组织单位参考。`;
    }
    case 'duplicate_nomination':
      return `${what}与本单位在本次活动中的另一条推介“${record.name}”${same}。${one}不能重复推介，请撤回其中一条。`;
    case 'also_nominated':
      return `${stem}。${one}在本次活动中只能由一个单位推介，请与相关单位核实。`;
    case 'possible_duplicate':
      return `${stem}，请核实是否为${one}${IGNORE(one)}`;
    case 'earlier_nomination':
      return `${stem}（${OUTCOME_TEXT[outcomeOf(record) as keyof typeof OUTCOME_TEXT]}）。只有入选的记录才限制再次推介，供组织单位参考。`;
  }
}

/** For a reader who may not see the record: that it exists, never whose it is; and whom to ask. */
function redactedMessage(kind: Kind, record: PreviousWinnerRecord, reason: MatchReason, ask?: string) {
  const { who, one, someone } = words(record.category);
  const label = CATEGORY_INFO[record.category].label;
  const what = WHAT[reason];
  const same = reason === 'similar_name' || reason === 'credit_code_and_name' ? '相同或相近' : '相同';
  const contact = ask ? `请与组织单位（${ask}）` : '请与组织单位';
  switch (kind) {
    case 'winner':
      return `该${who}已获评“${label}”（${what}${same}），已获评的${who}不再推介。如有疑问，${contact}联系。`;
    case 'possible_winner':
      return reason === 'credit_code'
        ? `该实施主体已有项目获评“${label}”。同一主体的不同项目可以推介，${contact}核实是否为${one}${IGNORE(one)}`
        : `${what}与${someone}${same}，${contact}核实是否为${one}${IGNORE(one)}`;
    case 'also_nominated':
      return `该${who}已由其他单位在本次活动中推介，${one}只能推介一次，${contact}联系。`;
    case 'possible_duplicate':
      return `${what}与本次活动中另一单位的推介${same}，${contact}核实是否为${one}${IGNORE(one)}`;
    case 'earlier_nomination':
      return `${what}与${describeRound(record)}${same}（${OUTCOME_TEXT[outcomeOf(record) as keyof typeof OUTCOME_TEXT]}），供组织单位参考。`;
    default:
      return detailedMessage(kind, record, reason);
  }
}

const FIELD: Record<MatchReason, string> = {
  id_number: 'idNumber',
  credit_code_and_name: 'creditCode',
  credit_code: 'creditCode',
  name_and_birth_date: 'name',
  name_and_unit: 'name',
  name_and_province: 'name',
  similar_name: 'name',
};

/** The finding one matching record gives this reader, or null when it has nothing to tell them. */
export function registryFinding(
  record: PreviousWinnerRecord,
  reason: MatchReason,
  context: RegistryContext,
): Finding | null {
  const kind = kindOf(record, reason, context.round);
  if (kind === null) return null;
  const { code, severity } = CODES[kind];
  const unit = context.audience === 'unit';
  if (unit && severity === 'info') return null;
  // Published lists are public; a unit's own nominations are its own.
  const own = context.round !== undefined && record.unitId === context.round.unitId;
  const listed = record.nominationId === undefined;
  const detailed = unit ? own : listed || (context.seesDetails?.(record) ?? true);
  const message = detailed
    ? detailedMessage(kind, record, reason)
    : redactedMessage(kind, record, reason, context.ask);
  return { code, severity, field: FIELD[reason], message };
}
