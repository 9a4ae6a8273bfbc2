/**
 * Public changes reach every process on the database, not only the one that made them: a web process
 * keeps rendered pages in memory and publishes its own files, while the change may come from another web
 * process behind the same nginx or from the worker process (the 公示 opening and closing tick). Each
 * `changed()` is also sent as a PostgreSQL notification; every process listens and tells its own site.
 * A listening connection that drops is opened again, and the site is told once then, since notifications
 * sent meanwhile are lost.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from './db/database.ts';
import type { PublicPages } from './public-pages.ts';

const CHANNEL = 'tuijie_public_pages';
const RECONNECT_MS = 2000;

export interface SharedPublicPages {
  publicPages: PublicPages;
  close(): Promise<void>;
}

export async function sharePublicPages(
  local: PublicPages,
  db: Db,
  databaseUrl: string,
  warn: (message: string) => void = console.warn,
): Promise<SharedPublicPages> {
  // Its own notifications come back to it: this process has told its site already.
  const me = randomUUID();
  let client: pg.Client | null = null;
  let stopping = false;
  let retry: NodeJS.Timeout | undefined;
  let warned = false;

  async function listen(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'tuijie-public-pages' });
    next.on('notification', (message) => {
      if (message.payload !== me) void local.changed();
    });
    next.on('error', () => {});
    next.on('end', () => {
      if (client === next) client = null;
      if (!stopping) reconnectLater();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
  }

  function reconnectLater() {
    clearTimeout(retry);
    retry = setTimeout(async () => {
      try {
        await listen();
        warned = false;
        // Whatever was announced while it was away.
        await local.changed();
      } catch (e) {
        // Once per outage: the database being down is already said elsewhere, every 2 s would drown it.
        if (!warned)
          warn(`公开网站的变更通知连接中断，将每 ${RECONNECT_MS / 1000} 秒重试：${(e as Error).message}`);
        warned = true;
        reconnectLater();
      }
    }, RECONNECT_MS);
  }

  await listen();
  return {
    publicPages: {
      async changed() {
        const told = sql`select pg_notify(${CHANNEL}, ${me})`.execute(db).then(
          () => {},
          (e: unknown) => warn(`未能通知其他平台进程更新公开网站：${(e as Error).message}`),
        );
        await Promise.all([told, local.changed()]);
      },
      onChange: (listener) => local.onChange(listener),
    },
    async close() {
      stopping = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
