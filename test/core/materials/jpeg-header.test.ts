import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRECHECK_HEAD_BYTES } from '#core/materials/file-head.ts';
import { isJpeg, readJpegHeader } from '#core/materials/jpeg-header.ts';
import { MEBIBYTE } from '#core/materials/spec.ts';
import { probeFile } from '#server/platform/media/probe-file.ts';
import { claimSize, flatImage, noisyJpeg, tempFolder, withJfif } from '#test/fixtures/media/generate.ts';

const folder = tempFolder('tuijie-jpeg-header-');
const file = (name: string) => join(folder.dir, name);
/** What the browser reads: `file.slice(0, PRECHECK_HEAD_BYTES)`. */
const head = (name: string) => new Uint8Array(readFileSync(file(name)).subarray(0, PRECHECK_HEAD_BYTES));

/** Sets the unit byte of the JFIF header `withJfif` wrote (offset 2 + 4 + 7 = 13): 2 is dots per cm. */
function jfifUnit(jpeg: Buffer, unit: number): Buffer {
  const copy = Buffer.from(jpeg);
  copy[13] = unit;
  return copy;
}

/** A big-endian (MM) EXIF block recording XResolution/YResolution and a unit, inserted after SOI. */
function withBigEndianExif(jpeg: Buffer, dpi: number, unit: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 3 * 12 + 4 + 16);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(3, 8);
  const values = 8 + 2 + 3 * 12 + 4;
  const entry = (i: number, tag: number, type: number, value: number) => {
    const at = 10 + i * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(1, at + 4);
    if (type === 3) tiff.writeUInt16BE(value, at + 8);
    else tiff.writeUInt32BE(value, at + 8);
  };
  entry(0, 0x011a, 5, values);
  entry(1, 0x011b, 5, values + 8);
  entry(2, 0x0128, 3, unit);
  for (const at of [values, values + 8]) {
    tiff.writeUInt32BE(dpi * 10, at);
    tiff.writeUInt32BE(10, at + 4);
  }
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, body, jpeg.subarray(2)]);
}

const FILES = [
  'star-300.jpg',
  'no-density.jpg',
  'jfif-150.jpg',
  'jfif-aspect.jpg',
  'jfif-cm.jpg',
  'exif-only-300.jpg',
  'exif-over-jfif.jpg',
  'exif-mm-cm.jpg',
  'exif-unit-none.jpg',
];

beforeAll(async () => {
  const flat = await flatImage(400, 300).jpeg().toBuffer();
  writeFileSync(file('star-300.jpg'), await noisyJpeg(3000, 2000, 300));
  writeFileSync(file('no-density.jpg'), flat);
  writeFileSync(file('jfif-150.jpg'), withJfif(flat, 150));
  writeFileSync(file('jfif-aspect.jpg'), withJfif(flat, 'aspect-only'));
  writeFileSync(file('jfif-cm.jpg'), jfifUnit(withJfif(flat, 118), 2));
  // sharp writes the density as EXIF only (no JFIF segment): the usual camera case.
  writeFileSync(
    file('exif-only-300.jpg'),
    await flatImage(400, 300).jpeg().withMetadata({ density: 300 }).toBuffer(),
  );
  writeFileSync(
    file('exif-over-jfif.jpg'),
    withJfif(await flatImage(400, 300).jpeg().withMetadata({ density: 300 }).toBuffer(), 72),
  );
  writeFileSync(file('exif-mm-cm.jpg'), withBigEndianExif(flat, 118, 3));
  writeFileSync(file('exif-unit-none.jpg'), withBigEndianExif(flat, 300, 1));
  writeFileSync(file('bomb.jpg'), claimSize(flat, 60_000, 60_000));
});
afterAll(() => folder.remove());

describe('readJpegHeader', () => {
  it('reads the frame size and density of a 6 MB, 300 dpi photo from its first 256 KB', () => {
    expect(readFileSync(file('star-300.jpg')).length).toBeGreaterThan(5 * MEBIBYTE);
    expect(readJpegHeader(head('star-300.jpg'))).toEqual({
      width: 3000,
      height: 2000,
      dpi: { x: 300, y: 300 },
      dpiSource: 'exif',
    });
  });

  it.each([
    ['no-density.jpg', 'unknown', 'none'],
    ['jfif-aspect.jpg', 'unknown', 'none'],
    ['exif-unit-none.jpg', 'unknown', 'none'],
    ['jfif-150.jpg', { x: 150, y: 150 }, 'jfif'],
    ['exif-only-300.jpg', { x: 300, y: 300 }, 'exif'],
    ['exif-over-jfif.jpg', { x: 300, y: 300 }, 'exif'],
  ])('%s: density %j from %s, never an assumed 72', (name, dpi, dpiSource) => {
    expect(readJpegHeader(head(name))).toMatchObject({ width: 400, height: 300, dpi, dpiSource });
  });

  it('converts dots per cm (JFIF unit 2, EXIF unit 3, big-endian EXIF) to dpi', () => {
    for (const name of ['jfif-cm.jpg', 'exif-mm-cm.jpg']) {
      const read = readJpegHeader(head(name));
      expect(read?.dpi).not.toBe('unknown');
      const dpi = read?.dpi as { x: number; y: number };
      expect(dpi.x).toBeCloseTo(299.72, 2);
      expect(dpi.y).toBeCloseTo(299.72, 2);
    }
  });

  it('agrees with the server probe (sharp + exifr) on every file', async () => {
    for (const name of FILES) {
      const probed = await probeFile(file(name), { maxBytes: 100 * MEBIBYTE });
      const read = readJpegHeader(head(name));
      expect(probed.kind, name).toBe('image');
      if (probed.kind !== 'image' || !read) throw new Error(name);
      expect({ name, width: read.width, height: read.height, dpiSource: read.dpiSource }).toEqual({
        name,
        width: probed.width,
        height: probed.height,
        dpiSource: probed.dpiSource,
      });
      if (probed.dpi === 'unknown') expect(read.dpi, name).toBe('unknown');
      else {
        expect(read.dpi, name).not.toBe('unknown');
        const dpi = read.dpi as { x: number; y: number };
        expect(dpi.x, name).toBeCloseTo(probed.dpi.x, 3);
        expect(dpi.y, name).toBeCloseTo(probed.dpi.y, 3);
      }
    }
  });

  it('reads the size a decompression bomb claims without decoding anything', () => {
    expect(readJpegHeader(head('bomb.jpg'))).toMatchObject({ width: 60_000, height: 60_000 });
  });

  it('keeps the density when the frame header lies beyond the bytes read', () => {
    const cut = head('exif-only-300.jpg').subarray(0, 200);
    expect(readJpegHeader(cut)).toEqual({ dpi: { x: 300, y: 300 }, dpiSource: 'exif' });
  });

  it('says undefined for anything that is not a JPEG, and never throws on junk', () => {
    expect(isJpeg(new TextEncoder().encode('这不是图片'))).toBe(false);
    expect(readJpegHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(readJpegHeader(new Uint8Array(0))).toBeUndefined();
    // A JPEG start followed by garbage, and segments whose lengths point past the end.
    const junk = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d]);
    expect(readJpegHeader(junk)).toEqual({ dpi: 'unknown', dpiSource: 'none' });
    for (let length = 0; length < 64; length++) {
      const random = Uint8Array.from({ length }, (_, i) => (i < 3 ? [0xff, 0xd8, 0xff][i]! : (i * 97) % 256));
      expect(() => readJpegHeader(random)).not.toThrow();
    }
  });
});
