import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notify } from '#server/modules/notifications/notify.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { newExpert, newOrganiser } from '#test/support/factories/index.ts';
import { startSmtp, type TestSmtp } from '#test/support/smtp.ts';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  // A mail server is there, but the platform is not told of it.
  smtp = await startSmtp();
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

it('without SMTP configured, tells through the bell only: no mail job, no mail, nothing fails', async () => {
  const expert = await newExpert(t, await newOrganiser(t));
  await t.database.db
    .updateTable('accounts')
    .set({ email: 'expert@example.cn' })
    .where('id', '=', expert.id)
    .execute();
  const told = await t.database.db
    .transaction()
    .execute((trx) => notify(trx, [expert.id], { kind: 'review_assigned', title: '您有新的评审任务' }));
  expect(told).toBe(1);
  const jobs = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'notification-mail'`.execute(t.database.db);
  expect(Number(jobs.rows[0]!.n)).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(smtp.received).toEqual([]);
  const row = await t.database.db
    .selectFrom('notifications')
    .select(['title', 'emailedAt'])
    .where('accountId', '=', expert.id)
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ title: '您有新的评审任务', emailedAt: null });
});
