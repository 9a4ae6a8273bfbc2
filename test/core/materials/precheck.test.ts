import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinSpec } from '#core/materials/builtin-specs.ts';
import { checkMaterial } from '#core/materials/check-material.ts';
import { PRECHECK_HEAD_BYTES, readFileHead } from '#core/materials/file-head.ts';
import {
  type BrowserReading,
  needsVideoMetadata,
  precheckMaterial,
  type VideoMetadata,
} from '#core/materials/precheck.ts';
import { type MaterialSlotSpec, MEBIBYTE } from '#core/materials/spec.ts';
import { probeFile } from '#server/platform/media/probe-file.ts';
import {
  claimSize,
  ffmpegAvailability,
  film,
  flatImage,
  noisyJpeg,
  tempFolder,
  withJfif,
} from '#test/fixtures/media/generate.ts';

const folder = tempFolder('tuijie-precheck-');
const file = (name: string) => join(folder.dir, name);
const starPhoto = builtinSpec('star-photo')!;
const projectPhoto = builtinSpec('project-photo')!;
const video = builtinSpec('video')!;
const workSummary: MaterialSlotSpec = {
  id: 'workSummary',
  label: '工作总结',
  kind: 'document',
  formats: ['docx', 'doc', 'pdf'],
  required: true,
  count: { min: 1, max: 1 },
  attestations: [],
};
const { available: ffmpeg } = ffmpegAvailability();

/** What the browser hands over: the name, the size, `file.slice(0, 256 KB)`, and a `<video>`'s metadata. */
function reading(name: string, videoMetadata?: VideoMetadata, as = name): BrowserReading {
  const bytes = readFileSync(file(name));
  return {
    fileName: as,
    bytes: bytes.length,
    head: new Uint8Array(bytes.subarray(0, PRECHECK_HEAD_BYTES)),
    video: videoMetadata,
  };
}

const codes = (findings: { code: string; severity: string }[], severity: 'error' | 'warning') =>
  findings.filter((f) => f.severity === severity).map((f) => f.code);

/** The server's verdict on the same file: probe, then checkMaterial. */
async function serverErrors(name: string, slot: MaterialSlotSpec, as = name) {
  const probed = await probeFile(file(name), { maxBytes: 500 * MEBIBYTE });
  return codes(checkMaterial(probed, slot, { fileName: as }), 'error');
}

beforeAll(async () => {
  const flat = await flatImage(400, 300).jpeg().toBuffer();
  writeFileSync(file('star-300.jpg'), await noisyJpeg(3000, 2000, 300));
  writeFileSync(file('big-no-density.jpg'), await noisyJpeg(3000, 2000));
  writeFileSync(file('small-72.jpg'), withJfif(flat, 72));
  writeFileSync(file('png.jpg'), await flatImage(400, 300).png().toBuffer());
  writeFileSync(
    file('png-300.png'),
    await flatImage(400, 300).png().withMetadata({ density: 300 }).toBuffer(),
  );
  writeFileSync(file('bomb.jpg'), claimSize(flat, 60_000, 60_000));
  writeFileSync(file('empty.jpg'), Buffer.alloc(0));
  writeFileSync(file('text.jpg'), '这不是图片');
  writeFileSync(file('summary.pdf'), '%PDF-1.7\n% 工作总结\n');
  const office = (part: string) =>
    new JSZip()
      .file('[Content_Types].xml', '<Types/>')
      .file(part, '<x/>')
      .generateAsync({ type: 'nodebuffer' });
  writeFileSync(file('summary.docx'), await office('word/document.xml'));
  writeFileSync(file('table.xlsx'), await office('xl/workbook.xml'));
  if (ffmpeg) {
    film(file('good.mp4'), { seconds: 1, faststart: true });
    film(file('quicktime.mp4'), { seconds: 1, format: 'mov' });
    film(file('small.mp4'), { seconds: 1, size: '640x480' });
    film(file('fps30.mp4'), { seconds: 1, fps: 30 });
  }
});
afterAll(() => folder.remove());

describe('precheckMaterial: photos', () => {
  it('lets a 6 MB, 300 dpi JPEG go with nothing to say', () => {
    const result = precheckMaterial(reading('star-300.jpg'), starPhoto);
    expect(result).toMatchObject({ findings: [], blocked: false });
    expect(result.measured).toMatch(/^JPEG，\d\.\d MB，3000×2000 像素，300 dpi$/);
  });

  it('stops a small 72 dpi JPEG with both reasons, as the server would after upload', async () => {
    const result = precheckMaterial(reading('small-72.jpg'), starPhoto);
    expect(result.blocked).toBe(true);
    expect(codes(result.findings, 'error')).toEqual(['PHOTO_TOO_SMALL', 'PHOTO_DPI_LOW']);
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(
      /要求不低于 5 MB[\s\S]*72 dpi，要求不低于 300 dpi/,
    );
    expect(codes(result.findings, 'error')).toEqual(await serverErrors('small-72.jpg', starPhoto));
  });

  it('lets a JPEG without density go, with a warning that it could not be checked', () => {
    const result = precheckMaterial(reading('big-no-density.jpg'), starPhoto);
    expect(result.blocked).toBe(false);
    expect(codes(result.findings, 'warning')).toEqual(['PHOTO_DPI_UNKNOWN']);
    expect(result.measured).toContain('未记录 dpi');
  });

  it('tells a PNG named .jpg by its content', async () => {
    const result = precheckMaterial(reading('png.jpg'), starPhoto);
    expect(codes(result.findings, 'error')).toEqual(['PHOTO_FORMAT', 'PHOTO_TOO_SMALL']);
    expect(result.findings[0]!.message).toContain('只改扩展名无效');
    expect(codes(result.findings, 'error')).toEqual(await serverErrors('png.jpg', starPhoto));
  });

  it("reads a PNG's size and density (pHYs) as the server does", async () => {
    for (const name of ['png-300.png', 'png.jpg']) {
      const probed = await probeFile(file(name), { maxBytes: 100 * MEBIBYTE });
      const head = readFileHead(reading(name).head);
      if (probed.kind !== 'image' || head.kind !== 'image') throw new Error(name);
      expect({ width: head.width, height: head.height, source: head.dpiSource }).toEqual({
        width: probed.width,
        height: probed.height,
        source: probed.dpiSource,
      });
      if (probed.dpi === 'unknown') expect(head.dpi).toBe('unknown');
      else expect(head.dpi === 'unknown' ? 0 : head.dpi.x).toBeCloseTo(probed.dpi.x, 0);
    }
  });

  it('refuses a decompression bomb by its header, as the server does', async () => {
    const result = precheckMaterial(reading('bomb.jpg'), projectPhoto);
    expect(codes(result.findings, 'error')).toEqual(['FILE_TOO_MANY_PIXELS']);
    expect(await serverErrors('bomb.jpg', projectPhoto)).toEqual(['FILE_TOO_MANY_PIXELS']);
  });

  it('refuses an empty file and one that is no picture at all', async () => {
    expect(codes(precheckMaterial(reading('empty.jpg'), starPhoto).findings, 'error')).toEqual([
      'FILE_EMPTY',
    ]);
    expect(codes(precheckMaterial(reading('text.jpg'), starPhoto).findings, 'error')).toEqual([
      'FILE_UNKNOWN_FORMAT',
    ]);
    expect(await serverErrors('empty.jpg', starPhoto)).toEqual(['FILE_EMPTY']);
    expect(await serverErrors('text.jpg', starPhoto)).toEqual(['FILE_UNKNOWN_FORMAT']);
  });

  it("uses the slot's own cap when the campaign sets one, else the kind's default", () => {
    const capped = precheckMaterial(reading('star-300.jpg'), { ...starPhoto, maxBytes: 2 * MEBIBYTE });
    expect(codes(capped.findings, 'error')).toEqual(['FILE_TOO_LARGE']);
    expect(capped.findings[0]!.message).toContain('超过上限 2 MB');
    const huge = { ...reading('star-300.jpg'), bytes: 101 * MEBIBYTE };
    expect(codes(precheckMaterial(huge, starPhoto).findings, 'error')).toEqual(['FILE_TOO_LARGE']);
  });
});

describe.skipIf(!ffmpeg)('precheckMaterial: videos', () => {
  const meta = (width: number, height: number, durationSeconds: number) => ({
    width,
    height,
    durationSeconds,
  });

  it('asks for video metadata only for films', () => {
    expect(needsVideoMetadata(reading('good.mp4').head)).toBe(true);
    expect(needsVideoMetadata(reading('star-300.jpg').head)).toBe(false);
  });

  it('reads the container from the first bytes as the server reads the brand', async () => {
    for (const name of ['good.mp4', 'quicktime.mp4', 'small.mp4']) {
      const probed = await probeFile(file(name), { maxBytes: 500 * MEBIBYTE });
      const head = readFileHead(reading(name).head);
      if (probed.kind !== 'video' || head.kind !== 'video') throw new Error(name);
      expect({ container: head.container, brand: head.brand }).toEqual({
        container: probed.container,
        brand: probed.brand,
      });
    }
  });

  it('lets a 4½-minute 1280×720 MP4 go, saying codec and frame rate are checked after upload', () => {
    const result = precheckMaterial(reading('good.mp4', meta(1280, 720, 270)), video);
    expect(result.blocked).toBe(false);
    expect(codes(result.findings, 'warning')).toEqual(['PRECHECK_SERVER_MEASURES']);
    expect(result.findings[0]!.message).toContain('要求编码 H.264，帧率 25 fps');
    expect(result.measured).toMatch(/^MP4，.*，1280×720，4分30秒$/);
  });

  it('stops a film with the wrong frame size before a byte is sent (300 MB or not)', () => {
    const result = precheckMaterial(
      { ...reading('small.mp4', meta(640, 480, 270)), bytes: 300 * MEBIBYTE },
      video,
    );
    expect(result.blocked).toBe(true);
    expect(codes(result.findings, 'error')).toEqual(['VIDEO_RESOLUTION']);
    expect(result.findings[0]!.message).toContain('视频分辨率为 640×480，要求 1280×720');
  });

  it('stops a short film by its duration, with the same words as the server', async () => {
    const result = precheckMaterial(reading('good.mp4', meta(1280, 720, 1)), video);
    expect(codes(result.findings, 'error')).toEqual(['VIDEO_DURATION']);
    expect(await serverErrors('good.mp4', video)).toEqual(['VIDEO_DURATION']);
  });

  it('stops a QuickTime film renamed .mp4', async () => {
    const result = precheckMaterial(reading('quicktime.mp4', meta(1280, 720, 270)), video);
    expect(codes(result.findings, 'error')).toEqual(['VIDEO_CONTAINER']);
    expect((await serverErrors('quicktime.mp4', video)).slice(0, 1)).toEqual(['VIDEO_CONTAINER']);
  });

  it('lets a 30 fps film go: the frame rate is for the server to measure', async () => {
    const result = precheckMaterial(reading('fps30.mp4', meta(1280, 720, 270)), video);
    expect(result.blocked).toBe(false);
    expect(await serverErrors('fps30.mp4', video)).toContain('VIDEO_FPS');
  });

  it('lets a film the browser cannot read go, with a warning', () => {
    const result = precheckMaterial(reading('good.mp4', 'unreadable'), video);
    expect(result.blocked).toBe(false);
    expect(codes(result.findings, 'warning')).toEqual([
      'PRECHECK_VIDEO_UNREADABLE',
      'PRECHECK_SERVER_MEASURES',
    ]);
  });

  it('lets a 1920×1080 phone film go when the platform converts, saying it will be converted', () => {
    const result = precheckMaterial(reading('good.mp4', meta(1920, 1080, 270)), video, { conversion: true });
    expect(result).toMatchObject({ blocked: false, willConvert: true });
    expect(result.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:VIDEO_WILL_CONVERT']);
    expect(result.findings[0]!.message).toBe(
      '视频的分辨率不符合要求（要求 MP4（H.264），1280×720，25 帧/秒），可以照常上传：上传后平台将自动转换为符合要求的视频，转换后的视频用于提交，原视频一并保留。',
    );
    expect(result.measured).toMatch(/1920×1080/);
  });

  it('still stops the 1920×1080 film where the platform cannot convert', () => {
    const result = precheckMaterial(reading('good.mp4', meta(1920, 1080, 270)), video);
    expect(result).toMatchObject({ blocked: true, willConvert: false });
    expect(codes(result.findings, 'error')).toEqual(['VIDEO_RESOLUTION']);
  });

  it('lets a QuickTime film go to be converted to MP4', () => {
    const result = precheckMaterial(reading('quicktime.mp4', meta(1280, 720, 270)), video, {
      conversion: true,
    });
    expect(result).toMatchObject({ blocked: false, willConvert: true });
    expect(result.findings[0]!.message).toMatch(/^视频的文件格式不符合要求/);
  });

  it('stops a film conversion cannot mend: too short, whatever its frame size', () => {
    const result = precheckMaterial(reading('good.mp4', meta(1920, 1080, 60)), video, { conversion: true });
    expect(result).toMatchObject({ blocked: true, willConvert: false });
    expect(codes(result.findings, 'error')).toEqual(['VIDEO_RESOLUTION', 'VIDEO_DURATION']);
  });

  it('says a wrong frame rate or codec found after upload will be converted', () => {
    const result = precheckMaterial(reading('good.mp4', meta(1280, 720, 270)), video, { conversion: true });
    expect(result).toMatchObject({ blocked: false, willConvert: false });
    expect(result.findings[0]!.message).toBe(
      '视频的编码和帧率在上传后检测（要求编码 H.264，帧率 25 fps），如不符合，平台将自动转换为 MP4（H.264），1280×720，25 帧/秒，原视频一并保留。',
    );
  });

  it('refuses a film in a photo slot and a photo in a video slot', () => {
    expect(
      codes(precheckMaterial(reading('good.mp4', meta(1280, 720, 270)), starPhoto).findings, 'error'),
    ).toEqual(['MATERIAL_KIND_MISMATCH']);
    expect(codes(precheckMaterial(reading('star-300.jpg'), video).findings, 'error')).toEqual([
      'MATERIAL_KIND_MISMATCH',
    ]);
  });
});

describe('precheckMaterial: documents', () => {
  it('accepts a PDF work summary and refuses a picture or an unknown file there', () => {
    expect(precheckMaterial(reading('summary.pdf'), workSummary)).toMatchObject({
      findings: [],
      blocked: false,
    });
    expect(
      codes(precheckMaterial(reading('text.jpg', undefined, '总结.docx'), workSummary).findings, 'error'),
    ).toEqual(['DOCUMENT_FORMAT']);
    expect(codes(precheckMaterial(reading('star-300.jpg'), workSummary).findings, 'error')).toEqual([
      'MATERIAL_KIND_MISMATCH',
    ]);
  });

  it('tells a Word package from an Excel one renamed .docx', () => {
    expect(precheckMaterial(reading('summary.docx'), workSummary)).toMatchObject({
      findings: [],
      blocked: false,
    });
    const excel = precheckMaterial(reading('table.xlsx', undefined, '工作总结.docx'), workSummary);
    expect(codes(excel.findings, 'error')).toEqual(['DOCUMENT_FORMAT']);
    expect(excel.findings[0]!.message).toContain('Excel');
  });

  it('refuses a document where a photo is asked for', () => {
    expect(codes(precheckMaterial(reading('summary.pdf'), starPhoto).findings, 'error')).toEqual([
      'FILE_UNKNOWN_FORMAT',
    ]);
  });
});
