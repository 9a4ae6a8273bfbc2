import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '#server/modules/notifications/notify.ts';
import { loadConfig } from '#server/platform/config.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { newExpert, newOrganiser, type TestAccount } from '#test/support/factories/index.ts';
import { startSmtp, type TestSmtp } from '#test/support/smtp.ts';

let t: TestApp;
let smtp: TestSmtp;
let withEmail: TestAccount;
let withoutEmail: TestAccount;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({
    config: { smtp: { url: smtp.url, from: '推介平台 <noreply@tuijie.example.cn>' } },
  });
  const organiser = await newOrganiser(t);
  withEmail = await newExpert(t, organiser);
  withoutEmail = await newExpert(t, organiser);
  await t.database.db
    .updateTable('accounts')
    .set({ email: 'li.laoshi@example.cn' })
    .where('id', '=', withEmail.id)
    .execute();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const message = (title: string) => ({
  kind: 'round_closing' as const,
  title,
  body: `${title}，您还有 3 项评审尚未提交，请在结束前完成评分并提交。`,
  link: '/reviews',
});

async function row(title: string) {
  return t.database.db
    .selectFrom('notifications')
    .select(['id', 'accountId', 'readAt', 'emailedAt'])
    .where('title', '=', title)
    .execute();
}

describe('mail as the second channel', () => {
  it('mails the message to an account with an e-mail address, in Chinese, and notes when', async () => {
    await t.database.db
      .transaction()
      .execute((trx) => notify(trx, [withEmail.id, withoutEmail.id], message('初评将于明天结束')));
    await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBe(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['li.laoshi@example.cn']);
    expect(mail!.subject).toBe('【推介平台】初评将于明天结束');
    expect(mail!.text).toContain(`${withEmail.displayName}：`);
    expect(mail!.text).toContain('初评将于明天结束，您还有 3 项评审尚未提交，请在结束前完成评分并提交。');
    expect(mail!.text).toContain('请登录推介平台，在“/reviews”页面查看并办理。');
    await expect
      .poll(async () => (await row('初评将于明天结束')).find((r) => r.accountId === withEmail.id)?.emailedAt)
      .toBeInstanceOf(Date);
    // The account without an address has its bell message, and no mail.
    const other = (await row('初评将于明天结束')).find((r) => r.accountId === withoutEmail.id)!;
    expect(other.emailedAt).toBeNull();
    expect(smtp.received).toHaveLength(1);
  });

  it('sends nothing when the message itself is rolled back', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, [withEmail.id], message('不应发出的消息'));
        throw new Error('操作失败');
      }),
    ).rejects.toThrow('操作失败');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await row('不应发出的消息')).toEqual([]);
    expect(smtp.received.map((m) => m.subject)).not.toContain('【推介平台】不应发出的消息');
  });

  it('keeps the bell message when the mail server refuses, and mails it when the queue tries again', async () => {
    const before = smtp.received.length;
    smtp.refuseNext(1);
    await t.database.db.transaction().execute((trx) => notify(trx, [withEmail.id], message('会评安排')));
    // The first try is refused: the message is in the bell, unread and not yet mailed.
    await expect.poll(async () => (await row('会评安排')).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received.length).toBe(before);
    expect((await row('会评安排'))[0]).toMatchObject({ readAt: null, emailedAt: null });
    // The retry comes 5–10 s later, and a sleeping worker finds it at the queue's backstop poll (30 s).
    await expect.poll(() => smtp.received.length, { timeout: 60_000 }).toBe(before + 1);
    expect(smtp.received.at(-1)!.subject).toBe('【推介平台】会评安排');
    await expect.poll(async () => (await row('会评安排'))[0]!.emailedAt).toBeInstanceOf(Date);
  }, 90_000);
});

describe('the mail settings', () => {
  it('are off unless TUIJIE_SMTP_URL is set', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(
      loadConfig({
        TUIJIE_SMTP_URL: 'smtps://u:p@smtp.example.cn:465',
        TUIJIE_MAIL_FROM: '推介平台 <a@b.cn>',
      }).smtp,
    ).toEqual({ url: 'smtps://u:p@smtp.example.cn:465', from: '推介平台 <a@b.cn>' });
  });

  it('refuse a URL that is not a mail server, and a server without a sender, in Chinese', () => {
    expect(() => loadConfig({ TUIJIE_SMTP_URL: 'http://example.cn', TUIJIE_MAIL_FROM: 'a@b.cn' })).toThrow(
      '环境变量 TUIJIE_SMTP_URL 应为邮件服务器地址',
    );
    expect(() => loadConfig({ TUIJIE_SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(
      '设置了 TUIJIE_SMTP_URL 时须同时设置发件人 TUIJIE_MAIL_FROM',
    );
  });
});
