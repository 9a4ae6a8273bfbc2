/**
 * Issue 10, item 7: the registry of previous winners as organisers keep it. Every cell is read as text
 * (CSV in GB18030 and UTF-8, XLSX with number cells), records are listed, corrected and deleted with an
 * audit row, importing a file twice adds nothing, and a file without years takes one chosen for it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WINNER_COLUMNS, winnerNaturalKey } from '#core/nomination/winner-import.ts';
import { dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { openColumn } from '#server/platform/personal-data/sealed-column.ts';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { idNumber } from '#test/support/nominations.ts';
import { accountIn, uploadWinners, winnerSheet } from '#test/support/registry.ts';

let t: TestApp;
let cace: Session;
let jilin: Session;
let changchun: Session;

const fixture = (name: string) => readFile(path.resolve(import.meta.dirname, '../../fixtures', name));
// In the fixtures: an ID and an all-digit credit code that a number cannot hold (2^53 has 16 digits).
const LONG_ID = '220102198001015008';
const DIGIT_CODE = '122200004123456761';

beforeAll(async () => {
  t = await createTestApp();
  cace = await loginAs(t, 'cace-admin');
  jilin = await loginAs(t, 'jilin-admin');
  changchun = await loginAs(t, 'changchun');
});
afterAll(() => t.close());

const send = (s: Session, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: as(s), payload });
const list = async (s: Session, query = '') => (await send(s, 'GET', `/api/previous-winners${query}`)).json();
/** The records as kept, their sealed ID numbers opened (decision 0016). */
const stored = async () =>
  (
    await t.database.db
      .selectFrom('previousWinners')
      .select(['name', 'year', 'idNumberSealed', 'creditCode', 'organisationId'])
      .orderBy('name')
      .execute()
  ).map(({ idNumberSealed, ...w }) => ({
    ...w,
    idNumber: openColumn('idNumber', idNumberSealed, dataKeys()),
  }));

describe('every cell is read as text', () => {
  it.each([
    ['GB18030 (Excel on Chinese Windows)', 'winners-long-numbers-gb18030.csv'],
    ['UTF-8 with a byte-order mark', 'winners-long-numbers-utf8.csv'],
  ])('a CSV in %s keeps 18-digit IDs and all-digit credit codes whole', async (_, file) => {
    const response = await uploadWinners(t, cace, await fixture(file), file);
    expect(response.statusCode, response.body).toBe(200);
    const rows = await stored();
    expect(rows.find((r) => r.name === '钱秀英')?.idNumber).toBe(LONG_ID);
    expect(rows.find((r) => r.name === '“乐龄学堂”老年教育')?.creditCode).toBe(DIGIT_CODE);
    // The second file is the same list: nothing is added twice.
    expect(rows).toHaveLength(2);
  });

  it('an XLSX whose cells are numbers: years read, an ID held as a number is refused as such', async () => {
    const numbers = await winnerSheet([
      [2021, '全国', '百姓学习之星', '孙立', '吉林省', '某社区', Number(LONG_ID), ''],
      [2021, '全国', '终身学习品牌项目', '书香驿站', '吉林省', '某图书馆', '', Number(DIGIT_CODE)],
    ]);
    const refused = await uploadWinners(t, cace, numbers, '数字格式.xlsx');
    expect(refused.statusCode).toBe(422);
    const errors = refused.json().details.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:身份证号', '3:统一社会信用代码']);
    expect(errors[0]!.message).toContain('被表格软件存成了数字');
    expect(errors[0]!.message).toContain('设为“文本”');

    const asText = await winnerSheet([
      [2021, '全国', '百姓学习之星', '孙立', '吉林省', '某社区', idNumber(601), ''],
    ]);
    const imported = await uploadWinners(t, cace, asText, '文本格式.xlsx');
    expect(imported.json()).toEqual({ imported: 1, updated: 0, unchanged: 0 });
    expect((await stored()).find((r) => r.name === '孙立')?.year).toBe(2021);
  });
});

describe('the template', () => {
  it('keeps the ID number and credit code columns as text, so Excel keeps every digit', async () => {
    const response = await send(jilin, 'GET', '/api/previous-winners/template');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const heading = (sheet.getRow(1).values as string[]).slice(1);
    for (const column of ['身份证号', '统一社会信用代码'])
      expect(sheet.getColumn(heading.indexOf(column) + 1).numFmt, column).toBe('@');
    expect(heading).toEqual(Object.values(WINNER_COLUMNS));
    expect(sheet.getRow(2).getCell(4).value).toBe('王秀兰');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const help = workbook.getWorksheet('填写说明')!;
    expect(help.getRow(1).getCell(1).value).toBe('说明');
    expect(String(help.getRow(3).getCell(1).value)).toContain('须为“文本”格式');
  });
});

describe('importing again', () => {
  it('the same file twice adds nothing; a corrected file updates its records', async () => {
    const rows = [
      [2023, '全国', '百姓学习之星', '周敏', '吉林省', '长春市某街道', idNumber(602), ''],
      [2023, '全国', '百姓学习之星', '吴刚', '吉林省', '', '', ''],
    ];
    const first = await uploadWinners(t, cace, await winnerSheet(rows), '2023.xlsx');
    expect(first.json()).toEqual({ imported: 2, updated: 0, unchanged: 0 });
    const before = (await list(cace)).total;
    const again = await uploadWinners(t, cace, await winnerSheet(rows), '2023.xlsx');
    expect(again.json()).toEqual({ imported: 0, updated: 0, unchanged: 2 });
    expect((await list(cace)).total).toBe(before);
    rows[0]![5] = '长春市朝阳区某街道';
    const corrected = await uploadWinners(t, cace, await winnerSheet(rows), '2023更正.xlsx');
    expect(corrected.json()).toEqual({ imported: 0, updated: 1, unchanged: 1 });
    expect((await list(cace, '?q=周敏')).items[0].workUnit).toBe('长春市朝阳区某街道');
  });

  it('the database’s natural key is the one core reports duplicates by', async () => {
    const rows = await t.database.db.selectFrom('previousWinners').selectAll().execute();
    expect(rows.length).toBeGreaterThan(3);
    for (const w of rows) {
      const core = winnerNaturalKey({
        year: w.year,
        level: w.level,
        category: w.category,
        name: w.name,
        province: w.provinceOrUnit ?? undefined,
        unit: w.workUnit ?? undefined,
        // A person is keyed by the hash of the number: the number itself is not kept.
        idNumber: w.idNumberHash ?? undefined,
        creditCode: w.creditCode ?? undefined,
      });
      expect(core).toBe(`${w.year}|${w.level}|${w.category}|${w.naturalKey}`);
    }
  });

  it('a file without years takes the year chosen for it, and says so when none is chosen', async () => {
    const headings = ['级别', '类别', '姓名', '省份或单位'];
    const sheet = await winnerSheet([['省级', '百姓学习之星', '郑红', '吉林省']], headings);
    const missing = await uploadWinners(t, jilin, sheet, '无年度.xlsx');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().details.errors[0].message).toContain('在导入时选择这份名单的年度');
    expect((await list(jilin, '?q=郑红')).total).toBe(0);
    const badYear = await uploadWinners(t, jilin, sheet, '无年度.xlsx', 1999);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().message).toMatch(/年/);
    const imported = await uploadWinners(t, jilin, sheet, '无年度.xlsx', 2024);
    expect(imported.json()).toEqual({ imported: 1, updated: 0, unchanged: 0 });
    expect((await list(jilin, '?q=郑红')).items[0]).toMatchObject({ year: 2024, level: 'provincial' });
  });
});

describe('the list', () => {
  it('pages, searches by name or whole ID number, and masks ID numbers', async () => {
    const page = await list(cace, '?pageSize=2&page=1');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const byId = await list(cace, `?q=${idNumber(602)}`);
    expect(byId.items.map((w: { name: string }) => w.name)).toEqual(['周敏']);
    expect(byId.items[0].idNumber).not.toBe(idNumber(602));
    expect((await list(cace, '?year=2024')).items.map((w: { name: string }) => w.name)).toEqual(['郑红']);
    expect((await send(changchun, 'GET', '/api/previous-winners')).statusCode).toBe(403);
  });

  it('an organiser sees its own records and those above it, and may change only its own', async () => {
    const zhejiangAdmin = await accountIn(t, cace, '浙江省教育厅', 'zhejiang-admin', ['organiser_admin']);
    await uploadWinners(
      t,
      zhejiangAdmin,
      await winnerSheet([[2022, '省级', '百姓学习之星', '冯静', '浙江省', '杭州市某社区', '', '']]),
      '浙江.xlsx',
    );
    const seen = (await list(jilin, '?pageSize=200')).items as { name: string; editable: boolean }[];
    expect(seen.find((w) => w.name === '郑红')?.editable).toBe(true);
    expect(seen.find((w) => w.name === '周敏')?.editable).toBe(false);
    expect(seen.some((w) => w.name === '冯静')).toBe(false);
    expect(((await list(cace, '?q=冯静')).items as { editable: boolean }[])[0]?.editable).toBe(true);
  });
});

describe('correcting and deleting a record', () => {
  const audit = (action: string) =>
    t.database.db.selectFrom('auditLog').selectAll().where('action', '=', action).execute();

  it('corrects a record with the checks an import makes, refuses a stale or bad one, and audits it', async () => {
    const record = (await list(jilin, '?q=郑红')).items[0];
    const body = {
      year: 2024,
      level: 'provincial',
      category: 'star',
      name: '郑红',
      provinceOrUnit: '吉林省',
      workUnit: '延吉市某社区（退休）',
      idNumber: idNumber(603),
      version: record.version,
    };
    const bad = await send(jilin, 'PUT', `/api/previous-winners/${record.id}`, { ...body, level: '区级' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('级别');
    const saved = await send(jilin, 'PUT', `/api/previous-winners/${record.id}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().winner).toMatchObject({
      workUnit: '延吉市某社区（退休）',
      version: record.version + 1,
    });
    expect(saved.json().winner.idNumber).not.toBe(idNumber(603));
    const stale = await send(jilin, 'PUT', `/api/previous-winners/${record.id}`, body);
    expect(stale.json().code).toBe('STALE_VERSION');
    // Left out, the ID number stays as it was.
    const { idNumber: _, ...withoutId } = body;
    const kept = await send(jilin, 'PUT', `/api/previous-winners/${record.id}`, {
      ...withoutId,
      version: record.version + 1,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await stored()).find((r) => r.name === '郑红')?.idNumber).toBe(idNumber(603));
    const [entry] = await audit('winners.corrected');
    expect(entry).toMatchObject({ entityId: record.id, actorName: '吉林省教育厅职成处' });
    expect(JSON.stringify(entry!.after)).not.toContain(idNumber(603));
  });

  it('refuses to change or delete another organiser’s record', async () => {
    const national = (await list(jilin, '?q=周敏')).items[0];
    const put = await send(jilin, 'PUT', `/api/previous-winners/${national.id}`, {
      year: 2023,
      level: 'national',
      category: 'star',
      name: '周敏',
      version: national.version,
    });
    expect(put.statusCode).toBe(403);
    expect(put.json().message).toContain('中国成人教育协会');
    expect((await send(jilin, 'DELETE', `/api/previous-winners/${national.id}`)).statusCode).toBe(403);
    expect((await send(changchun, 'DELETE', `/api/previous-winners/${national.id}`)).statusCode).toBe(404);
  });

  it('deletes a record and keeps what it was in the audit log', async () => {
    const record = (await list(jilin, '?q=郑红')).items[0];
    expect((await send(jilin, 'DELETE', `/api/previous-winners/${record.id}`)).statusCode).toBe(204);
    expect((await list(jilin, '?q=郑红')).total).toBe(0);
    const [entry] = await audit('winners.deleted');
    expect(entry).toMatchObject({ entityId: record.id });
    expect(JSON.stringify(entry!.before)).toContain('郑红');
  });
});
