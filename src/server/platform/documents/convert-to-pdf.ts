/**
 * DOCX/XLSX → PDF through LibreOffice headless, when the server has it (apt libreoffice-writer-nogui).
 * Each call gets its own temporary folder and its own LibreOffice profile (-env:UserInstallation):
 * two conversions sharing the default profile lock each other out and one fails. A conversion takes
 * about a second and a few hundred MB, so at most two run at once and the rest wait their turn.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors.ts';

const TIMEOUT_MS = 60_000;
/** Extra time per further document of a batch. */
const PER_FILE_MS = 10_000;
const MAX_PARALLEL = 2;

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

let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
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

/** Converts one document; `fileName` only names the temporary file (its extension picks the filter). */
export async function convertToPdf(
  input: Buffer,
  fileName: string,
  options: { timeoutMs?: number } = {},
): Promise<Buffer> {
  const [pdf] = await convertManyToPdf([input], path.extname(fileName), options);
  return pdf!;
}

/**
 * Converts several documents of one type in one LibreOffice run: starting LibreOffice costs most of a
 * conversion's second, so a package's forms go through in batches. The result is in input order.
 */
export async function convertManyToPdf(
  inputs: readonly Buffer[],
  extension: string,
  options: { timeoutMs?: number } = {},
): Promise<Buffer[]> {
  const soffice = findSoffice();
  if (!soffice) throw pdfUnavailable();
  if (inputs.length === 0) return [];
  return inTurn(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-pdf-'));
    try {
      // ASCII names: the units' Chinese names are not needed inside the server's temporary folder.
      const sources = inputs.map((_, i) => path.join(dir, `document${i}${extension}`));
      await Promise.all(inputs.map((input, i) => writeFile(sources[i]!, input)));
      await run(
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
        options.timeoutMs ?? TIMEOUT_MS + PER_FILE_MS * (inputs.length - 1),
      );
      return await Promise.all(inputs.map((_, i) => readFile(path.join(dir, `document${i}.pdf`))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
