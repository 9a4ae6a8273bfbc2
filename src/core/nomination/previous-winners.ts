/**
 * 往年已获得“百姓学习之星”和“终身学习品牌项目”的人员和项目不再推介. A nominee is compared with the
 * registry of earlier winners (and, with the same function, with other nominations of any campaign):
 * - the same 身份证号 is the same person: an error;
 * - the same 统一社会信用代码 is the same entity, and with the same or a nearly the same programme name
 *   the same programme: an error. An entity may run several programmes, so the code alone is only a
 *   warning (a school that won with one programme may nominate another);
 * - the same name with the same birth date or the same unit, or a programme name that is nearly the
 *   same (match-text.ts), may be the same: a warning that shows the matching record, for a person to judge.
 * Records of the other category never match. Build the index once and match many candidates against it.
 */
import { CAMPAIGN_LEVEL_LABELS, type CampaignLevel, type Category } from '../campaign/rules.ts';
import { CATEGORY_INFO } from '../campaign/templates/common.ts';
import type { Finding, Severity } from '../findings.ts';
import { normaliseIdentifier } from '../identity/index.ts';
import {
  bigrams,
  normaliseForMatch,
  programmeKey,
  requiredSharedBigrams,
  similarKeys,
} from './match-text.ts';

export interface PreviousWinnerRecord {
  year: number;
  level: CampaignLevel;
  category: Category;
  /** 姓名 or 项目名称 */
  name: string;
  /** 省份 or the reporting unit, as shown in the published list. */
  province?: string;
  /** 工作单位 (stars) or 实施主体 (projects). */
  unit?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  idNumber?: string;
  creditCode?: string;
  /** Set when the record is another nomination, not a published result; matching skips the candidate itself. */
  nominationId?: string;
}

export interface MatchCandidate {
  category: Category;
  name?: string;
  /** YYYY-MM-DD, read from the 身份证号 for stars. */
  birthDate?: string;
  unit?: string;
  idNumber?: string;
  creditCode?: string;
  nominationId?: string;
}

export type MatchReason =
  | 'id_number'
  | 'credit_code_and_name'
  | 'credit_code'
  | 'name_and_birth_date'
  | 'name_and_unit'
  | 'similar_name';

/** A finding that carries the record it matched, so the screen can show it side by side. */
export type WinnerMatchFinding = Finding & { record: PreviousWinnerRecord; reason: MatchReason };

interface Prepared {
  name: string;
  key: string;
  unit: string;
  length: number;
}

export interface WinnerIndex {
  readonly records: readonly PreviousWinnerRecord[];
  readonly prepared: readonly Prepared[];
  readonly byIdNumber: Map<string, number[]>;
  readonly byCreditCode: Map<string, number[]>;
  /** `category|normalised name` (programme key for projects) → records. */
  readonly byName: Map<string, number[]>;
  /** Programme-key bigram → [record, count] pairs, for the fuzzy comparison of project names. */
  readonly bigramPostings: Map<string, Array<[number, number]>>;
  /** Shared-bigram counts per record, reused by every match (JavaScript runs one match at a time). */
  readonly scratch: Int32Array;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function buildWinnerIndex(records: readonly PreviousWinnerRecord[]): WinnerIndex {
  const index: WinnerIndex = {
    records,
    prepared: [],
    byIdNumber: new Map(),
    byCreditCode: new Map(),
    byName: new Map(),
    bigramPostings: new Map(),
    scratch: new Int32Array(records.length),
  };
  records.forEach((record, i) => {
    const name = normaliseForMatch(text(record.name));
    const key = record.category === 'project' ? programmeKey(text(record.name)) : name;
    (index.prepared as Prepared[]).push({
      name,
      key,
      unit: normaliseForMatch(text(record.unit)),
      length: [...key].length,
    });
    const id = normaliseIdentifier(text(record.idNumber));
    if (id !== '') push(index.byIdNumber, id, i);
    const code = normaliseIdentifier(text(record.creditCode));
    if (code !== '') push(index.byCreditCode, code, i);
    if (key !== '') push(index.byName, `${record.category}|${key}`, i);
    if (record.category === 'project') {
      for (const [pair, count] of bigrams(key)) {
        const postings = index.bigramPostings.get(pair);
        if (postings) postings.push([i, count]);
        else index.bigramPostings.set(pair, [[i, count]]);
      }
    }
  });
  return index;
}

/** Project records whose programme key is similar to `key`, found through shared bigrams. */
function similarProjects(index: WinnerIndex, key: string): number[] {
  const length = [...key].length;
  const shared = index.scratch;
  const touched: number[] = [];
  for (const [pair, count] of bigrams(key)) {
    for (const [record, recordCount] of index.bigramPostings.get(pair) ?? []) {
      if (shared[record] === 0) touched.push(record);
      shared[record]! += Math.min(count, recordCount);
    }
  }
  const found: number[] = [];
  for (const record of touched) {
    const other = index.prepared[record]!;
    if (shared[record]! >= requiredSharedBigrams(length, other.length) && similarKeys(key, other.key)) {
      found.push(record);
    }
    shared[record] = 0;
  }
  return found;
}

/** The strongest reason per matching record. */
function reasons(candidate: MatchCandidate, index: WinnerIndex): Map<number, MatchReason> {
  const found = new Map<number, MatchReason>();
  const note = (record: number, reason: MatchReason) => {
    if (!found.has(record)) found.set(record, reason);
  };
  const sameCategory = (i: number) => index.records[i]!.category === candidate.category;
  if (candidate.category === 'star') {
    const name = normaliseForMatch(text(candidate.name));
    const unit = normaliseForMatch(text(candidate.unit));
    const id = normaliseIdentifier(text(candidate.idNumber));
    for (const i of id === '' ? [] : (index.byIdNumber.get(id) ?? []))
      if (sameCategory(i)) note(i, 'id_number');
    for (const i of name === '' ? [] : (index.byName.get(`star|${name}`) ?? [])) {
      const record = index.records[i]!;
      if (candidate.birthDate && record.birthDate === candidate.birthDate) note(i, 'name_and_birth_date');
      else if (unit !== '' && index.prepared[i]!.unit === unit) note(i, 'name_and_unit');
    }
    return found;
  }
  const key = programmeKey(text(candidate.name));
  const similar = new Set(
    key === '' ? [] : [...(index.byName.get(`project|${key}`) ?? []), ...similarProjects(index, key)],
  );
  const code = normaliseIdentifier(text(candidate.creditCode));
  for (const i of code === '' ? [] : (index.byCreditCode.get(code) ?? [])) {
    if (sameCategory(i)) note(i, similar.has(i) ? 'credit_code_and_name' : 'credit_code');
  }
  for (const i of similar) note(i, 'similar_name');
  return found;
}

export function describeRecord(record: PreviousWinnerRecord): string {
  const level = CAMPAIGN_LEVEL_LABELS[record.level] ?? '';
  const where = [record.province, record.unit].filter((part) => part && part.trim() !== '').join('，');
  const what = `${record.year}年${level}“${CATEGORY_INFO[record.category].label}”`;
  const name = `“${record.name}”${where ? `（${where}）` : ''}`;
  return record.nominationId === undefined ? `${what}获评者${name}` : `${what}的推介${name}`;
}

const PERSON = { check: '请核实是否为同一人', rule: '已获评的人员不再推介，请更换推介对象' };
const PROGRAMME = { check: '请核实是否为同一项目', rule: '已获评的项目不再推介，请更换推介项目' };

function finding(record: PreviousWinnerRecord, reason: MatchReason): WinnerMatchFinding {
  const seen = describeRecord(record);
  const isNomination = record.nominationId !== undefined;
  const nominationRule = '同一对象不能重复推介，请与组织单位核实';
  const build = (severity: Severity, field: string, message: string): WinnerMatchFinding => {
    const codes = isNomination
      ? { error: 'DUPLICATE_NOMINATION', warning: 'POSSIBLE_DUPLICATE_NOMINATION' }
      : { error: 'DUPLICATE_WINNER', warning: 'POSSIBLE_PREVIOUS_WINNER' };
    return { code: codes[severity], severity, field, message, record, reason };
  };
  const ignore = '；如确非同一对象，可忽略此提示。';
  switch (reason) {
    case 'id_number':
      return build(
        'error',
        'idNumber',
        `身份证号与${seen}相同。${isNomination ? nominationRule : PERSON.rule}。`,
      );
    case 'credit_code_and_name':
      return build(
        'error',
        'creditCode',
        `统一社会信用代码与${seen}相同，项目名称也相同或相近。${isNomination ? nominationRule : PROGRAMME.rule}。`,
      );
    case 'credit_code':
      return build(
        'warning',
        'creditCode',
        `实施主体的统一社会信用代码与${seen}相同。同一主体的不同项目可以推介，${PROGRAMME.check}${ignore}`,
      );
    case 'name_and_birth_date':
      return build('warning', 'name', `姓名和出生日期与${seen}相同，${PERSON.check}${ignore}`);
    case 'name_and_unit':
      return build('warning', 'name', `姓名和工作单位与${seen}相同，${PERSON.check}${ignore}`);
    case 'similar_name':
      return build('warning', 'name', `项目名称与${seen}相同或相近，${PROGRAMME.check}${ignore}`);
  }
}

/**
 * Findings for one candidate, errors first, then by year (most recent first). Accepts an index or a
 * plain list (indexed on the fly; build the index once when matching many candidates).
 */
export function matchPreviousWinners(
  candidate: MatchCandidate,
  registry: WinnerIndex | readonly PreviousWinnerRecord[],
): WinnerMatchFinding[] {
  const index = Array.isArray(registry) ? buildWinnerIndex(registry) : (registry as WinnerIndex);
  const findings: WinnerMatchFinding[] = [];
  for (const [i, reason] of reasons(candidate, index)) {
    const record = index.records[i]!;
    if (candidate.nominationId !== undefined && record.nominationId === candidate.nominationId) continue;
    findings.push(finding(record, reason));
  }
  const rank = (f: WinnerMatchFinding) => (f.severity === 'error' ? 0 : 1);
  return findings.sort((a, b) => rank(a) - rank(b) || b.record.year - a.record.year);
}
