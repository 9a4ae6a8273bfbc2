import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEBIBYTE } from '#core/materials/spec.ts';
import { cut, ffmpegAvailability, film, tempFolder } from '#test/fixtures/media/generate.ts';
import { probeFile } from './probe-file.ts';

const { available } = ffmpegAvailability();
const folder = tempFolder();
const file = (name: string) => join(folder.dir, name);
const probe = (name: string) => probeFile(file(name), { maxBytes: 500 * MEBIBYTE });

beforeAll(() => {
  if (!available) return;
  film(file('good.mp4'));
  film(file('fps30.mp4'), { fps: 30 });
  film(file('ntsc.mp4'), { fps: 30000 / 1001 });
  film(file('mpeg4.mp4'), { codec: 'mpeg4', size: '640x360' });
  film(file('quicktime.mp4'), { format: 'mov' });
  film(file('faststart.mp4'), { faststart: true });
  cut(file('good.mp4'), 0.5, file('truncated.mp4'));
  cut(file('faststart.mp4'), 0.5, file('truncated-faststart.mp4'));
  copyFileSync(file('good.mp4'), file('renamed.jpg'));
});
afterAll(() => folder.remove());

describe.skipIf(!available)('probeFile: videos', () => {
  it('measures an H.264 1280×720 25 fps MP4', async () => {
    expect(await probe('good.mp4')).toMatchObject({
      kind: 'video',
      container: 'mp4',
      brand: 'isom',
      videoCodec: 'h264',
      width: 1280,
      height: 720,
      fps: 25,
      durationSeconds: 2,
      audioCodec: null,
    });
  });

  it.each([
    ['fps30.mp4', { fps: 30 }],
    ['mpeg4.mp4', { videoCodec: 'mpeg4', width: 640, height: 360 }],
    ['quicktime.mp4', { container: 'mov', brand: 'qt  ' }],
    ['renamed.jpg', { kind: 'video', container: 'mp4' }],
  ])('%s reads as %j', async (name, expected) => {
    expect(await probe(name)).toMatchObject(expected);
  });

  it('reads 29.97 fps as 29.97, not 30', async () => {
    const probed = await probe('ntsc.mp4');
    expect(probed.kind === 'video' && probed.fps).toBeCloseTo(29.97, 2);
  });

  it.each(['truncated.mp4', 'truncated-faststart.mp4'])('refuses %s as incomplete', async (name) => {
    const probed = await probe(name);
    expect(probed).toMatchObject({ kind: 'unreadable', code: 'TRUNCATED' });
    expect(probed.kind === 'unreadable' && probed.reason).toContain('视频文件不完整');
  });
});
