import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '#server/modules/notifications/notify.ts';
import { manualClock } from '#server/platform/clock.ts';
import { as, createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { loginAs, newExpert, newOrganiser, type TestAccount } from '#test/support/factories/index.ts';

let t: TestApp;
let alice: TestAccount;
let bob: TestAccount;
let aliceSession: Session;
let bobSession: Session;
const clock = manualClock('2026-10-12T09:00:00+08:00');

async function tell(account: TestAccount, title: string, extra: { dedupeKey?: string } = {}) {
  return t.database.db.transaction().execute((trx) =>
    notify(trx, [account.id], {
      kind: 'review_assigned',
      title,
      body: `${title}，请按时完成评分。`,
      link: '/reviews',
      ...extra,
    }),
  );
}

const list = async (session: Session) =>
  (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: as(session) })).json();

beforeAll(async () => {
  t = await createTestApp({ clock });
  const organiser = await newOrganiser(t);
  alice = await newExpert(t, organiser);
  bob = await newExpert(t, organiser);
  aliceSession = await loginAs(t.app, alice);
  bobSession = await loginAs(t.app, bob);
  await tell(alice, '第一条');
  // created_at is the database's own time: keep the two apart so "newest first" is measurable.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await tell(alice, '第二条');
  await tell(bob, '给另一位专家的消息');
});
afterAll(() => t.close());

describe('the bell', () => {
  it("lists the caller's own messages only, newest first, with the unread count and the kind in words", async () => {
    const mine = await list(aliceSession);
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n: { title: string }) => n.title)).toEqual(['第二条', '第一条']);
    expect(mine.items[0]).toMatchObject({
      kind: 'review_assigned',
      kindLabel: '评审任务',
      body: '第二条，请按时完成评分。',
      link: '/reviews',
      read: false,
    });
    const theirs = await list(bobSession);
    expect(theirs.items.map((n: { title: string }) => n.title)).toEqual(['给另一位专家的消息']);
  });

  it('tells an account once per dedupe key', async () => {
    expect(await tell(alice, '提醒', { dedupeKey: 'closing:x' })).toBe(1);
    expect(await tell(alice, '提醒', { dedupeKey: 'closing:x' })).toBe(0);
    expect(
      (await list(aliceSession)).items.filter((n: { title: string }) => n.title === '提醒'),
    ).toHaveLength(1);
  });

  it("marks one message read; another account's message is 404 and stays unread", async () => {
    const [newest] = (await list(aliceSession)).items;
    const before = (await list(aliceSession)).unread;
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${newest.id}/read`,
      headers: as(aliceSession),
    });
    expect(read.statusCode).toBe(204);
    const after = await list(aliceSession);
    expect(after.unread).toBe(before - 1);
    expect(after.items.find((n: { id: string }) => n.id === newest.id).read).toBe(true);
    const row = await t.database.db
      .selectFrom('notifications')
      .select('readAt')
      .where('id', '=', newest.id)
      .executeTakeFirstOrThrow();
    expect(row.readAt).toEqual(clock.now());

    const [bobs] = (await list(bobSession)).items;
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${bobs.id}/read`,
      headers: as(aliceSession),
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'NOT_FOUND', message: '该消息不存在或您无权查看' });
    expect((await list(bobSession)).items[0].read).toBe(false);

    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/abc/read',
      headers: as(aliceSession),
    });
    expect(malformed.statusCode).toBe(400);
  });

  it("marks all of the caller's messages read and nobody else's", async () => {
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: as(aliceSession),
    });
    expect(done.statusCode).toBe(204);
    const mine = await list(aliceSession);
    expect(mine.unread).toBe(0);
    expect(mine.items.every((n: { read: boolean }) => n.read)).toBe(true);
    expect((await list(bobSession)).unread).toBe(1);
  });

  it('is only for the logged-in', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });
});
