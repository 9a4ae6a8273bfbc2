import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEBIBYTE } from '#core/materials/spec.ts';
import { claimSize, cut, flatImage, noisyJpeg, tempFolder, withJfif } from '#test/fixtures/media/generate.ts';
import { probeFile } from './probe-file.ts';

const folder = tempFolder();
const file = (name: string) => join(folder.dir, name);
const probe = (name: string, maxBytes = 100 * MEBIBYTE) => probeFile(file(name), { maxBytes });

beforeAll(async () => {
  const flat = await flatImage(400, 300).jpeg().toBuffer();
  writeFileSync(file('star.jpg'), await noisyJpeg(3000, 2000, 300));
  writeFileSync(file('no-density.jpg'), flat);
  writeFileSync(file('jfif-150.jpg'), withJfif(flat, 150));
  writeFileSync(file('jfif-aspect.jpg'), withJfif(flat, 'aspect-only'));
  writeFileSync(
    file('exif-over-jfif.jpg'),
    withJfif(await flatImage(400, 300).jpeg().withMetadata({ density: 300 }).toBuffer(), 72),
  );
  writeFileSync(file('png-renamed.jpg'), await flatImage(400, 300).png().toBuffer());
  writeFileSync(
    file('png-300.png'),
    await flatImage(400, 300).png().withMetadata({ density: 300 }).toBuffer(),
  );
  writeFileSync(file('bomb.jpg'), claimSize(flat, 60_000, 60_000));
  writeFileSync(file('empty.jpg'), Buffer.alloc(0));
  writeFileSync(file('text.jpg'), '这不是图片');
  cut(file('star.jpg'), 0.6, file('truncated.jpg'));
  cut(file('png-renamed.jpg'), 0.5, file('truncated.png'));
  // A phone "motion photo" appends data after the JPEG's end marker; the picture is still complete.
  writeFileSync(file('trailer.jpg'), Buffer.concat([flat, Buffer.from('....ftypmp42 trailing film')]));
});
afterAll(() => folder.remove());

describe('probeFile: images', () => {
  it('measures a 300 dpi noisy JPEG of more than 5 MB', async () => {
    const probed = await probe('star.jpg');
    expect(probed).toMatchObject({
      kind: 'image',
      format: 'jpeg',
      width: 3000,
      height: 2000,
      dpi: { x: 300, y: 300 },
    });
    expect(probed.kind === 'image' && probed.bytes).toBeGreaterThan(5 * MEBIBYTE);
  });

  it.each([
    ['no-density.jpg', 'unknown', 'none'],
    ['jfif-aspect.jpg', 'unknown', 'none'],
    ['jfif-150.jpg', { x: 150, y: 150 }, 'jfif'],
    ['exif-over-jfif.jpg', { x: 300, y: 300 }, 'exif'],
    ['png-300.png', { x: 300, y: 300 }, 'png'],
  ])('%s: density %j from %s (never a made-up 72)', async (name, dpi, dpiSource) => {
    expect(await probe(name)).toMatchObject({ kind: 'image', dpi, dpiSource });
  });

  it('tells a PNG named .jpg by its content', async () => {
    expect(await probe('png-renamed.jpg')).toMatchObject({ kind: 'image', format: 'png' });
  });

  it('accepts data after a JPEG end marker', async () => {
    expect(await probe('trailer.jpg')).toMatchObject({ kind: 'image', format: 'jpeg' });
  });

  it.each([
    ['bomb.jpg', 'TOO_MANY_PIXELS', '图片尺寸过大'],
    ['empty.jpg', 'EMPTY', '文件为空（0 字节）'],
    ['text.jpg', 'UNKNOWN_FORMAT', '无法识别的文件格式'],
    ['truncated.jpg', 'TRUNCATED', '图片文件不完整'],
    ['truncated.png', 'TRUNCATED', '图片文件不完整'],
    ['missing.jpg', 'NOT_FOUND', '找不到该文件'],
  ])('refuses %s as %s', async (name, code, reason) => {
    const probed = await probe(name);
    expect(probed).toMatchObject({ kind: 'unreadable', code });
    expect(probed.kind === 'unreadable' && probed.reason).toContain(reason);
  });

  it('refuses a file above the cap by its size, before reading it', async () => {
    expect(await probe('star.jpg', 5 * MEBIBYTE)).toMatchObject({ kind: 'unreadable', code: 'TOO_LARGE' });
  });

  it('refuses the bomb by its header, without decoding it', async () => {
    const before = process.memoryUsage().rss;
    const refused = await probe('bomb.jpg');
    expect(refused).toMatchObject({ kind: 'unreadable', code: 'TOO_MANY_PIXELS' });
    // 3.6 gigapixels would need ~10 GB decoded; a refusal by header needs next to no memory.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MEBIBYTE);
  });

  it('finds damage inside the data when asked to decode', async () => {
    const damaged = await probeFile(file('truncated.jpg'), { maxBytes: 100 * MEBIBYTE, decode: true });
    expect(damaged).toMatchObject({ kind: 'unreadable', code: 'TRUNCATED' });
    expect(await probeFile(file('star.jpg'), { maxBytes: 100 * MEBIBYTE, decode: true })).toMatchObject({
      kind: 'image',
    });
  });
});
