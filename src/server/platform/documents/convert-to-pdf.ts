/**
 * DOCX/XLSX → PDF through LibreOffice headless, when the server has it (apt libreoffice-writer-nogui).
 * Each run gets its own temporary folder and its own LibreOffice profile (-env:UserInstallation): two
 * conversions sharing a profile lock each other out and one fails (a profile kept between runs saves only
 * 0.3 s of a run's start). A run takes a core and a few hundred MB, and its start costs 4 s on 2 cores, as
 * much as 40 forms within the run: forms go through in long runs, as many at once as there are cores,
 * plus one run kept for a person waiting; the rest wait their turn.
 *
 * Waiting is fair (issue #15: 16 PDFs asked at once by one unit made another user's take 15 s): an
 * account has at most two conversions asked for at a time, a person waiting at a screen goes ahead of
 * package builds, and package builds never take the slot kept for people.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors.ts';
import { pdfDuration, timed } from '../metrics/instruments.ts';
import { scratchDir } from '../scratch-dirs.ts';

const TIMEOUT_MS = 60_000;
/** Extra time per further document of a batch. */
const PER_FILE_MS = 10_000;

/** soffice on PATH, or undefined: the print view in the browser is then the way to a PDF. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'soffice');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function pdfUnavailable(): AppError {
  return new AppError(
    'PDF_UNAVAILABLE',
    '平台未安装 PDF 生成组件（LibreOffice），暂时无法生成 PDF。请下载 Word 版（DOCX）打印，或请管理员安装 libreoffice-writer-nogui 后重试。',
  );
}

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group: soffice is a script that starts soffice.bin, and a timeout must end both.
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      reject(new AppError('INTERNAL', `生成 PDF 超时（超过${timeoutMs / 1000}秒），请稍后重试。`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new AppError('INTERNAL', `生成 PDF 失败（LibreOffice 退出码 ${code}）`, { stderr }));
    });
  });
}

/** Interactive: someone waits at a screen. Package: a background job building a submission package. */
export type PdfLane = 'interactive' | 'package';

export interface PdfRequest {
  lane?: PdfLane;
  /** The account that asked: at most `perOwner` of its conversions wait or run at once. */
  owner?: string;
  timeoutMs?: number;
}

/**
 * Files given to one LibreOffice run. 7.4 converts only the first 245–247 of a longer list, exits with 0
 * and says nothing of the rest; every run's PDFs are checked anyway.
 */
export const MAX_FILES_PER_RUN = 200;

function notConverted(count: number): AppError {
  return new AppError(
    'INTERNAL',
    `生成 PDF 失败：${count} 份文档未能转换为 PDF。请下载 Word 版（DOCX）查看；如需 PDF，请联系平台管理员。`,
  );
}

/** LibreOffice runs at once: package builds may take a core each, and one more is a person's. */
const MAX_PARALLEL = os.availableParallelism() + 1;
/**
 * Conversions one account may have asked for at once. A person opens a form or two at a time; sixteen at
 * once is a script or a stuck button, and would queue everyone else behind it.
 */
export const MAX_PER_OWNER = 2;

export function pdfBusy(): AppError {
  return new AppError('PDF_BUSY', '正在生成您之前请求的文件，请稍候再试');
}

export interface PdfConverter {
  convert(input: Buffer, fileName: string, request?: PdfRequest): Promise<Buffer>;
  convertMany(inputs: readonly Buffer[], extension: string, request?: PdfRequest): Promise<Buffer[]>;
  /** What ran so far: LibreOffice runs, documents converted, and the lane of each run in the order they started. */
  readonly stats: { runs: number; documents: number; started: PdfLane[] };
}

/** A converter with its own slots and queue; the app uses the one `pdfConverter`. */
export function createPdfConverter(options: { maxParallel?: number; perOwner?: number } = {}): PdfConverter {
  const maxParallel = options.maxParallel ?? MAX_PARALLEL;
  const perOwner = options.perOwner ?? MAX_PER_OWNER;
  // Package builds leave a slot free for people waiting, unless there is only one.
  const packageSlots = Math.max(1, maxParallel - 1);
  const queues: Record<PdfLane, (() => void)[]> = { interactive: [], package: [] };
  const running: Record<PdfLane, number> = { interactive: 0, package: 0 };
  const owners = new Map<string, number>();
  const stats = { runs: 0, documents: 0, started: [] as PdfLane[] };

  function dispatch() {
    while (running.interactive + running.package < maxParallel) {
      const lane: PdfLane | undefined =
        queues.interactive.length > 0
          ? 'interactive'
          : queues.package.length > 0 && running.package < packageSlots
            ? 'package'
            : undefined;
      if (!lane) return;
      running[lane]++;
      queues[lane].shift()!();
    }
  }

  async function inTurn<T>(lane: PdfLane, work: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      queues[lane].push(resolve);
      dispatch();
    });
    try {
      stats.runs++;
      stats.started.push(lane);
      if (stats.started.length > 1000) stats.started.shift();
      return await work();
    } finally {
      running[lane]--;
      dispatch();
    }
  }

  async function convertMany(
    inputs: readonly Buffer[],
    extension: string,
    request: PdfRequest = {},
  ): Promise<Buffer[]> {
    const soffice = findSoffice();
    if (!soffice) throw pdfUnavailable();
    if (inputs.length === 0) return [];
    const { owner } = request;
    if (owner !== undefined) {
      const asked = owners.get(owner) ?? 0;
      if (asked >= perOwner) throw pdfBusy();
      owners.set(owner, asked + 1);
    }
    try {
      const pdfs: Buffer[] = [];
      let todo = inputs.map((_, i) => i);
      // Each run in its turn: a person asking meanwhile goes ahead of the rest of a long batch. What a run
      // left out goes into the next; a run that converts nothing ends it.
      while (todo.length > 0) {
        const run = todo.slice(0, MAX_FILES_PER_RUN);
        const made = await inTurn(request.lane ?? 'interactive', () => {
          stats.documents += run.length;
          return sofficeToPdf(
            soffice,
            run.map((i) => inputs[i]!),
            extension,
            request.timeoutMs,
          );
        });
        run.forEach((i, k) => {
          if (made[k]) pdfs[i] = made[k];
        });
        const missed = run.filter((_, k) => !made[k]);
        if (missed.length === run.length) throw notConverted(missed.length);
        todo = [...missed, ...todo.slice(MAX_FILES_PER_RUN)];
      }
      return pdfs;
    } finally {
      if (owner !== undefined) {
        const left = (owners.get(owner) ?? 1) - 1;
        if (left > 0) owners.set(owner, left);
        else owners.delete(owner);
      }
    }
  }

  return {
    convertMany,
    async convert(input, fileName, request) {
      const [pdf] = await convertMany([input], path.extname(fileName), request);
      return pdf!;
    },
    stats,
  };
}

async function readIfMade(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The PDF of each input, or undefined where LibreOffice made none. */
async function sofficeToPdf(
  soffice: string,
  inputs: readonly Buffer[],
  extension: string,
  timeoutMs: number | undefined,
): Promise<(Buffer | undefined)[]> {
  const dir = await scratchDir('pdf');
  try {
    // ASCII names: the units' Chinese names are not needed inside the server's temporary folder.
    const sources = inputs.map((_, i) => path.join(dir, `document${i}${extension}`));
    await Promise.all(inputs.map((input, i) => writeFile(sources[i]!, input)));
    await timed(pdfDuration, () =>
      run(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...sources,
        ],
        timeoutMs ?? TIMEOUT_MS + PER_FILE_MS * (inputs.length - 1),
      ),
    );
    return await Promise.all(inputs.map((_, i) => readIfMade(path.join(dir, `document${i}.pdf`))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The app's converter: one per process, so its slots and queues are the server's. */
export const pdfConverter = createPdfConverter();

/** Converts one document; `fileName` only names the temporary file (its extension picks the filter). */
export function convertToPdf(input: Buffer, fileName: string, request: PdfRequest = {}): Promise<Buffer> {
  return pdfConverter.convert(input, fileName, request);
}

/**
 * Converts several documents of one type in one LibreOffice run: starting LibreOffice costs most of a
 * conversion's second, so a package's forms go through in batches. The result is in input order.
 */
export function convertManyToPdf(
  inputs: readonly Buffer[],
  extension: string,
  request: PdfRequest = {},
): Promise<Buffer[]> {
  return pdfConverter.convertMany(inputs, extension, request);
}
