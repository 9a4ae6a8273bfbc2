import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegAvailability, film, flatImage, noisyJpeg, tempFolder } from '#test/fixtures/media/generate.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { available: ffmpeg } = ffmpegAvailability();
const folder = tempFolder('tuijie-check-');
const file = (name: string) => join(folder.dir, name);

/** Runs `tuijie check` asynchronously, so the test files run side by side. */
function tuijie(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/cli/main.ts', 'check', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function json(...args: string[]) {
  const run = await tuijie(...args, '--json');
  return { status: run.status, output: JSON.parse(run.stdout) };
}

const codes = (output: { findings: { code: string; severity: string }[] }, severity = 'error') =>
  output.findings.filter((f) => f.severity === severity).map((f) => f.code);

beforeAll(async () => {
  writeFileSync(file('star.jpg'), await noisyJpeg(3000, 2000, 300));
  writeFileSync(
    file('small-72.jpg'),
    await flatImage(600, 400).jpeg().withMetadata({ density: 72 }).toBuffer(),
  );
  writeFileSync(file('png.jpg'), await flatImage(600, 400).png().toBuffer());
  writeFileSync(file('empty.jpg'), Buffer.alloc(0));
  if (ffmpeg) {
    film(file('fps30.mp4'), { fps: 30 });
    film(file('mov.mp4'), { format: 'mov' });
  }
});
afterAll(() => folder.remove());

describe('tuijie check', () => {
  it('passes a good star photo with exit 0, the attestations as warnings', async () => {
    const { status, output } = await json(file('star.jpg'), '--spec', 'star-photo');
    expect(status).toBe(0);
    expect(output).toMatchObject({
      spec: 'star-photo',
      ok: true,
      probed: { format: 'jpeg', dpi: { x: 300 } },
    });
    expect(codes(output)).toEqual([]);
    expect(codes(output, 'warning')).toContain('ATTESTATION_NEEDED');
  });

  it('fails a small 72 dpi photo with exit 1 and says what to do, in Chinese', async () => {
    const run = await tuijie(file('small-72.jpg'), '--spec', 'star-photo');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('分辨率：72 dpi');
    expect(run.stdout).toContain(
      '错误 PHOTO_DPI_LOW：照片分辨率为 72 dpi，要求不低于 300 dpi，请用扫描仪以 300 dpi 重新扫描',
    );
    expect(run.stdout).toContain('错误 PHOTO_TOO_SMALL');
    expect(run.stdout).toContain('结论：不符合要求');
  });

  it('names the real format of a PNG called .jpg', async () => {
    const { status, output } = await json(file('png.jpg'), '--spec', 'star-photo');
    expect(status).toBe(1);
    expect(codes(output)).toContain('PHOTO_FORMAT');
    expect(output.probed.format).toBe('png');
  });

  it('project photos only need 1 MB', async () => {
    const { status, output } = await json(file('star.jpg'), '--spec', 'project-photo');
    expect(status).toBe(0);
    expect(output.ok).toBe(true);
  });

  it.each([
    ['empty.jpg', 'FILE_EMPTY'],
    ['missing.jpg', 'FILE_NOT_FOUND'],
  ])('exits 2 when %s cannot be read at all', async (name, code) => {
    const { status, output } = await json(file(name), '--spec', 'star-photo');
    expect(status).toBe(2);
    expect(codes(output)).toEqual([code]);
  });

  it.skipIf(!ffmpeg)('fails a 30 fps QuickTime film with the reasons', async () => {
    const fps = await json(file('fps30.mp4'), '--spec', 'video');
    expect(fps.status).toBe(1);
    expect(codes(fps.output)).toEqual(['VIDEO_FPS', 'VIDEO_DURATION']);
    expect(fps.output.findings[0].message).toContain('视频帧率为 30 fps，要求 25 fps');
    const mov = await json(file('mov.mp4'), '--spec', 'video');
    expect(codes(mov.output)).toContain('VIDEO_CONTAINER');
  });

  it.each([
    [[], '请给出要检查的文件'],
    [['a.jpg'], '请用 --spec 选择规格'],
    [['a.jpg', '--spec', 'poster'], '未知规格「poster」'],
    [['a.jpg', '--campaign', '12', '--spec', 'video'], '活动编号「12」格式不正确'],
  ])('usage problem %j exits 2', async (args, message) => {
    const run = await tuijie(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
