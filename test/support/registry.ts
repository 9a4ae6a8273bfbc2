/** Registry tests: winner lists as organisers upload them, more reporting units, another round. */
import ExcelJS from 'exceljs';
import { WINNER_COLUMNS } from '#core/nomination/winner-import.ts';
import { as, login, type Session, type TestApp } from './app.ts';

/** An .xlsx with the template's headings (or `headings`) and these rows, cells as given (text or number). */
export async function winnerSheet(
  rows: (string | number)[][],
  headings: string[] = Object.values(WINNER_COLUMNS),
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function uploadWinners(t: TestApp, session: Session, file: Buffer, name: string, year?: number) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  return t.app.inject({
    method: 'POST',
    url: `/api/previous-winners/import${year === undefined ? '' : `?year=${year}`}`,
    headers: as(session),
    payload: form,
  });
}

/** An account of the named organisation (a submitter unless `roles` say otherwise), made by an admin above it, logged in. */
export async function accountIn(
  t: TestApp,
  admin: Session,
  organisationName: string,
  username: string,
  roles: string[] = ['unit_submitter'],
): Promise<Session> {
  const org = await t.database.db
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', organisationName)
    .executeTakeFirstOrThrow();
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: as(admin),
    payload: {
      username,
      displayName: `${organisationName}${roles.includes('organiser_admin') ? '管理员' : '填报员'}`,
      organisationId: org.id,
      roles,
    },
  });
  if (created.statusCode !== 201 && created.statusCode !== 200)
    throw new Error(`account ${username}: ${created.statusCode} ${created.body}`);
  const first = await login(t.app, username, created.json().initialPassword);
  const password = 'Unit9Password2026';
  const changed = await t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: as(first),
    payload: { currentPassword: created.json().initialPassword, newPassword: password },
  });
  if (changed.statusCode !== 204) throw new Error(`password for ${username}: ${changed.body}`);
  return login(t.app, username, password);
}

/** Another round of the same organiser, copied from `fromId` with its deadline, and opened. */
export async function anotherRound(t: TestApp, organiser: Session, fromId: string): Promise<string> {
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(organiser), payload });
  const source = (await send('GET', `/api/campaigns/${fromId}`)).json();
  const created = await send('POST', '/api/campaigns', {
    copyFromCampaignId: fromId,
    year: source.rules.year,
  });
  if (created.statusCode !== 201) throw new Error(`copy: ${created.body}`);
  const id = created.json().campaign.id as string;
  const copy = (await send('GET', `/api/campaigns/${id}`)).json();
  const saved = await send('PUT', `/api/campaigns/${id}/rules`, {
    rules: { ...copy.rules, deadline: source.rules.deadline },
    rulesVersion: copy.campaign.rulesVersion,
  });
  if (saved.statusCode !== 200) throw new Error(`rules: ${saved.body}`);
  const opened = await send('POST', `/api/campaigns/${id}/transitions`, { to: 'open' });
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.body}`);
  return id;
}
