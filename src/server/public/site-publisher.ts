/**
 * Publishes the public pages as files for the front web server (nginx serves them with sendfile, far
 * cheaper than any answer from Node; docs/decisions/0017): every page in every reading-switch combination,
 * with `.gz` and `.br` beside it, in the public-site folder (site-files.ts). It runs at start-up, after each
 * public change (`publicPages.changed()`, after the commit) and when the Beijing date turns (whether a page
 * offers the online objection form depends on the day).
 *
 * Each file is replaced whole (written aside, then renamed), the page last, so a reader gets the old page
 * or the new one, never a part; a page no longer public is deleted, so the server falls back to the app's
 * 404 page. Runs hold a PostgreSQL advisory lock and read after taking it, so with several processes on one
 * folder the last run has read the latest commit.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { sql } from 'kysely';
import { beijingIsoDate } from '#core/calendar/beijing-time.ts';
import type { AppContext } from '#server/platform/context.ts';
import { reportUnlessStopping } from '#server/platform/stopping.ts';
import { SITE_VIEWS, siteFileOf } from './site-files.ts';
import { framedSitePage, listSitePaths, renderSitePage } from './site-pages.ts';

const PUBLISH_LOCK = 7_461_020_242;
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface SitePublisher {
  /**
   * Renders every public page and writes those that changed; settles when the folder shows what was
   * committed before the call. Never rejects: a failure is logged and the next run heals it.
   */
  publish(): Promise<void>;
  /** Stops listening and waits for a run under way (before the database closes). */
  stop(): Promise<void>;
}

interface Log {
  error(details: object, message: string): void;
}

export function createSitePublisher(
  context: Pick<AppContext, 'db' | 'clock' | 'publicPages' | 'config'>,
  dir: string,
  log: Log,
): SitePublisher {
  const { clock } = context;
  let current: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let stopped = false;

  const runLogged = () =>
    publishAll(context, dir).catch((error: unknown) =>
      // A stop reaching the database in the middle of a run is no failure: the next start publishes again.
      reportUnlessStopping(error, () =>
        log.error({ err: error, dir }, '公示页面发布失败：下次变更或重启时再次发布'),
      ),
    );

  // A change during a run may not be in what it read: one more run follows, shared by every caller waiting.
  function publish(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (queued) return queued;
    if (!current) {
      current = runLogged().finally(() => {
        current = undefined;
      });
      return current;
    }
    queued = current.then(() => {
      queued = undefined;
      return publish();
    });
    return queued;
  }

  const unsubscribe = context.publicPages.onChange(publish);

  let day = beijingIsoDate(clock.now());
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const t = clock.now().getTime() + BEIJING_OFFSET_MS;
    const untilMidnight = (Math.floor(t / DAY_MS) + 1) * DAY_MS - t;
    timer = setTimeout(turn, Math.min(untilMidnight + 1000, HOUR_MS));
    timer.unref();
  };
  const turn = () => {
    const today = beijingIsoDate(clock.now());
    if (today !== day) {
      day = today;
      void publish();
    }
    arm();
  };
  arm();

  return {
    publish,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await queued;
      await current;
    },
  };
}

async function publishAll(context: Pick<AppContext, 'db' | 'clock' | 'config'>, dir: string): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(trx);
    const now = context.clock.now();
    const wanted = new Set<string>();
    for (const sitePath of await listSitePaths(trx)) {
      const content = await renderSitePage(trx, now, sitePath, context.config.publicUrl);
      if (!content) continue;
      // The variants compress at once in zlib's thread pool.
      await Promise.all(
        SITE_VIEWS.map((view) => {
          const file = siteFileOf(sitePath, view);
          if (!file) return Promise.resolve();
          wanted.add(file).add(`${file}.gz`).add(`${file}.br`);
          return writePage(path.join(dir, file), framedSitePage(content, sitePath, view), now);
        }),
      );
    }
    await removeAllBut(dir, wanted);
  });
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Writes the page and its compressed copies unless the same page is already there. */
async function writePage(file: string, html: string, now: Date): Promise<void> {
  const body = Buffer.from(html, 'utf8');
  const old = await readFile(file).catch(() => undefined);
  if (old?.equals(body) && (await exists(`${file}.gz`)) && (await exists(`${file}.br`))) return;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: 9 }),
    brotliAsync(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        // 11 saves a few per cent more and takes several times as long; a change waits for this.
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ]);
  // nginx's ETag is the file's modification second and size: a changed page must never keep both, or a
  // reader's cached copy would be confirmed (304) after a same-length change within a second.
  const oldSecond = old ? Math.floor((await stat(file)).mtimeMs / 1000) : 0;
  const second = Math.max(Math.floor(now.getTime() / 1000), oldSecond + 1);
  const aside = `.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const parts = [
    [`${file}.gz`, gz],
    [`${file}.br`, br],
    [file, body],
  ] as const;
  for (const [target, bytes] of parts) {
    await writeFile(target + aside, bytes, { mode: 0o644 });
    await utimes(target + aside, second, second);
  }
  // The page goes last: until it is in place the old page's run is whole, and a run that finds the new
  // page with both copies beside it knows it was finished.
  for (const [target] of parts) await rename(target + aside, target);
}

/** Deletes every file in the folder that is not a current page or its copy (and what a crash left aside). */
async function removeAllBut(dir: string, wanted: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!wanted.has(relative.split(path.sep).join('/'))) await unlink(path.join(dir, relative));
  }
}
