/**
 * 往年已获得“百姓学习之星”和“终身学习品牌项目”的人员和项目不再推介. A nominee is compared with the
 * registry: published lists of earlier winners, and every nomination of any campaign that was submitted.
 * This file finds which records match and why:
 * - the same 身份证号 is the same person; the same 统一社会信用代码 with the same or nearly the same
 *   programme name is the same programme (strong matches);
 * - the same 统一社会信用代码 alone (an entity runs several programmes), the same name with the same
 *   birth date, the same workplace, or, when a list gives no workplace, the same province, and a
 *   programme name that is nearly the same (match-text.ts) may be the same (weak matches).
 * What a match means (an error, a warning, a line for the organiser only) depends on how the record
 * ended and in which round, and what it may say depends on who reads it: registry-findings.ts.
 * Records of the other category never match. Build the index once and match many candidates against it.
 */
import type { CampaignLevel, Category } from '../campaign/rules.ts';
import type { Finding } from '../findings.ts';
import { normaliseIdentifier } from '../identity/index.ts';
import {
  bigrams,
  personKey,
  programmeKey,
  requiredSharedBigrams,
  sameUnit,
  similarKeys,
} from './match-text.ts';
import { type RegistryContext, registryFinding } from './registry-findings.ts';

export type { RegistryContext } from './registry-findings.ts';
export { describeRecord } from './registry-findings.ts';

/**
 * How a record ended: a published list and a nomination 入选 (or forwarded on) are `won`; a nomination
 * still in its round is `in_progress`; `not_selected` and `withdrawn` ended without the title.
 */
export type RecordOutcome = 'won' | 'in_progress' | 'not_selected' | 'withdrawn';

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
  /** Two-digit province code (GB/T 2260) of the record's province, when known (province.ts). */
  provinceCode?: string;
  /** Who ran the round: for a list, the organiser that keeps it; for a nomination, its campaign's organiser. */
  organiserId?: string;
  organiserName?: string;
  /** Set when the record is another nomination, not a published result; matching skips the candidate itself. */
  nominationId?: string;
  campaignId?: string;
  /** The nominating unit, for a nomination. */
  unitId?: string;
  /** Defaults to `won` for a list and `in_progress` for a nomination. */
  outcome?: RecordOutcome;
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
  /** Two-digit province code of the nominating unit, for lists that give a name and a province only. */
  provinceCode?: string;
}

export type MatchReason =
  | 'id_number'
  | 'credit_code_and_name'
  | 'credit_code'
  | 'name_and_birth_date'
  | 'name_and_unit'
  | 'name_and_province'
  | 'similar_name';

/** The same person or programme for certain; the other reasons only say it may be. */
export const STRONG_REASONS: ReadonlySet<MatchReason> = new Set(['id_number', 'credit_code_and_name']);

/**
 * A finding that carries the record it matched, for the organiser's screen and for tests. The record
 * holds another person's data: only the plain finding (`plainFinding`) may leave the server.
 */
export type WinnerMatchFinding = Finding & { record: PreviousWinnerRecord; reason: MatchReason };

export function plainFinding({ code, severity, field, message }: Finding): Finding {
  return { code, severity, field, message };
}

interface Prepared {
  /** The person's name without notes, or the programme key. */
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
    const key =
      record.category === 'project' ? programmeKey(text(record.name)) : personKey(text(record.name));
    (index.prepared as Prepared[]).push({
      key,
      unit: personKey(text(record.unit)),
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

/**
 * A list that gives only a name and a province: the same name in the same province may be the same
 * person, unless a birth date or an ID number on both sides says otherwise.
 */
function sameProvinceMaybeSamePerson(candidate: MatchCandidate, record: PreviousWinnerRecord, id: string) {
  if (!candidate.provinceCode || record.provinceCode !== candidate.provinceCode) return false;
  if (candidate.birthDate && record.birthDate && record.birthDate !== candidate.birthDate) return false;
  const recordId = normaliseIdentifier(text(record.idNumber));
  return id === '' || recordId === '' || recordId === id;
}

/** The strongest reason per matching record. */
function reasons(candidate: MatchCandidate, index: WinnerIndex): Map<number, MatchReason> {
  const found = new Map<number, MatchReason>();
  const note = (record: number, reason: MatchReason) => {
    if (!found.has(record)) found.set(record, reason);
  };
  const sameCategory = (i: number) => index.records[i]!.category === candidate.category;
  if (candidate.category === 'star') {
    const name = personKey(text(candidate.name));
    const unit = personKey(text(candidate.unit));
    const id = normaliseIdentifier(text(candidate.idNumber));
    for (const i of id === '' ? [] : (index.byIdNumber.get(id) ?? []))
      if (sameCategory(i)) note(i, 'id_number');
    for (const i of name === '' ? [] : (index.byName.get(`star|${name}`) ?? [])) {
      const record = index.records[i]!;
      const recordUnit = index.prepared[i]!.unit;
      if (candidate.birthDate && record.birthDate === candidate.birthDate) note(i, 'name_and_birth_date');
      else if (sameUnit(unit, recordUnit)) note(i, 'name_and_unit');
      else if (recordUnit === '' && sameProvinceMaybeSamePerson(candidate, record, id))
        note(i, 'name_and_province');
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

/**
 * Findings for one candidate, errors first, then by year (most recent first). Accepts an index or a
 * plain list (indexed on the fly; build the index once when matching many candidates). The context
 * says in which round the candidate stands, which nominations are its own forwarding chain, and who
 * reads the findings; without it every winner blocks and everything is said in full.
 */
export function matchPreviousWinners(
  candidate: MatchCandidate,
  registry: WinnerIndex | readonly PreviousWinnerRecord[],
  context: RegistryContext = {},
): WinnerMatchFinding[] {
  const index = Array.isArray(registry) ? buildWinnerIndex(registry) : (registry as WinnerIndex);
  const findings: WinnerMatchFinding[] = [];
  for (const [i, reason] of reasons(candidate, index)) {
    const record = index.records[i]!;
    if (record.nominationId !== undefined) {
      if (record.nominationId === candidate.nominationId) continue;
      // A forwarded copy and its source are one nomination moving up the levels, not two.
      if (context.related?.has(record.nominationId)) continue;
    }
    const finding = registryFinding(record, reason, context);
    if (finding) findings.push({ ...finding, record, reason });
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity] || b.record.year - a.record.year);
}
