/**
 * Experts imported into a campaign's pool from a workbook, in the style of the accounts import: one row
 * per expert, either an existing expert account (by its username) or a new one (username, name; made in
 * the organiser's organisation with a one-time password returned once). All rows or nothing: every
 * problem is reported with its row number and nothing is stored when there is one.
 */
import { sql } from 'kysely';
import { todayInShanghai } from '#core/calendar/today.ts';
import { ExpertFactsBody, NewExpertAccount } from '#core/contract/review-setup.ts';
import { helpSheet } from '#core/documents/help-sheet.ts';
import type { SheetTable } from '#core/documents/organiser-tables.ts';
import { provinceCode } from '#core/nomination/province-code.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';
import { readSpreadsheet } from '#server/platform/documents/spreadsheet/read-spreadsheet.ts';
import { AppError } from '#server/platform/errors.ts';
import { insertAccount } from '../accounts/service.ts';
import { findOrganisationById } from '../organisations/service.ts';
import { recomputeConflicts } from './conflicts-recompute.ts';
import { expertFactsFindings } from './experts-facts.ts';
import { addToPool, invitableAccount } from './experts-invite.ts';
import { assertSetupOpen, managedCampaign } from './pool-context.ts';

export const EXPERT_COLUMNS = [
  '用户名',
  '姓名',
  '评审组',
  '组长',
  '工作单位',
  '统一社会信用代码',
  '省份',
  '专业领域',
  '身份证号',
  '最低工作量',
  '最高工作量',
  '联系电话',
  '邮箱',
] as const;
type Column = (typeof EXPERT_COLUMNS)[number];
const MAX_ROWS = 2000;

const PANELS: Record<string, 'star' | 'project'> = {
  百姓学习之星: 'star',
  之星: 'star',
  终身学习品牌项目: 'project',
  品牌项目: 'project',
};

interface RowFinding {
  code: string;
  severity: 'error';
  field: string;
  message: string;
  row: number;
}

function invalid(findings: RowFinding[]) {
  return new AppError(
    'IMPORT_INVALID',
    `导入文件有 ${findings.length} 处错误，未导入任何专家。请修改后重新上传。`,
    {
      findings,
    },
  );
}

async function readRows(buffer: Buffer) {
  const sheet = await readSpreadsheet(buffer, { filename: 'experts.xlsx', maxRows: MAX_ROWS }).catch(
    (error: unknown) => {
      if (!(error instanceof AppError) || error.code !== 'IMPORT_INVALID') throw error;
      throw invalid([
        { code: 'IMPORT_NOT_XLSX', severity: 'error', field: '', row: 0, message: error.message },
      ]);
    },
  );
  const header = EXPERT_COLUMNS.map((_, i) => (sheet[0]?.number === 1 ? (sheet[0].cells[i] ?? '') : ''));
  const wrong = EXPERT_COLUMNS.findIndex((c, i) => header[i] !== c);
  if (wrong >= 0)
    throw invalid([
      {
        code: 'IMPORT_HEADER',
        severity: 'error',
        field: EXPERT_COLUMNS[wrong]!,
        row: 1,
        message: `表头与模板不一致：第 ${wrong + 1} 列应为「${EXPERT_COLUMNS[wrong]}」，请使用下载的模板填写`,
      },
    ]);
  const rows: { row: number; cells: Record<Column, string> }[] = [];
  for (const row of sheet) {
    if (row.number === 1) continue;
    const values = EXPERT_COLUMNS.map((_, i) => row.cells[i] ?? '');
    if (values.every((v) => v === '')) continue;
    rows.push({
      row: row.number,
      cells: Object.fromEntries(EXPERT_COLUMNS.map((c, i) => [c, values[i] ?? ''])) as Record<Column, string>,
    });
  }
  if (rows.length === 0)
    throw invalid([
      { code: 'IMPORT_EMPTY', severity: 'error', field: '', row: 0, message: '表格中没有数据行' },
    ]);
  return rows;
}

const number = (text: string) => (text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN);

function factsOf(cells: Record<Column, string>) {
  const split = (text: string) => text.split(/[、,，;；\s]+/).filter(Boolean);
  const province = cells.省份 ? (provinceCode(cells.省份) ?? cells.省份) : null;
  return ExpertFactsBody.safeParse({
    panels: split(cells.评审组).map((p) => PANELS[p] ?? p),
    chairOf: split(cells.组长).map((p) => PANELS[p] ?? p),
    employerName: cells.工作单位 || null,
    employerCreditCode: cells.统一社会信用代码 || null,
    province,
    field: cells.专业领域,
    idNumber: cells.身份证号 || null,
    minLoad: number(cells.最低工作量),
    maxLoad: number(cells.最高工作量) ?? null,
  });
}

const COLUMN_OF: Record<string, Column> = {
  panels: '评审组',
  chairOf: '组长',
  employerName: '工作单位',
  employerCreditCode: '统一社会信用代码',
  province: '省份',
  field: '专业领域',
  idNumber: '身份证号',
  minLoad: '最低工作量',
  maxLoad: '最高工作量',
  username: '用户名',
  displayName: '姓名',
  phone: '联系电话',
  email: '邮箱',
};

export async function importExperts(db: Db, actor: Actor, campaignId: string, file: Buffer, now: Date) {
  const today = todayInShanghai(now);
  const campaign = await managedCampaign(db, actor, campaignId);
  assertSetupOpen(campaign);
  const rows = await readRows(file);
  const findings: RowFinding[] = [];
  const fail = (row: number, field: string, message: string) =>
    findings.push({ code: 'IMPORT_ROW', severity: 'error', field, row, message });
  const planned = rows.flatMap(({ row, cells }) => {
    const facts = factsOf(cells);
    if (!facts.success) {
      for (const issue of facts.error.issues) {
        const column = COLUMN_OF[String(issue.path[0])] ?? '';
        const message =
          issue.code === 'invalid_value' && (column === '评审组' || column === '组长')
            ? `${column}应为「百姓学习之星」或「终身学习品牌项目」（多个用顿号分隔）`
            : issue.code === 'invalid_type' && column.includes('工作量')
              ? `${column}应为整数`
              : issue.message;
        fail(row, column, `第 ${row} 行「${column}」：${message}`);
      }
      return [];
    }
    for (const f of expertFactsFindings(facts.data, { today, chairs: [] }))
      fail(row, COLUMN_OF[f.field] ?? '', `第 ${row} 行：${f.message}`);
    return [{ row, cells, facts: facts.data }];
  });
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const key = cells.用户名.toLowerCase();
    if (!key) fail(row, '用户名', `第 ${row} 行：请填写用户名`);
    else if (seen.has(key))
      fail(row, '用户名', `第 ${row} 行：用户名「${cells.用户名}」与第 ${seen.get(key)} 行重复`);
    seen.set(key, row);
  }
  if (findings.length > 0) throw invalid(findings);

  return db.transaction().execute(async (trx) => {
    const locked = await managedCampaign(trx, actor, campaign.id, true);
    const organiser = (await findOrganisationById(trx, locked.organiserId))!;
    const accounts: { username: string; displayName: string; initialPassword: string }[] = [];
    for (const { row, cells, facts } of planned) {
      try {
        const existing = await trx
          .selectFrom('accounts')
          .select('id')
          .where(sql`lower(username)`, '=', cells.用户名.toLowerCase())
          .executeTakeFirst();
        let account: { id: string; displayName: string };
        if (existing) account = await invitableAccount(trx, actor, existing.id);
        else {
          const fresh = NewExpertAccount.safeParse({
            username: cells.用户名,
            displayName: cells.姓名,
            phone: cells.联系电话 || null,
            email: cells.邮箱 || null,
          });
          if (!fresh.success) {
            for (const issue of fresh.error.issues)
              fail(row, COLUMN_OF[String(issue.path[0])] ?? '', `第 ${row} 行：${issue.message}`);
            continue;
          }
          const made = await insertAccount(trx, actor, organiser, {
            username: fresh.data.username,
            displayName: fresh.data.displayName,
            roles: ['expert'],
            phone: fresh.data.phone,
          });
          if (fresh.data.email)
            await trx
              .updateTable('accounts')
              .set({ email: fresh.data.email })
              .where('id', '=', made.account.id)
              .execute();
          account = made.account;
          accounts.push({
            username: made.account.username,
            displayName: made.account.displayName,
            initialPassword: made.initialPassword,
          });
        }
        await addToPool(trx, actor, locked, account, facts, today);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        fail(row, '用户名', `第 ${row} 行：${e.message}`);
      }
    }
    // All or nothing: a row refused while writing rolls back every row before it.
    if (findings.length > 0) throw invalid(findings);
    await recomputeConflicts(trx, locked.id, today, actor);
    return { imported: planned.length, findings: [], accounts };
  });
}

export function buildExpertTemplate(): Promise<Buffer> {
  const example = [
    'wang-expert',
    '王专家',
    '百姓学习之星、终身学习品牌项目',
    '',
    '东北师范大学',
    '',
    '吉林省',
    '成人教育',
    '',
    '0',
    '40',
    '',
    '',
  ];
  const sheet: SheetTable = {
    sheetName: '评审专家',
    columns: EXPERT_COLUMNS.map((header) => ({
      header,
      field: header,
      width: header === '评审组' || header === '工作单位' ? 30 : 16,
      text: header === '身份证号' || header === '联系电话' || header === '统一社会信用代码',
    })),
    rows: [Object.fromEntries(EXPERT_COLUMNS.map((header, i) => [header, example[i] ?? '']))],
  };
  return renderTablesXlsx([
    sheet,
    helpSheet([
      '每行一名专家。用户名已存在且为评审专家账号时，直接加入本次活动的专家库；不存在时新建评审专家账号。',
      '新建的账号属于组织单位，系统生成一次性初始密码，导入后显示一次，首次登录须修改。',
      '评审组、组长可填：百姓学习之星、终身学习品牌项目（多个用顿号分隔）；组长须在该评审组中，每个评审组只设一名组长。',
      '省份填省级名称（如 吉林省）或两位行政区划代码（如 22）；身份证号、统一社会信用代码用于回避核对，可不填。',
      '任何一行有错误时，整个文件都不会导入；请按错误提示修改后重新上传。',
    ]),
  ]);
}
