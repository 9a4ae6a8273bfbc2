import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '#server/modules/accounts/import-rows.ts';
import { as, createTestApp, login, loginAs, type Session, type TestApp } from '#test/support/app.ts';

let t: TestApp;
let jilin: Session;

beforeAll(async () => {
  t = await createTestApp();
  jilin = await loginAs(t, 'jilin-admin');
});
afterAll(() => t.close());

async function workbook(rows: string[][], header: readonly string[] = IMPORT_COLUMNS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('组织与账号');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(file: Buffer, name = '导入.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  return t.app.inject({ method: 'POST', url: '/api/imports/accounts', headers: as(jilin), payload: form });
}

const counts = async () => ({
  organisations: Number(
    (
      await t.database.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  accounts: Number(
    (
      await t.database.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('import of organisations and accounts', () => {
  it('serves a template whose header the import accepts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/imports/accounts/template',
      headers: as(jilin),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('组织与账号导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...IMPORT_COLUMNS]);
    // The example's phone keeps its leading 0: the column is text, as the official types it.
    const phone = IMPORT_COLUMNS.indexOf('联系电话') + 1;
    expect(sheet.getRow(2).getCell(phone).value).toBe('0431-88888888');
    expect(sheet.getColumn(phone).numFmt).toBe('@');
    expect(String(wb.getWorksheet('填写说明')!.getRow(4).getCell(1).value)).toMatch(/^单位类型可选：/);
  });

  it('reports every bad row with its row number and column, and imports nothing', async () => {
    const before = await counts();
    const file = await workbook([
      ['吉林省教育厅', '吉林省社区教育指导中心', '相关单位', '', 'jl-community', '赵老师', '单位填报员', ''],
      ['火星教育厅', '某单位', '相关单位', '', '', '', '', ''],
      ['吉林省教育厅', '某大学', '外星单位', '12345', 'jl-univ', '钱老师', '校长', ''],
      ['吉林省教育厅', '另一单位', '高等学校', '', 'jl-community', '孙老师', '单位填报员', 'abc'],
    ]);
    const response = await upload(file);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('IMPORT_INVALID');
    const where = body.details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '3:上级单位',
        '4:单位类型',
        '4:行政区划代码',
        '4:角色',
        '5:用户名',
        '5:联系电话',
      ]),
    );
    expect(where).not.toContain('2:上级单位');
    expect(await counts()).toEqual(before);
  });

  it('imports a good file in order: a new unit, its child, and their accounts with one-time passwords', async () => {
    const before = await counts();
    const file = await workbook([
      ['吉林省教育厅', '吉林省社区教育指导中心', '相关单位', '', 'jl-community', '赵老师', '单位填报员', ''],
      [
        '吉林省社区教育指导中心',
        '长春市社区大学',
        '相关单位',
        '220100',
        'cc-community',
        '钱老师',
        '单位填报员、评审专家',
        '0431-88886666',
      ],
      ['吉林省教育厅', '长春市教育局', '市（州）教育局', '220100', 'cc-second', '孙老师', '单位填报员', ''],
    ]);
    const response = await upload(file);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.organisationsCreated).toBe(2);
    expect(body.accounts.map((a: { username: string }) => a.username)).toEqual([
      'jl-community',
      'cc-community',
      'cc-second',
    ]);
    expect(await counts()).toEqual({
      organisations: before.organisations + 2,
      accounts: before.accounts + 3,
    });
    const session = await login(t.app, 'cc-community', body.accounts[1].initialPassword);
    expect(session.cookie).toContain('tuijie_session=');
  });

  it('rolls everything back when a row meets a conflict only visible while writing', async () => {
    const before = await counts();
    const file = await workbook([
      ['吉林省教育厅', '吉林省职业教育研究所', '相关单位', '', 'jl-vocational', '周老师', '单位填报员', ''],
      ['吉林省教育厅', '吉林省函授学院', '相关单位', '', 'cc-community', '吴老师', '单位填报员', ''],
    ]);
    const response = await upload(file);
    expect(response.statusCode).toBe(422);
    expect(response.json().details.errors).toEqual([expect.objectContaining({ row: 3, column: '用户名' })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not a workbook, and one with the wrong header', async () => {
    const notXlsx = await upload(Buffer.from('name,type\n某单位,相关单位\n'), 'units.csv');
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.json().message).toContain('不是有效的 Excel');
    const wrongHeader = await upload(await workbook([['a']], ['单位', '类型']));
    expect(wrongHeader.statusCode).toBe(422);
    expect(wrongHeader.json().details.errors[0]).toMatchObject({ row: 1, column: '上级单位' });
  });

  it('reads files up to 5 MB and refuses a larger one', async () => {
    const within = await upload(Buffer.alloc(3 * 1024 * 1024, 1));
    expect(within.statusCode).toBe(422);
    const response = await upload(Buffer.alloc(6 * 1024 * 1024, 1));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});
