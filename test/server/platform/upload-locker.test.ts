/**
 * The upload lock across processes (src/server/platform/storage/upload-locker.ts) on a real PostgreSQL:
 * two lockers stand for two instances of the platform on one database.
 */
import { randomUUID } from 'node:crypto';
import { ERRORS } from '@tus/server';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createUploadLocker,
  type UploadLocker,
  uploadLockKey,
} from '#server/platform/storage/upload-locker.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
const lockers: UploadLocker[] = [];
const never = new AbortController().signal;

function instance(timeoutMs?: number): UploadLocker {
  const locker = createUploadLocker(database.url, timeoutMs === undefined ? {} : { timeoutMs });
  lockers.push(locker);
  return locker;
}

const uploadId = () => randomUUID().replaceAll('-', '');

/** Whether some connection holds the advisory lock of `id`, and which backend. */
async function holderOf(id: string): Promise<number | null> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_locks
    where locktype = 'advisory' and granted
      and ((classid::bigint << 32) | objid::bigint) = ${uploadLockKey(id)}::bigint`.execute(database.db);
  return rows[0]?.pid ?? null;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const locker of lockers.splice(0)) await locker.close();
});
afterAll(async () => {
  await database.drop();
});

describe('the upload lock shared by the instances on one database', () => {
  it('asks the instance holding an upload to let go, and gives the lock to the asker once it has', async () => {
    const [a, b] = [instance(), instance()];
    const id = uploadId();
    const events: string[] = [];
    const held = a.newLock(id);
    await held.lock(never, async () => {
      events.push('A asked to let go');
      // What tus does: cancel the request, whose handler then unlocks.
      await held.unlock();
      events.push('A let go');
    });
    expect(await holderOf(id)).not.toBeNull();
    const asking = b.newLock(id);
    await asking.lock(never, () => {});
    events.push('B holds');
    expect(events).toEqual(['A asked to let go', 'A let go', 'B holds']);
    const holder = await holderOf(id);
    await asking.unlock();
    expect(holder).not.toBeNull();
    expect(await holderOf(id)).toBeNull();
  });

  it('refuses after its time when the holder does not let go, and the holder keeps the lock', async () => {
    const [a, b] = [instance(), instance(300)];
    const id = uploadId();
    let asked = 0;
    const held = a.newLock(id);
    await held.lock(never, () => {
      asked++;
    });
    const holder = await holderOf(id);
    await expect(b.newLock(id).lock(never, () => {})).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(asked).toBeGreaterThan(0);
    expect(await holderOf(id)).toBe(holder);
    await held.unlock();
    expect(await holderOf(id)).toBeNull();
  });

  it('frees an upload whose holding process died, without its letting go', async () => {
    const [a, b] = [instance(), instance()];
    const id = uploadId();
    await a.newLock(id).lock(never, () => {});
    const pid = await holderOf(id);
    // A process killed (SIGKILL, power cut) drops its connection: PostgreSQL ends the session.
    await sql`select pg_terminate_backend(${pid})`.execute(database.db);
    const taken = b.newLock(id);
    await taken.lock(never, () => {});
    expect(await holderOf(id)).not.toBe(pid);
    await taken.unlock();
  });

  it('takes locks again on a new connection after its own was lost', async () => {
    const a = instance();
    const first = uploadId();
    const lock = a.newLock(first);
    await lock.lock(never, () => {});
    await sql`select pg_terminate_backend(${await holderOf(first)})`.execute(database.db);
    await lock.unlock(); // its lock went with the connection: nothing left to free, no error
    const second = uploadId();
    const again = a.newLock(second);
    await again.lock(never, () => {});
    expect(await holderOf(second)).not.toBeNull();
    await again.unlock();
    expect(await holderOf(second)).toBeNull();
  });

  it('keeps two requests of one instance apart: the second asks the first to let go', async () => {
    const a = instance();
    const id = uploadId();
    const first = a.newLock(id);
    let asked = false;
    await first.lock(never, async () => {
      asked = true;
      await first.unlock();
    });
    const second = a.newLock(id);
    await second.lock(never, () => {});
    expect(asked).toBe(true);
    expect(await holderOf(id)).not.toBeNull();
    await second.unlock();
    expect(await holderOf(id)).toBeNull();
  });

  it('lets different uploads be written at once', async () => {
    const [a, b] = [instance(), instance(300)];
    const one = a.newLock(uploadId());
    const other = b.newLock(uploadId());
    let asked = false;
    await one.lock(never, () => {
      asked = true;
    });
    await other.lock(never, () => {});
    expect(asked).toBe(false);
    await one.unlock();
    await other.unlock();
  });

  it('stops waiting when the request waiting for it is cancelled', async () => {
    const [a, b] = [instance(), instance()];
    const id = uploadId();
    const held = a.newLock(id);
    await held.lock(never, () => {});
    const cancelled = new AbortController();
    const waiting = b.newLock(id).lock(cancelled.signal, () => {});
    cancelled.abort();
    await expect(waiting).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await held.unlock();
  });

  it('sends its queries one after another, as node-postgres requires of a connection', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const a = instance();
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const lock = a.newLock(uploadId());
          await lock.lock(never, () => {});
          await lock.unlock();
        }),
      );
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('refuses to free a lock it does not hold', async () => {
    await expect(instance().newLock(uploadId()).unlock()).rejects.toThrow('Releasing an unlocked lock!');
  });
});
