import path from 'node:path';

/** Everything the server reads from the environment, with defaults that run on one laptop. */
export interface Config {
  host: string;
  port: number;
  /** Unset: an embedded PostgreSQL under `${varDir}/pg` is started and stopped with the app. */
  databaseUrl: string | null;
  /**
   * Connections this process keeps to PostgreSQL for requests and jobs (DATABASE_POOL_SIZE, default 10).
   * Every web process has its own: with several, their sum is what the database serves at once.
   */
  databasePoolSize: number;
  varDir: string;
  filesDir: string;
  webDistDir: string;
  /** Set true behind HTTPS so the session cookie is marked Secure. */
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  /** A session ends this long after login however busy it is (shared office PCs). */
  sessionMaxHours: number;
  trustProxy: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  /** Requests per minute from one address, all routes together (login has its own, lower limit). */
  rateLimitPerMinute: number;
  /** Set (S3_BUCKET given): files go to S3-compatible object storage instead of `filesDir`. */
  s3: S3Config | null;
  /** Seconds between job-queue polls when no notification arrives. */
  jobPollSeconds: number;
  /** An upload not finished this many days after it began is removed by the nightly clean-up. */
  uploadExpireDays: number;
  /** Set (TUIJIE_SMTP_URL given): notifications are also mailed to accounts with an e-mail address. */
  smtp: SmtpConfig | null;
  /** Set (METRICS_TOKEN given): `/metrics` answers a scraper that sends it as a bearer token. */
  metricsToken: string | null;
  /**
   * The site's public address without a trailing slash (TUIJIE_PUBLIC_URL, e.g. `https://xuexi.jl.gov.cn`):
   * shared links' previews (Open Graph) and canonical links need absolute addresses. Null when unset.
   */
  publicUrl: string | null;
}

export interface SmtpConfig {
  /** e.g. `smtps://user:password@smtp.example.cn:465`, `smtp://127.0.0.1:25`. */
  url: string;
  /** The sender, e.g. `推介平台 <noreply@example.cn>`. */
  from: string;
}

export interface S3Config {
  bucket: string;
  /** e.g. `https://oss-cn-beijing.aliyuncs.com`, `http://127.0.0.1:9000` (MinIO); unset: AWS. */
  endpoint: string | null;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** Path-style URLs (`endpoint/bucket/key`), which MinIO, Ceph and s3rver need. */
  forcePathStyle: boolean;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，实为「${value}」`);
  return n;
}

/**
 * Ten by default: on a 2-core machine the deadline-day load ran faster with 10 connections than with 20
 * (bench/scale-out.bench.ts: 330 against 253 requests/s), more backends only contending for the cores.
 */
function poolSize(value: string | undefined): number {
  const n = int('DATABASE_POOL_SIZE', value, 10);
  if (n < 1 || n > 200)
    throw new Error(`环境变量 DATABASE_POOL_SIZE 应为 1 到 200 之间的整数（数据库连接数），实为「${value}」`);
  return n;
}

/** The mail server, when given; a URL that is not `smtp:`/`smtps:` or a missing sender stops the start. */
function smtp(env: NodeJS.ProcessEnv): SmtpConfig | null {
  const url = env.TUIJIE_SMTP_URL;
  if (!url) return null;
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    throw new Error(
      '环境变量 TUIJIE_SMTP_URL 应为邮件服务器地址，如 smtps://用户名:密码@smtp.example.cn:465',
    );
  const from = env.TUIJIE_MAIL_FROM?.trim();
  if (!from || !/@/.test(from))
    throw new Error(
      '设置了 TUIJIE_SMTP_URL 时须同时设置发件人 TUIJIE_MAIL_FROM，如「推介平台 <noreply@example.cn>」',
    );
  return { url, from };
}

/**
 * The site's public address, when given, without its trailing slashes; anything but an http(s) address
 * without query or fragment stops the start (a wrong one would be printed into every shared link).
 */
function publicUrl(value: string | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search ||
    url.hash ||
    url.username
  )
    throw new Error(
      `环境变量 TUIJIE_PUBLIC_URL 应为网站对外的地址，以 http:// 或 https:// 开头，如 https://xuexi.jl.gov.cn，实为「${raw}」`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const varDir = path.resolve(cwd, env.TUIJIE_VAR_DIR || 'var');
  return {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', env.PORT, 3000),
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: poolSize(env.DATABASE_POOL_SIZE),
    varDir,
    filesDir: path.resolve(cwd, env.TUIJIE_FILES_DIR || path.join(varDir, 'files')),
    webDistDir: path.resolve(cwd, env.TUIJIE_WEB_DIST || 'web/dist'),
    cookieSecure: bool(env.COOKIE_SECURE, false),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 480),
    sessionMaxHours: int('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12),
    trustProxy: bool(env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: int('BODY_LIMIT_BYTES', env.BODY_LIMIT_BYTES, 1024 * 1024),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600),
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT || null,
          region: env.S3_REGION || 'us-east-1',
          accessKeyId: env.S3_ACCESS_KEY_ID || null,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY || null,
          forcePathStyle: bool(env.S3_FORCE_PATH_STYLE, true),
        }
      : null,
    jobPollSeconds: Number(env.JOB_POLL_SECONDS || 2),
    uploadExpireDays: int('UPLOAD_EXPIRE_DAYS', env.UPLOAD_EXPIRE_DAYS, 14),
    smtp: smtp(env),
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    publicUrl: publicUrl(env.TUIJIE_PUBLIC_URL),
  };
}
