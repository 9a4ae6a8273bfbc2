/**
 * Who may touch an upload. tus takes an upload's lock for every HEAD, PATCH and DELETE of it, and a
 * request that finds the lock taken asks the holder to let go (tus then cancels the holder's request):
 * a client whose connection stalled resumes at once, and never writes beside its own old request.
 * @tus/server's MemoryLocker does this within one process; behind nginx the old request may be in
 * another instance, so the lock is a PostgreSQL advisory lock taken on one connection per process
 * (PostgreSQL lets go of it when the process dies), and "let go" is a notification every process hears.
 *
 * Within the process a map keeps the ids it holds: advisory locks are re-entrant on one connection, so
 * two requests of the same process must be told apart here, as MemoryLocker does.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import pg from 'pg';

const CHANNEL = 'tuijie_upload_release';
/** How often a waiting request tries again, and how often it repeats its "let go" to the holder. */
const RETRY_MS = 50;
const ASK_AGAIN_MS = 1000;
/** As long as MemoryLocker waits: a holder that hears the request lets go in milliseconds. */
const DEFAULT_TIMEOUT_MS = 30_000;

export interface UploadLocker extends Locker {
  close(): Promise<void>;
}

interface Held {
  release: RequestRelease;
  /** The connection its advisory lock is on (null while it is being taken). */
  on: pg.Client | null;
}

/** The advisory lock's key: 60 bits of the id's hash (a positive bigint; ids are not numbers). */
export function uploadLockKey(id: string): string {
  return BigInt(`0x${createHash('sha256').update(id).digest('hex').slice(0, 15)}`).toString();
}

export function createUploadLocker(databaseUrl: string, options: { timeoutMs?: number } = {}): UploadLocker {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const held = new Map<string, Held>();
  let connection: Promise<pg.Client> | null = null;
  let closed = false;

  /** The process's lock connection, opened on first use and again after it was lost. */
  function connected(): Promise<pg.Client> {
    if (closed) return Promise.reject(new Error('上传锁已关闭'));
    if (!connection) {
      const opening = open();
      connection = opening;
      // Its locks went with it: those still held here are kept apart within the process only, until
      // their requests end (the database being away, their uploads cannot finish anyway).
      const forget = () => {
        if (connection === opening) connection = null;
      };
      opening.then((client) => client.on('error', forget).on('end', forget), forget);
    }
    return connection;
  }

  async function open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'tuijie-upload-locks' });
    client.on('notification', (message) => {
      const mine = message.payload === undefined ? undefined : held.get(message.payload);
      if (mine?.on)
        Promise.resolve()
          .then(mine.release)
          .catch(() => {});
    });
    client.on('error', () => {}); // until it is in use: then connected() forgets it on its error
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      return client;
    } catch (e) {
      client.end().catch(() => {});
      throw e;
    }
  }

  /** The connection's queries one after another: node-postgres no longer queues them itself (pg 9). */
  let queue: Promise<unknown> = Promise.resolve();
  function inTurn<T>(run: () => Promise<T>): Promise<T> {
    const turn = queue.then(run, run);
    queue = turn.catch(() => {});
    return turn;
  }

  /**
   * `text` on the lock connection. A connection PostgreSQL ended (a restart, a terminated session) may
   * fail only when used; it is then dropped and the query tried once on a new one.
   */
  function query<R extends pg.QueryResultRow>(text: string, values: unknown[]) {
    return inTurn(async () => {
      for (let attempt = 1; ; attempt++) {
        const opening = connected();
        const client = await opening;
        try {
          return { client, result: await client.query<R>(text, values) };
        } catch (e) {
          if (connection === opening) connection = null;
          client.end().catch(() => {});
          if (attempt === 2) throw e;
        }
      }
    });
  }

  /** The lock if it was free, else null (having asked a holder within the process to let go). */
  async function take(id: string, requestRelease: RequestRelease): Promise<Held | null> {
    const mine = held.get(id);
    if (mine) {
      // Another request of this process has it: ask it to let go, as MemoryLocker does.
      await mine.release();
      return null;
    }
    const entry: Held = { release: requestRelease, on: null };
    held.set(id, entry);
    try {
      const { client, result } = await query<{ taken: boolean }>('select pg_try_advisory_lock($1) as taken', [
        uploadLockKey(id),
      ]);
      if (result.rows[0]?.taken) {
        entry.on = client;
        return entry;
      }
    } catch (e) {
      held.delete(id);
      throw e;
    }
    held.delete(id);
    return null;
  }

  async function askToLetGo(id: string) {
    await query('select pg_notify($1, $2)', [CHANNEL, id]);
  }

  return {
    newLock(id: string): Lock {
      let mine: Held | undefined;
      return {
        async lock(stopSignal: AbortSignal, requestRelease: RequestRelease) {
          const deadline = performance.now() + timeoutMs;
          let askedAt = Number.NEGATIVE_INFINITY;
          for (;;) {
            if (stopSignal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
            mine = (await take(id, requestRelease)) ?? undefined;
            if (mine) return;
            const now = performance.now();
            if (now > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
            if (now - askedAt >= ASK_AGAIN_MS) {
              askedAt = now;
              await askToLetGo(id);
            }
            await sleep(RETRY_MS);
          }
        },
        async unlock() {
          if (!mine || held.get(id) !== mine) throw new Error('Releasing an unlocked lock!');
          held.delete(id);
          const on = mine.on;
          mine = undefined;
          // On a connection since lost (or failing now) the lock went with the connection.
          await inTurn(async () => {
            if (on && (await connection?.catch(() => null)) === on)
              await on.query('select pg_advisory_unlock($1)', [uploadLockKey(id)]).catch(() => {});
          });
        },
      };
    },
    async close() {
      closed = true;
      const client = await connection?.catch(() => null);
      connection = null;
      await client?.end().catch(() => {});
    },
  };
}
