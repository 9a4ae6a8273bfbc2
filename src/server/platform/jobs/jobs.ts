/**
 * Background jobs on pg-boss in the same PostgreSQL. A job is sent in the transaction that makes it
 * necessary (the material row and its check job commit together, or neither does). Progress that a
 * user watches lives on the domain row the job works on, not in pg-boss.
 */
import { CompiledQuery, type Transaction } from 'kysely';
import { type Job, PgBoss } from 'pg-boss';
import type { Database } from '../db/schema.ts';
import { reportUnlessStopping } from '../stopping.ts';

export const QUEUES = {
  /** Probe an uploaded material and judge it against its slot: `{ materialId }`. */
  materialCheck: 'material-check',
  /** Make a thumbnail (photo) or poster frame (video): `{ materialId }`. */
  materialPreview: 'material-preview',
  /** Convert a video to the slot's spec with ffmpeg: `{ materialId }` (the new, converted row). */
  materialConvert: 'material-convert',
  /** Build a submission package ZIP: `{ packageId }`. */
  exportPackage: 'export-package',
  /** Nightly: remove uploads left unfinished past their expiry. */
  uploadCleanup: 'upload-cleanup',
  /** 逾期视为自动放弃 at a deadline: `{ campaignId }`, or `{}` for the periodic sweep of every campaign. */
  nominationDeadline: 'nomination-deadline',
  /** Mail one notification to its account (second channel, when SMTP is configured): `{ notificationId }`. */
  notificationMail: 'notification-mail',
  /** Periodic: tell experts whose review round closes within 24 hours (`{}`). */
  reviewRoundClosing: 'review-round-closing',
  /** Hourly: expire submission packages past their retention and delete their files (`{}`). */
  packageSweep: 'package-sweep',
  /** Periodic: open 公示 on their start day and close them after their end day, Beijing time (`{}`). */
  announcementTick: 'announcement-tick',
  /** Hourly: forget failed sign-ins too old to hold anyone back (`{}`). */
  loginFailuresPrune: 'login-failures-prune',
  /** Web copies of a published winner's photo or video for the showcase: `{ materialId }`. */
  showcaseDerivatives: 'showcase-derivatives',
  /** A check that failed every retry (its process died each time), same data: the material fails with the reason. */
  materialCheckGaveUp: 'material-check-gave-up',
  /** A conversion that failed every retry, same data: the converted copy fails with the reason. */
  materialConvertGaveUp: 'material-convert-gave-up',
  /** A package build that failed every retry, same data: the package fails with the reason. */
  exportPackageGaveUp: 'export-package-gave-up',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Jobs whose row waits at 检查中/转换中/生成中 until they finish: when pg-boss gives one up (every retry
 * failed, typically a process killed mid-work each time) it sends the same data to this queue, whose
 * worker fails the row with a reason, instead of leaving it waiting for good.
 */
const GAVE_UP: Partial<Record<QueueName, QueueName>> = {
  [QUEUES.materialCheck]: QUEUES.materialCheckGaveUp,
  [QUEUES.materialConvert]: QUEUES.materialConvertGaveUp,
  [QUEUES.exportPackage]: QUEUES.exportPackageGaveUp,
};

/**
 * How long a job may run before pg-boss takes it for dead and runs it again. A whole campaign's package
 * with its films copies gigabytes; a conversion of a 5-minute film takes minutes on a small server.
 */
const EXPIRE_SECONDS: Record<QueueName, number> = {
  'material-check': 15 * 60,
  'material-preview': 15 * 60,
  'material-convert': 2 * 60 * 60,
  'export-package': 6 * 60 * 60,
  'upload-cleanup': 60 * 60,
  'nomination-deadline': 30 * 60,
  'notification-mail': 5 * 60,
  'review-round-closing': 30 * 60,
  'announcement-tick': 10 * 60,
  'login-failures-prune': 10 * 60,
  'package-sweep': 30 * 60,
  'showcase-derivatives': 60 * 60,
  'material-check-gave-up': 5 * 60,
  'material-convert-gave-up': 5 * 60,
  'export-package-gave-up': 5 * 60,
};

/**
 * Retries beyond the default two, 5 s apart: a mail server that is down for a while (an hour or so) must
 * not lose a message, so mail waits longer between tries, up to half an hour.
 */
const RETRIES: Partial<
  Record<QueueName, { retryLimit: number; retryBackoff: boolean; retryDelayMax: number }>
> = { 'notification-mail': { retryLimit: 12, retryBackoff: true, retryDelayMax: 30 * 60 } };

/**
 * A worker proves it is alive this often (pg-boss refreshes the claimed job while the handler runs). A
 * process killed outright (SIGKILL, power cut, OOM) stops proving it, and the queue's supervisor then
 * fails the job into a retry that a live process takes up, instead of leaving it `active` (and its
 * package or conversion at 生成中/转换中) until `EXPIRE_SECONDS` runs out hours later (issue #15 item 12).
 */
const HEARTBEAT_SECONDS = 30;
/** How often the supervisor looks for jobs whose worker fell silent (pg-boss's default is a minute). */
const SUPERVISE_SECONDS = 15;

export interface SendOptions {
  /** Send inside this transaction: the job exists exactly when the transaction commits. */
  trx?: Transaction<Database>;
  /** At most one queued job with this key (e.g. one check per material). */
  singletonKey?: string;
  /** Not before this time (a deadline). */
  startAfter?: Date;
}

export interface WorkOptions {
  /** Jobs of this queue run at once in this process (ffmpeg: 1). */
  concurrency?: number;
}

export interface Jobs {
  send(queue: QueueName, data: object, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for each job; a throw fails the job (pg-boss retries per the queue's policy). */
  work<T extends object>(
    queue: QueueName,
    handler: (data: T) => Promise<void>,
    options?: WorkOptions,
  ): Promise<void>;
  /** Sends `queue` a job on the cron schedule (China time), once across all processes. */
  schedule(queue: QueueName, cron: string): Promise<void>;
  stop(): Promise<void>;
}

/** Kysely transaction as pg-boss's `IDatabase`, so `send` joins the caller's transaction. */
function inTransaction(trx: Transaction<Database>) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

export interface StartJobsOptions {
  /** Seconds between polls when no notification arrives; tests use 0.5. */
  pollingIntervalSeconds?: number;
}

export async function startJobs(databaseUrl: string, options: StartJobsOptions = {}): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 4,
    useListenNotify: true,
    application_name: 'tuijie-jobs',
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
  });
  let stopping = false;
  boss.on('error', (e: unknown) => {
    // A lost connection is retried by pg-boss itself; say so instead of crashing the process. While
    // shutting down, the database going away first is expected.
    if (!stopping) reportUnlessStopping(e, () => console.error('后台任务队列出错：', (e as Error).message));
  });
  await boss.start();
  // A queue names its dead-letter queue only once that exists.
  const gaveUp = new Set(Object.values(GAVE_UP));
  const names = Object.values(QUEUES).sort((a, b) => Number(gaveUp.has(b)) - Number(gaveUp.has(a)));
  for (const name of names) {
    const options = {
      notify: true,
      retryLimit: 2,
      retryDelay: 5,
      expireInSeconds: EXPIRE_SECONDS[name],
      heartbeatSeconds: HEARTBEAT_SECONDS,
      ...RETRIES[name],
      ...(GAVE_UP[name] ? { deadLetter: GAVE_UP[name] } : {}),
    };
    // A database from an earlier version has the queue already: bring its settings up to date.
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  return {
    send(queue, data, sendOptions = {}) {
      return boss.send(queue, data, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.trx ? { db: inTransaction(sendOptions.trx) } : {}),
      });
    },
    async work<T extends object>(
      queue: QueueName,
      handler: (data: T) => Promise<void>,
      workOptions: WorkOptions = {},
    ) {
      // Jobs sent in one transaction (a forwarding queues a check for every file) share one NOTIFY, as
      // PostgreSQL folds identical ones: it wakes each worker for one job, after which a worker would
      // sleep until the 30 s backstop poll. So after each job every worker of this queue fetches again
      // at once; a fetch that finds nothing ends the run.
      let workId = '';
      const wakeAll = () => {
        for (const worker of boss.getWipData()) if (worker.workId === workId) boss.notifyWorker(worker.id);
      };
      workId = await boss.work<T>(
        queue,
        { batchSize: 1, localConcurrency: workOptions.concurrency ?? 1, pollingIntervalSeconds },
        async (jobs: Job<T>[]) => {
          try {
            for (const job of jobs) await handler(job.data);
          } finally {
            wakeAll();
          }
        },
      );
    },
    async schedule(queue, cron) {
      // `{}`, not null: each run reaches its worker with this data, and workers read fields of it (a null
      // failed every deadline sweep). Scheduling again on start rewrites the stored schedule.
      await boss.schedule(queue, cron, {}, { tz: 'Asia/Shanghai' });
    },
    async stop() {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
