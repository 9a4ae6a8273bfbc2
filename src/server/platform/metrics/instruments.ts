/**
 * The process's Prometheus instruments (issue #16 item 5). One registry per process, as the PDF converter is
 * one per process: a conversion deep in a worker records its duration without the app handing it a context.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'tuijie_' });

export const requestDuration = new Histogram({
  name: 'tuijie_http_request_duration_seconds',
  help: 'HTTP 请求耗时（按路由模式，不含具体编号）',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const jobQueueDepth = new Gauge({
  name: 'tuijie_job_queue_depth',
  help: '后台任务数（按任务类型与状态：created 待办、retry 待重试、active 进行中）',
  labelNames: ['kind', 'state'] as const,
  registers: [registry],
});

export const jobQueueOldestSeconds = new Gauge({
  name: 'tuijie_job_queue_oldest_seconds',
  help: '已到期而未开始的最早任务已等待的秒数（按任务类型；无等待任务为 0）',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export const uploadBytes = new Counter({
  name: 'tuijie_upload_bytes_total',
  help: '断点续传上传写入存储的字节数',
  registers: [registry],
});

export const activeUploads = new Gauge({
  name: 'tuijie_uploads_active',
  help: '正在传输的上传请求数',
  registers: [registry],
});

export const conversionDuration = new Histogram({
  name: 'tuijie_video_conversion_duration_seconds',
  help: '视频转换（ffmpeg）耗时',
  labelNames: ['outcome'] as const,
  buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600],
  registers: [registry],
});

export const pdfDuration = new Histogram({
  name: 'tuijie_pdf_conversion_duration_seconds',
  help: '生成 PDF（LibreOffice）每次运行的耗时',
  labelNames: ['outcome'] as const,
  buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120],
  registers: [registry],
});

export const dbPoolConnections = new Gauge({
  name: 'tuijie_db_pool_connections',
  help: '数据库连接池（total 已开、idle 空闲、waiting 排队等待、max 上限）',
  labelNames: ['state'] as const,
  registers: [registry],
});

/** Runs `work`, recording how long it took and whether it succeeded in `histogram`. */
export async function timed<T>(histogram: Histogram<'outcome'>, work: () => Promise<T>): Promise<T> {
  const end = histogram.startTimer();
  try {
    const result = await work();
    end({ outcome: 'ok' });
    return result;
  } catch (e) {
    end({ outcome: 'failed' });
    throw e;
  }
}

/**
 * A tus data store that counts the bytes each PATCH adds to its upload; every other method stays the
 * inner store's. `write` resolves with the upload's new offset.
 */
export function countingTusStore<S extends { write(r: never, id: string, offset: number): Promise<number> }>(
  inner: S,
): S {
  const store: S = Object.create(inner);
  store.write = async (readable: never, id: string, offset: number) => {
    const end = await inner.write(readable, id, offset);
    uploadBytes.inc(Math.max(0, end - offset));
    return end;
  };
  return store;
}
