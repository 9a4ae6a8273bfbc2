/**
 * Spreadsheet bombs sent to the real server (issue #15): refused with a stable code and a message that
 * says what to fix, nothing imported, and the server answering `/api/health` while it reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, loginAs, type Session, type TestApp } from '#test/support/app.ts';
import { lyingXlsxBomb, xlsxBomb } from '#test/support/spreadsheet-bombs.ts';

let t: TestApp;
let cace: Session;

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  cace = await loginAs(t, 'cace-admin');
});
afterAll(() => t.close());

function upload(path: string, file: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), '名单.xlsx');
  return fetch(`${t.url}${path}`, { method: 'POST', headers: as(cace), body: form });
}

const count = async (table: 'previousWinners' | 'accounts') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a spreadsheet bomb', () => {
  it('is refused by the winners import while /api/health keeps answering, and nothing is imported', async () => {
    const bomb = await lyingXlsxBomb(216);
    const before = await count('previousWinners');
    let answered = false;
    const importing = upload('/api/previous-winners/import?year=2023', bomb).finally(() => {
      answered = true;
    });
    const health: number[] = [];
    while (!answered) health.push((await fetch(`${t.url}/api/health`)).status);
    const response = await importing;
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'SPREADSHEET_TOO_LARGE',
      message: expect.stringMatching(/^表格过大：解压后超过 48 MB。请只保留一个工作表、不超过 20000 行/),
    });
    // Answered again and again while the bomb was read, never refused.
    expect(health.length).toBeGreaterThan(3);
    expect(new Set(health)).toEqual(new Set([200]));
    expect(await count('previousWinners')).toBe(before);
  });

  it('is refused by the accounts import, which creates nothing', async () => {
    const before = await count('accounts');
    const response = await upload('/api/imports/accounts', await xlsxBomb(216));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'SPREADSHEET_TOO_LARGE',
      message: expect.stringMatching(/^表格过大：.*不超过 5000 行/),
    });
    expect(await count('accounts')).toBe(before);
  });
});
